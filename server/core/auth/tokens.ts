/** Signed, expiring access tokens (HS256 JWT with issuer and audience). */
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from './auth-user.js';

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface AccessTokenClaims {
  sub: string;
  role: Role;
}

export function signAccessToken(settings: TokenSettings, claims: AccessTokenClaims): string {
  return jwt.sign({ role: claims.role }, settings.secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: settings.ttlSeconds,
    jwtid: randomUUID(),
  });
}

/** Verifies signature, expiry, issuer and audience; returns the claims or undefined. */
export function verifyAccessToken(settings: TokenSettings, token: string): AccessTokenClaims | undefined {
  try {
    const payload = jwt.verify(token, settings.secret, {
      algorithms: ['HS256'],
      issuer: settings.issuer,
      audience: settings.audience,
    });
    if (typeof payload === 'string' || typeof payload.sub !== 'string') return undefined;
    return { sub: payload.sub, role: payload.role as Role };
  } catch {
    return undefined;
  }
}

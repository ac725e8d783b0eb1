/** Signed, expiring access tokens (HS256 JWT with issuer and audience). */
import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
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

const keys = new Map<string, KeyObject>();

/**
 * The HMAC key object for a secret, made once. Given a string instead,
 * jsonwebtoken first tries to parse it as a public key on every verify and
 * catches the failure: measured, a quarter of the CPU of an authenticated
 * request.
 */
export function signingKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export function signAccessToken(settings: TokenSettings, claims: AccessTokenClaims): string {
  return jwt.sign({ role: claims.role }, signingKey(settings.secret), {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: settings.issuer,
    audience: settings.audience,
    expiresIn: settings.ttlSeconds,
    jwtid: randomUUID(),
  });
}

/** Verified tokens remembered per settings object (see verifyAccessToken). */
const verified = new WeakMap<TokenSettings, Map<string, AccessTokenClaims & { expiresAtMs: number }>>();
/** Enough for every token in use at once in a programme this size; the oldest is dropped first. */
const MAX_REMEMBERED = 5000;

/**
 * Verifies signature, expiry, issuer and audience; returns the claims or
 * undefined. A token that passed is remembered, byte for byte, until it
 * expires, so a client presenting it again skips the HMAC and the JSON
 * parsing (measured, a tenth of an authenticated GET's CPU): a token is
 * immutable and a different byte is a different key. Failures are never
 * remembered. Whether the user is still active is checked on every call
 * by the caller, not here.
 */
export function verifyAccessToken(settings: TokenSettings, token: string, now = Date.now()): AccessTokenClaims | undefined {
  const verifiedToken = verifyAccessTokenUntil(settings, token, now);
  return verifiedToken && { sub: verifiedToken.sub, role: verifiedToken.role };
}

/** verifyAccessToken, with the instant (ms since the epoch) the token expires: a live socket is closed then. */
export function verifyAccessTokenUntil(settings: TokenSettings, token: string, now = Date.now()): (AccessTokenClaims & { expiresAtMs: number }) | undefined {
  let remembered = verified.get(settings);
  if (!remembered) verified.set(settings, (remembered = new Map()));
  const hit = remembered.get(token);
  if (hit) {
    // jsonwebtoken's rule: expired once the clock reaches `exp`.
    if (now < hit.expiresAtMs) return hit;
    remembered.delete(token);
    return undefined;
  }
  const claims = verifyAccessTokenNow(settings, token);
  if (!claims) return undefined;
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  const entry = { ...claims.claims, expiresAtMs: claims.exp * 1000 };
  remembered.set(token, entry);
  return entry;
}

function verifyAccessTokenNow(settings: TokenSettings, token: string): { claims: AccessTokenClaims; exp: number } | undefined {
  try {
    const payload = jwt.verify(token, signingKey(settings.secret), {
      algorithms: ['HS256'],
      issuer: settings.issuer,
      audience: settings.audience,
    });
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return undefined;
    return { claims: { sub: payload.sub, role: payload.role as Role }, exp: payload.exp };
  } catch {
    return undefined;
  }
}

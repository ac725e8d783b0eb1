/**
 * Passport strategies: `local` checks email + password at login, `jwt`
 * checks bearer tokens on every other call. Both delegate the lookup to
 * functions the users module provides, so this file knows no models.
 * Each app gets its own Authenticator (no global state shared by tests).
 */
import type { Request, RequestHandler, Response } from 'express';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { Strategy as LocalStrategy } from 'passport-local';
import { Unauthorized } from '../errors.js';
import type { AuthUser } from './auth-user.js';
import { signingKey, type TokenSettings } from './tokens.js';

export interface AuthDeps {
  tokens: TokenSettings;
  /** The active user with this id, or undefined (deleted, deactivated). */
  findActiveUser(id: string): Promise<AuthUser | undefined>;
  /** The user for these credentials, or undefined; must take the same time either way. */
  verifyCredentials(email: string, password: string): Promise<AuthUser | undefined>;
}

export interface Auth {
  /** Guard: a valid bearer token of an active user, else a 401 problem. */
  requireAuth: RequestHandler;
  /** Runs the local strategy on a request whose body was already validated. */
  authenticateLocal(req: Request, res: Response): Promise<AuthUser | undefined>;
}

export function createAuth(deps: AuthDeps): Auth {
  const authenticator = new passport.Passport();
  authenticator.use(
    'jwt',
    new JwtStrategy(
      {
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        // A KeyObject, not the string (see signingKey); passport-jwt hands it to jsonwebtoken as it is.
        secretOrKey: signingKey(deps.tokens.secret) as unknown as string,
        issuer: deps.tokens.issuer,
        audience: deps.tokens.audience,
        algorithms: ['HS256'],
      },
      (payload: { sub?: unknown }, done: (error: unknown, user?: AuthUser | false) => void) => {
        if (typeof payload.sub !== 'string') return done(null, false);
        deps.findActiveUser(payload.sub).then((user) => done(null, user ?? false), done);
      },
    ),
  );
  authenticator.use(
    'local',
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', session: false }, (email, password, done) => {
      deps.verifyCredentials(email, password).then((user) => done(null, user ?? false), done);
    }),
  );

  const requireAuth: RequestHandler = (req, res, next) => {
    authenticator.authenticate('jwt', { session: false }, (error: unknown, user: AuthUser | false) => {
      if (error) return next(error);
      if (!user) {
        return next(new Unauthorized('unauthenticated', 'Send a valid, unexpired token as "Authorization: Bearer <token>".'));
      }
      req.user = user;
      next();
    })(req, res, next);
  };

  const authenticateLocal = (req: Request, res: Response) =>
    new Promise<AuthUser | undefined>((resolve, reject) => {
      authenticator.authenticate('local', { session: false }, (error: unknown, user: AuthUser | false) => {
        if (error) reject(error);
        else resolve(user || undefined);
      })(req, res, reject);
    });

  return { requireAuth, authenticateLocal };
}

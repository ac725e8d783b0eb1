/**
 * Passport strategies: `local` checks email + password at login, `jwt`
 * checks bearer tokens on every other call (verifyAccessToken, which
 * remembers tokens it has verified). Both delegate the lookup to
 * functions the users module provides, so this file knows no models.
 * Each app gets its own Authenticator (no global state shared by tests).
 */
import type { Request, RequestHandler, Response } from 'express';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { Strategy } from 'passport-strategy';
import { Unauthorized } from '../errors.js';
import type { AuthUser } from './auth-user.js';
import { verifyAccessToken, type TokenSettings } from './tokens.js';

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
  authenticator.use('jwt', new BearerTokenStrategy(deps));
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

/** The token of an `Authorization: Bearer <token>` header (scheme in any case), else undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** A bearer access token of an active user; anything else fails (a 401 from requireAuth). */
class BearerTokenStrategy extends Strategy {
  name = 'jwt';

  constructor(private readonly deps: Pick<AuthDeps, 'tokens' | 'findActiveUser'>) {
    super();
  }

  override authenticate(req: Request): void {
    const token = bearerToken(req.headers.authorization);
    const claims = token === undefined ? undefined : verifyAccessToken(this.deps.tokens, token);
    if (!claims) return this.fail(401);
    this.deps.findActiveUser(claims.sub).then(
      (user) => (user ? this.success(user) : this.fail(401)),
      (error: unknown) => this.error(error as Error),
    );
  }
}

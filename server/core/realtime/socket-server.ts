/**
 * socket.io, authenticated with the same bearer token as the API. A socket
 * joins only the rooms its user may see; today that is `user:<id>`, and the
 * live-tracking issue adds `startup:<id>` and `cohort:<id>` through
 * `roomsFor`, checked by the domain policies.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { AuthUser } from '../auth/auth-user.js';
import { verifyAccessToken, type TokenSettings } from '../auth/tokens.js';

export interface RealtimeDeps {
  tokens: TokenSettings;
  findActiveUser(id: string): Promise<AuthUser | undefined>;
}

/** The rooms a user's sockets join on connection. */
export function roomsFor(user: AuthUser): string[] {
  return [`user:${user.id}`];
}

function tokenOf(handshake: { auth: Record<string, unknown>; headers: Record<string, unknown> }): string | undefined {
  if (typeof handshake.auth.token === 'string') return handshake.auth.token;
  const header = handshake.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): Server {
  const io = new Server(httpServer, { serveClient: false, cors: { origin: false } });
  io.use((socket, next) => {
    const token = tokenOf(socket.handshake);
    const claims = token ? verifyAccessToken(deps.tokens, token) : undefined;
    const refuse = () => {
      const error = new Error('unauthenticated') as Error & { data?: unknown };
      error.data = { code: 'unauthenticated', detail: 'Connect with a valid token: io(url, { auth: { token } }).' };
      next(error);
    };
    if (!claims) return refuse();
    deps.findActiveUser(claims.sub).then((user) => {
      if (!user) return refuse();
      socket.data.user = user;
      next();
    }, next);
  });
  io.on('connection', (socket) => {
    const user = socket.data.user as AuthUser;
    const rooms = roomsFor(user);
    void socket.join(rooms);
    socket.emit('session.ready', { userId: user.id, rooms });
  });
  return io;
}

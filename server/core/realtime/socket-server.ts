/**
 * socket.io, authenticated with the same bearer token as the API. A socket
 * joins its own `user:<id>` room on connection, and `startup:<id>`,
 * `cohort:<id>` or `mentor:<id>` when it asks (`room.join`) and the domain
 * policies (`RoomGuard`, from the modules) let its user see that room. A
 * token that expires disconnects its socket, with the reason sent first.
 *
 * With REDIS_URL the server uses the socket.io Redis adapter: events sent
 * to a room by any process (API or worker) reach sockets on every process.
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import { Server, type RemoteSocket, type Socket } from 'socket.io';
import type { AuthUser } from '../auth/auth-user.js';
import { verifyAccessTokenUntil, type TokenSettings } from '../auth/tokens.js';
import { socketOriginAllowed } from '../http/cors.js';
import type { ClientToServerEvents, JoinAck, RoomKind, RoomRefusal, ServerToClientEvents } from './live-events.js';
import { roomSequences } from './room-sequences.js';

/** Whether `user` may see the room `<kind>:<id>` (the REST policies, applied by the modules). */
export type RoomGuard = (user: AuthUser, kind: RoomKind, id: string) => Promise<boolean>;

export interface RealtimeDeps {
  /** How tokens are checked; unset in a process without HTTP (a lone worker), which only sends. */
  tokens?: TokenSettings;
  findActiveUser(id: string): Promise<AuthUser | undefined>;
  mayJoin: RoomGuard;
  logger: Logger;
  /** Redis for several processes; unset: this process only. */
  redisUrl?: string;
  /** Browser origins besides the server's own that may connect (CORS_ORIGINS); unset or empty: same-origin only. */
  corsOrigins?: readonly string[];
  /** How many live events may wait for Redis while it is away (default {@link REDIS_PUBLISH_BACKLOG}); later ones are dropped, and logged. */
  publishBacklog?: number;
}

interface SocketData {
  user: AuthUser;
  /** When its token expires (ms since the epoch). */
  expiresAtMs: number;
  /** Joins under way. */
  joining: number;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type AnyLiveSocket = LiveSocket | RemoteSocket<ServerToClientEvents, SocketData>;

export interface Realtime {
  io: LiveServer;
  /** Whether other processes share the rooms (REDIS_URL). */
  shared: boolean;
  /** Re-checks every socket in `room` against the policies (after a change of membership, mentorship, admission or role). */
  recheckRoom(room: string): Promise<void>;
  /** Re-checks every room of every socket of one user (after their role or status changed). */
  recheckUser(userId: string): Promise<void>;
  /** Tells this process's sockets that it is stopping (`server.shutdown`), then disconnects them; other processes' sockets stay. */
  announceShutdown(): void;
  close(): Promise<void>;
}

/** Every kind of room a socket may ask for (a kind added to RoomKind must be listed: the type says so). */
const ROOM_KIND_SET: Record<RoomKind, true> = { startup: true, cohort: true, mentor: true };
export const ROOM_KINDS = Object.keys(ROOM_KIND_SET) as RoomKind[];
const ROOM = new RegExp(`^(${ROOM_KINDS.join('|')}):([0-9a-f]{24})$`);
/** Rooms one socket may follow at once besides its own: more than a manager's cohorts and their startups, bounded all the same. */
export const MAX_ROOMS_PER_SOCKET = 200;

const DETAILS: Record<RoomRefusal, string> = {
  invalid_room: `Rooms are ${ROOM_KINDS.map((kind) => `${kind}:<id>`).join(', ')}, with a 24-hex id.`,
  room_forbidden: 'You may not follow this room (or it does not exist).',
  too_many_rooms: `A socket follows at most ${MAX_ROOMS_PER_SOCKET} rooms; leave one first.`,
};
const refusal = (room: string, code: RoomRefusal): JoinAck => ({ ok: false, room, code, detail: DETAILS[code] });

/** A client event's arguments and its acknowledgement (the last argument, when the client asked for one). */
function callOf<A>(args: unknown[]): { sent: unknown[]; ack?: (answer: A) => void } {
  const last = args.at(-1);
  return typeof last === 'function' ? { sent: args.slice(0, -1), ack: last as (answer: A) => void } : { sent: args };
}

/**
 * The room an answer names: the string sent, or a short text for anything
 * else. Never `String(value)` alone: it throws on a parsed `{"toString": 1}`,
 * and a throw in a socket.io handler is an uncaught exception that ends the process.
 */
function roomLabel(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value).slice(0, 200);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function tokenOf(handshake: { auth: Record<string, unknown>; headers: Record<string, unknown> }): string | undefined {
  if (typeof handshake.auth.token === 'string') return handshake.auth.token;
  const header = handshake.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/**
 * Starts socket.io on `httpServer` (undefined: a worker process that only
 * sends, through Redis). Resolves once the Redis clients are connected.
 */
export async function startRealtime(httpServer: HttpServer | undefined, deps: RealtimeDeps): Promise<Realtime> {
  const origins = deps.corsOrigins ?? [];
  const io: LiveServer = new Server(httpServer, {
    serveClient: false,
    // Polling answers carry CORS headers for the listed origins only; every handshake from another site is refused (decision 019).
    cors: { origin: origins.length > 0 ? [...origins] : false },
    allowRequest: (req, callback) => callback(null, socketOriginAllowed(origins, req)),
  });
  const redisClients = deps.redisUrl ? await connectRedis(io, deps.redisUrl, deps.logger, deps.publishBacklog ?? REDIS_PUBLISH_BACKLOG) : [];

  /** Whether the user may see `room`: their own user room, or a room the guard admits. */
  const allowed = async (user: AuthUser, room: string): Promise<boolean> => {
    if (room === `user:${user.id}`) return true;
    const match = ROOM.exec(room);
    return match ? deps.mayJoin(user, match[1] as RoomKind, match[2]!) : false;
  };

  io.use((socket, next) => {
    const token = tokenOf(socket.handshake);
    const claims = token && deps.tokens ? verifyAccessTokenUntil(deps.tokens, token) : undefined;
    const refuse = () => {
      const error = new Error('unauthenticated') as Error & { data?: unknown };
      error.data = { code: 'unauthenticated', detail: 'Connect with a valid, unexpired token: io(url, { auth: { token } }).' };
      next(error);
    };
    if (!claims) return refuse();
    deps.findActiveUser(claims.sub).then((user) => {
      if (!user) return refuse();
      socket.data.user = user;
      socket.data.expiresAtMs = claims.expiresAtMs;
      socket.data.joining = 0;
      next();
    }, next);
  });

  io.on('connection', (socket) => {
    const user = socket.data.user;
    const own = `user:${user.id}`;
    void socket.join(own);
    // The token's end is the connection's end.
    const expiry = expireAt(socket.data.expiresAtMs, () => expire(socket, 'token_expired', 'Your token expired; reconnect with a fresh one.'));
    socket.once('disconnect', () => expiry.cancel());

    // Handlers take whatever a client sends (decision 020): the acknowledgement is the last argument, and anything but one room string is refused.
    socket.on('room.join', (...args: unknown[]) => {
      const { sent, ack } = callOf<JoinAck>(args);
      if (!ack) return;
      const room = sent[0];
      if (sent.length !== 1 || typeof room !== 'string' || !ROOM.test(room)) return ack(refusal(roomLabel(room), 'invalid_room'));
      // Its own id and user room, the ones it follows and the ones it is asking for (joins run concurrently).
      if (!socket.rooms.has(room) && socket.rooms.size - 2 + socket.data.joining >= MAX_ROOMS_PER_SOCKET) return ack(refusal(room, 'too_many_rooms'));
      socket.data.joining += 1;
      void (async () => {
        // The user as stored now: a role changed since the handshake counts.
        const current = await deps.findActiveUser(user.id);
        if (!current) {
          ack(refusal(room, 'room_forbidden'));
          return expire(socket, 'user_inactive', 'Your account is no longer active.');
        }
        if (!(await allowed(current, room))) return ack(refusal(room, 'room_forbidden'));
        // Joined before the number is read, so every event numbered after it reaches this socket
        // (one numbered in between arrives too, and the snapshot read after the ack holds it).
        await socket.join(room);
        const seq = await roomSequences.current(room);
        // Checked again once joined: access ended while this join was under way (a re-check then could not see it) is not kept.
        const still = await deps.findActiveUser(user.id);
        if (!still || !(await allowed(still, room))) {
          await socket.leave(room);
          return ack(refusal(room, 'room_forbidden'));
        }
        ack({ ok: true, room, seq });
      })()
        .catch((error: unknown) => {
          deps.logger.error({ err: error, room }, 'room join failed');
          void socket.leave(room);
          ack(refusal(room, 'room_forbidden'));
        })
        .finally(() => {
          socket.data.joining -= 1;
        });
    });
    socket.on('room.leave', (...args: unknown[]) => {
      const { sent, ack } = callOf<{ ok: true; room: string }>(args);
      const room = sent[0];
      if (typeof room === 'string' && room !== own) void socket.leave(room);
      ack?.({ ok: true, room: roomLabel(room) });
    });
    socket.emit('session.ready', { userId: user.id, rooms: [own] });
  });

  /** Drops the rooms the socket's user may no longer see; disconnects a user no longer active. */
  const recheck = async (socket: AnyLiveSocket, only?: string): Promise<void> => {
    const user = await deps.findActiveUser(socket.data.user.id);
    if (!user) return expire(socket, 'user_inactive', 'Your account is no longer active.');
    for (const room of only ? [only] : [...socket.rooms]) {
      if (room === socket.id || !socket.rooms.has(room) || (await allowed(user, room))) continue;
      socket.leave(room);
      socket.emit('room.left', { room, code: 'room_forbidden' });
    }
  };
  /**
   * The sockets in `room` on every process; while Redis is away (or does not
   * answer within REDIS_FETCH_TIMEOUT_MS), this process's only, so that the
   * change that asked for the re-check is not held up. Sockets elsewhere get
   * no events from here meanwhile; their tokens' expiry still ends them.
   */
  const socketsIn = async (room: string): Promise<AnyLiveSocket[]> => {
    const local = () => io.local.in(room).fetchSockets();
    if (redisClients.length === 0) return local();
    if (!redisClients.every((client) => client.isReady)) {
      deps.logger.warn({ room }, 'redis unavailable: live room re-checked on this process only');
      return local();
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        io.in(room).fetchSockets(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer through Redis within ${REDIS_FETCH_TIMEOUT_MS} ms`)), REDIS_FETCH_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      deps.logger.warn({ err: error, room }, 'live room re-checked on this process only');
      return local();
    } finally {
      clearTimeout(timer);
    }
  };
  /** Re-checks each socket on its own: one that fails (logged) does not spare the others. */
  const recheckAll = async (sockets: AnyLiveSocket[], only?: string): Promise<void> => {
    await Promise.all(sockets.map((socket) => recheck(socket, only).catch((error: unknown) => deps.logger.error({ err: error, room: only }, 'live room re-check failed'))));
  };

  return {
    io,
    shared: redisClients.length > 0,
    async recheckRoom(room) {
      await recheckAll(await socketsIn(room), room);
    },
    async recheckUser(userId) {
      await recheckAll(await socketsIn(`user:${userId}`));
    },
    announceShutdown() {
      // `local`: through the Redis adapter a plain broadcast would reach, and disconnect, every process's sockets.
      io.local.emit('server.shutdown', { code: 'shutting_down', detail: 'This server is stopping; reconnect (another one, or this one once restarted, will answer).' });
      io.local.disconnectSockets(true);
    },
    async close() {
      io.local.disconnectSockets(true);
      // The subscriber has nothing to send, and the adapter's unsubscribing would wait for Redis if it is away: it is dropped at once.
      // So is a publisher whose Redis is away (it would wait for it to come back, reconnecting meanwhile), with what it holds.
      const [pub, sub] = redisClients;
      if (sub?.isOpen) sub.destroy();
      if (pub?.isOpen && !pub.isReady) pub.destroy();
      // Without an HTTP server (a lone worker) there is no engine, and socket.io's close would throw on it: only the adapter is closed then.
      if (httpServer) await io.close();
      else await io.of('/').adapter.close();
      // A ready publisher sends what it holds, then closes; a client can be ready for a moment after Redis went away, so not for longer than a second.
      if (pub?.isOpen) await settledWithin(pub.close().catch(() => undefined), REDIS_CLOSE_TIMEOUT_MS);
    },
  };
}

function expire(socket: AnyLiveSocket, code: 'token_expired' | 'user_inactive', detail: string): void {
  socket.emit('auth.expired', { code, detail });
  socket.disconnect(true);
}

/** setTimeout's longest delay (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `then` at `atMs` (ms since the epoch), however far away, unless cancelled first. */
function expireAt(atMs: number, then: () => void): { cancel(): void } {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = atMs - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(then, Math.max(0, left));
    timer.unref();
  };
  arm();
  return { cancel: () => clearTimeout(timer) };
}

/** How long a re-check waits for the other processes' sockets through Redis before it re-checks this process's alone. */
const REDIS_FETCH_TIMEOUT_MS = 2000;

/** How long the first connection to Redis may take before start-up fails, saying so. */
const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/** How long closing waits for a publisher to send what it holds. */
const REDIS_CLOSE_TIMEOUT_MS = 1000;

async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** How many live events a process keeps for the other processes while Redis is away, at most. */
const REDIS_PUBLISH_BACKLOG = 10_000;

async function connectRedis(io: LiveServer, url: string, logger: Logger, backlog: number) {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (error: unknown) => logger.error({ err: error }, 'redis error'));
  // The adapter publishes without waiting; a publish refused while Redis is away (or closing) is logged, never an unhandled rejection.
  // While Redis is away the client holds publishes until it is back; past `backlog` of them, a live event is dropped instead (once logged per outage).
  const publish = pub.publish.bind(pub);
  let waiting = 0;
  let dropped = 0;
  Object.defineProperty(pub, 'publish', {
    value: (...args: Parameters<typeof publish>) => {
      if (!pub.isReady && waiting >= backlog) {
        if (dropped++ === 0) logger.warn({ backlog }, 'redis is away and live events for the other processes are piling up: later ones are dropped until it is back');
        return Promise.resolve(0);
      }
      waiting++;
      return publish(...args)
        .catch((error: unknown) => {
          logger.error({ err: error }, 'redis publish failed: a live event did not reach the other processes');
          return 0;
        })
        .finally(() => {
          waiting--;
        });
    },
  });
  pub.on('ready', () => {
    if (dropped > 0) logger.warn({ dropped }, 'redis is back: live events dropped while it was away did not reach the other processes');
    dropped = 0;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all([pub.connect(), sub.connect()]),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`could not connect to Redis at REDIS_URL within ${REDIS_CONNECT_TIMEOUT_MS / 1000} s`)), REDIS_CONNECT_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    for (const client of [pub, sub]) client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  io.adapter(createAdapter(pub, sub));
  logger.info('live events shared through Redis');
  return [pub, sub];
}

/**
 * The composition root: starts the database, the job worker, the HTTP API
 * with socket.io and the static client, and stops them in reverse order.
 * `main.ts` calls it for `npm start`; end-to-end tests call it directly.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { jobDefinitions } from '../jobs/index.js';
import { loadDemoData, type DemoLogin } from '../fixtures/demo.js';
import { createApp } from './app.js';
import type { AppContext } from './core/app-context.js';
import { createAuth } from './core/auth/passport.js';
import { resolveTokenSecret } from './core/auth/token-secret.js';
import type { TokenSettings } from './core/auth/tokens.js';
import type { Config } from './core/config/config.js';
import { openDatabase, type Database } from './core/db/database.js';
import { runMigrations } from './core/db/migrations.js';
import { EventBus } from './core/events/event-bus.js';
import { answerClientErrors } from './core/http/client-error.js';
import { createAuthRateLimits } from './core/http/rate-limit.js';
import { createJobWorker, type JobWorker } from './core/jobs/worker.js';
import { createMailer, type Mailer } from './core/mail/mailer.js';
import { createLogger } from './core/logger.js';
import { startRealtime } from './core/realtime/socket-server.js';
import { migrations } from './migrations/index.js';
import { activeUsers } from './modules/users/active-users.js';
import { registerUsersListeners } from './modules/users/users.listeners.js';
import { candidateIndex } from './modules/matching/candidate-index-sync.js';
import { matchSubjects } from './modules/matching/match-subjects.js';
import { registerMatchingListeners } from './modules/matching/matching.listeners.js';
import { registerMentorsListeners } from './modules/mentors/mentors.listeners.js';
import { mayJoinRoom } from './modules/live/room-guard.js';
import { registerLive } from './modules/live/register-live.js';
import { registerRequestsListeners } from './modules/requests/requests.listeners.js';
import { registerSessionsListeners } from './modules/sessions/sessions.listeners.js';
import { EXPIRE_REQUEST_JOB } from '../jobs/expire-request.js';
import { ensureFirstAdmin } from './modules/users/usecases/ensure-first-admin.js';
import { findActiveUser } from './modules/users/usecases/find-active-user.js';
import { verifyCredentials } from './modules/users/usecases/verify-credentials.js';

export interface Runway {
  readonly url: string;
  readonly port: number;
  readonly database: Database;
  readonly worker: JobWorker;
  readonly context: AppContext;
  readonly demoLogins: DemoLogin[];
  readonly httpServer: Server;
  /** Stops accepting, finishes in-flight requests, then stops worker and database. */
  stop(): Promise<void>;
}

export interface RunwayOptions {
  logger?: Logger;
  /** The clock for use cases and jobs; tests pin it to walk across date boundaries. */
  now?: () => Date;
}

export async function startRunway(config: Config, options: RunwayOptions = {}): Promise<Runway> {
  const logger = options.logger ?? createLogger(config);
  const now = options.now ?? (() => new Date());
  const secret = await resolveTokenSecret(config);
  const database = await openDatabase(config, logger);
  logger.info(`database: ${database.description}`);
  try {
    return await startOnDatabase(config, logger, database, now, secret);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * The event bus with every module's listeners, the mailer and the job
 * worker (not started), on the connected database: what `npm start` and
 * `npm run worker` (server/worker.ts) share.
 */
export function composeJobs(config: Config, logger: Logger, now: () => Date): { bus: EventBus; mailer: Mailer; worker: JobWorker } {
  const bus = new EventBus(now, logger);
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, dir: config.mailDir }, logger);
  logger.info(`email: ${mailer.description}`);
  const worker = createJobWorker({
    db: mongoose.connection.db!,
    definitions: jobDefinitions,
    processEveryMs: config.JOBS_PROCESS_EVERY_MS,
    lockLifetimeMs: config.JOBS_LOCK_LIFETIME_MS,
    stopGraceMs: config.SHUTDOWN_TIMEOUT_MS,
    logger,
    deps: { bus, now, mailer },
  });
  registerUsersListeners(bus);
  registerMentorsListeners(bus);
  registerMatchingListeners(bus);
  registerSessionsListeners(bus);
  registerRequestsListeners(bus, { scheduleExpiry: (requestId, at) => worker.at(at, EXPIRE_REQUEST_JOB, { requestId }) });
  return { bus, mailer, worker };
}

async function startOnDatabase(config: Config, logger: Logger, database: Database, now: () => Date, secret: string): Promise<Runway> {
  await runMigrations(mongoose.connection.db!, migrations, (line) => logger.info(line));
  const { bus, mailer, worker } = composeJobs(config, logger, now);
  activeUsers.start(logger);
  matchSubjects.clear();
  candidateIndex.start(logger, now);
  // A start that fails half-way (port taken, demo data refused) leaves nothing running.
  try {
    await worker.start();
    return await serve(config, logger, database, worker, bus, now, secret, mailer);
  } catch (error) {
    await worker.stop().catch(() => {});
    activeUsers.stop();
    candidateIndex.stop();
    throw error;
  }
}

async function serve(
  config: Config,
  logger: Logger,
  database: Database,
  worker: JobWorker,
  bus: EventBus,
  now: () => Date,
  secret: string,
  mailer: Mailer,
): Promise<Runway> {
  const tokens: TokenSettings = {
    secret,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: config.JWT_TTL_SECONDS,
  };
  const context: AppContext = {
    config,
    logger,
    bus,
    mailer,
    tokens,
    auth: createAuth({ tokens, findActiveUser, verifyCredentials }),
    // Counted in Redis when REDIS_URL is set, so the limits hold across processes (decision 019).
    rateLimits: await createAuthRateLimits({ limit: config.LOGIN_RATE_LIMIT, windowSeconds: config.LOGIN_RATE_WINDOW_SECONDS, redisUrl: config.REDIS_URL, logger }),
    readiness: [
      { name: 'database', check: () => database.ping() },
      {
        name: 'jobs',
        check: async () => {
          if (!worker.isRunning()) throw new Error('job worker stopped');
          await database.ping(); // the worker polls the same database
        },
      },
    ],
    now,
  };

  let demoLogins: DemoLogin[] = [];
  if (config.demoData) {
    const demo = await loadDemoData({ bus, now }, { skipAdmin: Boolean(config.ADMIN_EMAIL) });
    if (demo.loaded) logger.info({ ...demo.counts, ms: demo.ms }, `demo data loaded in ${demo.ms} ms`);
    demoLogins = demo.logins;
  }
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const created = await ensureFirstAdmin({ email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD }, { bus, now });
    if (created) logger.info(`first admin created: ${config.ADMIN_EMAIL}`);
  }

  candidateIndex.warm(logger);
  const httpServer = createServer(createApp(context));
  answerClientErrors(httpServer);
  // Keep-alive sockets must not hold a shutdown open longer than needed.
  httpServer.keepAliveTimeout = 5000;
  const realtime = await startRealtime(httpServer, { tokens, findActiveUser, mayJoin: mayJoinRoom, logger, redisUrl: config.REDIS_URL, corsOrigins: config.corsOrigins });
  const live = registerLive(bus, realtime, logger);

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
  } catch (error) {
    await realtime.close();
    await context.rateLimits.close();
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // Sockets are told first (`server.shutdown`) and disconnected: their clients reconnect to another process or to the next start.
      realtime.announceShutdown();
      // New connections are refused from here on; requests under way finish.
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      const force = setTimeout(() => {
        logger.warn('shutdown timeout: closing remaining connections');
        httpServer.closeAllConnections();
      }, config.SHUTDOWN_TIMEOUT_MS);
      // Meanwhile the worker takes no new job and lets its running ones finish (within the same grace).
      // Jobs still running may send live events: the worker stops before the sockets' server (and Redis).
      await Promise.all([closed.then(() => clearTimeout(force)), worker.stop()]);
      // With Redis, queued live events still reach other processes' sockets: sent before the sockets' server closes, within the same grace.
      await live.settled(config.SHUTDOWN_TIMEOUT_MS);
      // Each step is tried whatever the one before did (the database may be away): one failure is logged, not a stop cut short.
      for (const [what, step] of [
        ['sockets', () => realtime.close()],
        ['rate limits', () => context.rateLimits.close()],
        ['mail', () => mailer.close()],
        ['users cache', () => activeUsers.stop()],
        ['candidate index', () => candidateIndex.stop()],
        ['database', () => database.close()],
      ] as const) {
        await Promise.resolve()
          .then(step)
          .catch((error: unknown) => logger.error({ err: error }, `stop: closing the ${what} failed`));
      }
    })());

  return { url, port, database, worker, context, demoLogins, httpServer, stop };
}

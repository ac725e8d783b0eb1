/**
 * `npm run worker`: the job worker alone (reminders, expiries, the
 * eligibility sweep, emails), against MONGODB_URI, beside any number of API
 * processes and other workers: Agenda locks each job for one worker at a
 * time. `npm start` runs a worker too; with the embedded database that is
 * the only worker, since the embedded engine belongs to that process.
 * Stops on SIGINT/SIGTERM after the running jobs (Agenda unlocks the rest).
 */
import { loadConfigOrExit } from './core/config/config.js';
import { openDatabase } from './core/db/database.js';
import { createLogger } from './core/logger.js';
import { startRealtime } from './core/realtime/socket-server.js';
import type { LivePublisher } from './core/realtime/live-publisher.js';
import { registerLive } from './modules/live/register-live.js';
import { mayJoinRoom } from './modules/live/room-guard.js';
import { activeUsers } from './modules/users/active-users.js';
import { findActiveUser } from './modules/users/usecases/find-active-user.js';
import { composeJobs } from './runway.js';

const config = loadConfigOrExit();
if (!config.MONGODB_URI) {
  console.error('npm run worker needs MONGODB_URI: it joins the API processes on a shared MongoDB. With the embedded database, the worker runs inside npm start.');
  process.exit(1);
}

const logger = createLogger(config);
const database = await openDatabase(config, logger);
const { worker, mailer, bus } = composeJobs(config, logger, () => new Date());
// With Redis, the jobs' events (expiries, no-shows, eligibility) reach the API processes' sockets.
let live: LivePublisher | undefined;
const realtime = config.REDIS_URL ? await startRealtime(undefined, { findActiveUser, mayJoin: mayJoinRoom, logger, redisUrl: config.REDIS_URL }) : undefined;
if (realtime) {
  // Re-checks of rooms read users through the cache the API keeps current the same way.
  activeUsers.start(logger);
  live = registerLive(bus, realtime, logger);
}
else logger.warn('REDIS_URL is not set: live events of jobs run here reach no socket');
await worker.start();
logger.info(`job worker running on ${database.description}`);

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) process.exit(130);
  stopping = true;
  logger.info(`${signal}: stopping the job worker`);
  worker
    .stop()
    // The jobs' live events are queued, not sent yet: they go out before the sockets' server closes.
    .then(() => live?.settled(config.SHUTDOWN_TIMEOUT_MS))
    .then(() => realtime?.close())
    .then(() => activeUsers.stop())
    .then(() => mailer.close())
    .then(() => database.close())
    .then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

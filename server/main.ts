/**
 * `npm start`: reads the environment (and `.env` when present), starts
 * Runway, prints where it listens and the demo logins, and stops cleanly
 * on SIGINT/SIGTERM. A second signal forces the exit.
 */
import { loadConfigOrExit } from './core/config/config.js';
import { EmbeddedDbError } from './core/db/embedded/launcher.js';
import { createLogger } from './core/logger.js';
import { startRunway } from './runway.js';

const config = loadConfigOrExit();

const logger = createLogger(config);
const startedAt = Date.now();
let runway;
try {
  runway = await startRunway(config, { logger });
} catch (error) {
  if (error instanceof EmbeddedDbError) console.error(error.message);
  else logger.fatal({ err: error }, 'Runway could not start');
  process.exit(1);
}

const lines = [`Runway is ready at ${runway.url} (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`, `API docs: ${runway.url}/api/docs`];
if (runway.demoLogins.length > 0) {
  lines.push('Demo logins / Tài khoản dùng thử:');
  for (const login of runway.demoLogins) lines.push(`  ${login.role.padEnd(8)} ${login.email.padEnd(24)} ${login.password}`);
}
logger.info(lines.join('\n'));

let signals = 0;
const shutdown = (signal: NodeJS.Signals) => {
  signals += 1;
  if (signals > 1) {
    logger.warn(`${signal} again: exiting now`);
    process.exit(130);
  }
  logger.info(`${signal}: finishing in-flight requests, then stopping`);
  runway.stop().then(
    () => {
      logger.info('stopped');
      logger.flush();
      process.exit(0);
    },
    (error: unknown) => {
      logger.error({ err: error }, 'stop failed');
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

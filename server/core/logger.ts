/** pino: JSON logs by default, pretty ones in development. */
import { pino, type Logger } from 'pino';
import type { Config } from './config/config.js';

export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'logPretty'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { service: 'runway' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.passwordHash'], censor: '[redacted]' },
    ...(config.logPretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' } } }
      : {}),
  });
}

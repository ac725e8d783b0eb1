import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return value;
};
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable Runway reads, validated at start.
 * `.env.example` documents each one; keep the two in step.
 */
export class Config {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'MONGODB_URI must start with mongodb:// or mongodb+srv://' })
  MONGODB_URI?: string;

  @IsString()
  @MinLength(1)
  EMBEDDED_DB_DIR = './data/db';

  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,38}$/, { message: 'DB_NAME must be 1-38 letters, digits, _ or -' })
  DB_NAME = 'runway';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  LOG_PRETTY?: boolean;

  /** Required in production; elsewhere, when empty, one is generated and kept in the data folder (core/auth/token-secret.ts). */
  @Transform(emptyToUndefined)
  @ValidateIf((c: Config) => c.NODE_ENV === 'production' || c.JWT_SECRET !== undefined)
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @IsString({ message: 'JWT_SECRET is required in production: 32 or more random characters' })
  JWT_SECRET?: string;

  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'runway';

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'runway-api';

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(60 * 60 * 24 * 30)
  JWT_TTL_SECONDS = 3600;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @ValidateIf((c: Config) => c.ADMIN_EMAIL !== undefined || c.ADMIN_PASSWORD !== undefined)
  @IsString({ message: 'ADMIN_PASSWORD is required when ADMIN_EMAIL is set' })
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  @MaxLength(200)
  ADMIN_PASSWORD?: string;

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  DEMO_DATA?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY = 0;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  JOBS_PROCESS_EVERY_MS = 5000;

  /**
   * How long a job run holds its Agenda lock. A worker that dies mid-job
   * leaves the lock; another worker runs the job again once it is this old,
   * and the claims the run took (an email being sent) lapse with it. Must be
   * longer than any job run, which Agenda otherwise abandons as dead.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(24 * 60 * 60 * 1000)
  JOBS_LOCK_LIFETIME_MS = 600_000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * How long an operation waits for a database that does not answer (server
   * selection, mongoose's buffering while disconnected, the connect and
   * heartbeat timeouts) before the request fails with 503
   * `database_unavailable` (docs/decisions/017-faults.md).
   */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(60_000)
  DB_TIMEOUT_MS = 5000;

  /** The SMTP server for email, smtp:// or smtps://user:password@host:port. Unset: see MAIL_DIR. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must look like smtp://user:password@smtp.example.vn:587 (or smtps://)' })
  SMTP_URL?: string;

  /** The sender of every email. */
  @IsString()
  MAIL_FROM = 'Runway <no-reply@runway.local>';

  /** Without SMTP_URL, each email is written here as a JSON file; unset: ./data/mail in development, nowhere otherwise (only logged). */
  @IsOptional()
  @IsString()
  MAIL_DIR?: string;

  /** Redis for live events across several API processes (the socket.io Redis adapter), redis://host:port. Unset: one process delivers its own events. */
  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must look like redis://127.0.0.1:6379 (or rediss://)' })
  REDIS_URL?: string;

  /**
   * Browser origins (scheme://host[:port], comma-separated) that may call the API and open
   * sockets from another site. Empty: same-origin only (the served web client needs nothing).
   */
  @Matches(/^\s*(https?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?\s*(,\s*|$))*$/i, {
    message: 'CORS_ORIGINS must be a comma-separated list of origins such as https://runway.cantho.gov.vn,http://127.0.0.1:5173 (no path, no trailing slash)',
  })
  CORS_ORIGINS = '';

  /** The built web client to serve (`npm start` builds it there). Relative paths are from the working directory. */
  @IsString()
  WEB_CLIENT_DIR = 'client/dist';

  /** CORS_ORIGINS as origins the way browsers send them (lower case, default ports dropped). */
  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean)
      .map((origin) => new URL(origin).origin);
  }

  /** Where email goes without an SMTP server. */
  get mailDir(): string | undefined {
    return this.MAIL_DIR ?? (this.NODE_ENV === 'development' ? './data/mail' : undefined);
  }

  /** Pretty logs unless told otherwise: only in development. */
  get logPretty(): boolean {
    return this.LOG_PRETTY ?? this.NODE_ENV === 'development';
  }

  /** Demo data loads into an empty database unless told otherwise, except in production. */
  get demoData(): boolean {
    return this.DEMO_DATA ?? this.NODE_ENV !== 'production';
  }
}

/** Raised when the environment is invalid; `problems` lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration from an environment object (process.env by default).
 * Unknown variables are ignored; known ones are converted and validated together.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(new Config()).concat(['MONGODB_URI', 'LOG_PRETTY', 'JWT_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'DEMO_DATA', 'SMTP_URL', 'MAIL_DIR', 'REDIS_URL']);
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined) picked[key] = value;
  }
  const config = plainToInstance(Config, picked, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false, stopAtFirstError: true });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((e) => Object.values(e.constraints ?? {}).map((msg) => `${e.property}: ${msg}`)),
    );
  }
  return config;
}

/**
 * For the entry points (`npm start`, `npm run worker`): the environment,
 * and `.env` when present, as a Config; an invalid one is printed, every
 * problem listed, and the process exits with 1.
 */
export function loadConfigOrExit(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

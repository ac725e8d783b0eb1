/**
 * Starts the whole service for a test file: real database (its own
 * database name on the run's server), real HTTP on a free port, real
 * worker. `stop()` drops that database and shuts everything down.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { loadConfig } from '../../server/core/config/config.js';
import { startRunway, type Runway, type RunwayOptions } from '../../server/runway.js';

export interface TestRunway extends Runway {
  /** Sends a real HTTP request; the body is JSON-encoded unless `raw` is given. */
  http(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** Stops the service but keeps its database, for a restart on it (`DB_NAME`). */
  stopKeepingData(): Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  raw?: string;
  token?: string;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** The database server of this run (embedded or MONGODB_URI). */
export function testDatabaseUri(): string {
  const uri = process.env.RUNWAY_TEST_MONGODB_URI;
  if (!uri) throw new Error('RUNWAY_TEST_MONGODB_URI is not set: run the tests through mocha (npm test).');
  return uri;
}

/** The signing secret of every Runway a test starts, in this process or another, so their tokens are interchangeable. */
export const TEST_JWT_SECRET = 'runway-tests-only-secret-0123456789abcdef';

export function uniqueDbName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

export async function sendRequest(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

export async function startTestRunway(env: Record<string, string> = {}, options: RunwayOptions = {}): Promise<TestRunway> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: testDatabaseUri(),
    DB_NAME: uniqueDbName(),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_DATA: 'false',
    JWT_SECRET: TEST_JWT_SECRET,
    LOGIN_RATE_LIMIT: '5',
    JOBS_PROCESS_EVERY_MS: '200',
    SHUTDOWN_TIMEOUT_MS: '3000',
    ...env,
  });
  const runway = await startRunway(config, options);
  const stop = async () => {
    await mongoose.connection.db?.dropDatabase().catch(() => {});
    await runway.stop();
  };
  return { ...runway, stop, stopKeepingData: runway.stop, http: (method, path, options) => sendRequest(runway.url, method, path, options) };
}

/** Registers a user over HTTP and returns its token and id. */
export async function registerUser(
  runway: TestRunway,
  overrides: Partial<{ email: string; password: string; name: string; role: 'startup' | 'mentor' }> = {},
): Promise<{ token: string; id: string; email: string; password: string }> {
  const input = {
    email: `user-${randomBytes(4).toString('hex')}@example.vn`,
    password: 'correct horse battery',
    name: 'Nguyễn Thị Lan',
    role: 'startup' as const,
    ...overrides,
  };
  const response = await runway.http('POST', '/api/v1/auth/register', { body: input });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${response.text}`);
  return { token: response.body.accessToken, id: response.body.user.id, email: input.email, password: input.password };
}

/** What `read` returns once `done` says so, read every 50 ms for up to `timeoutMs` (what a sweep of the worker does shortly after a request). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const since = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - since >= timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The notices of one kind a user has (the newest 100), once at least `count` of them are there (or 5 s have passed). */
export function noticesOnceThere(runway: TestRunway, token: string, kind: string, count = 1): Promise<Array<{ kind: string; data: Record<string, string>; body: { vi: string; en: string } }>> {
  type Notice = { kind: string; data: Record<string, string>; body: { vi: string; en: string } };
  return eventually(
    async () => ((await runway.http('GET', '/api/v1/notifications?limit=100', { token })).body.items as Notice[]).filter((n) => n.kind === kind),
    (notices) => notices.length >= count,
  );
}

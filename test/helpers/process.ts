/**
 * Runway as a second process beside the test's own: the same service a
 * deployment runs several of, on the run's database server. For checks
 * that must cross a process boundary (caches, live events, workers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { sendRequest, TEST_JWT_SECRET, testDatabaseUri } from './runway.js';

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

export interface RunwayProcess {
  url: string;
  child: ChildProcess;
  /** What it has written to stdout and stderr so far (its stderr also goes to the test's). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `server/main.ts` on a free port against the run's database server and database `dbName`; resolves once /readyz answers 200. */
export async function startRunwayProcess(dbName: string, env: Record<string, string> = {}): Promise<RunwayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: testDatabaseUri(),
      DB_NAME: dbName,
      DEMO_DATA: 'false',
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let written = '';
  child.stdout!.on('data', (d: Buffer) => (written += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    written += d.toString();
    process.stderr.write(d);
  });
  const output = () => written;
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the second Runway process exited with ${child.exitCode}: ${written}`);
    const ready = await sendRequest(url, 'GET', '/readyz').catch(() => undefined);
    if (ready?.status === 200) return { url, child, output, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('the second Runway process did not become ready within 30 s');
}

export interface WorkerProcess {
  child: ChildProcess;
  /** What it has written to stderr so far (for assertion messages). */
  stderr(): string;
}

/** Starts `npm run worker`'s entry (`server/worker.ts`) with a 200 ms poll; `env` adds to or overrides the test's environment. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS_PROCESS_EVERY_MS: '200', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr };
}

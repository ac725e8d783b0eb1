/**
 * A real Redis for tests: Debian's `redis-server` on a free loopback port,
 * in memory only (no snapshot, no append-only file), stopped by `stop()`.
 * `.ci/run` installs the package when it is missing.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './process.js';

export interface TestRedis {
  /** `redis://127.0.0.1:<port>`, for REDIS_URL. */
  url: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash: no goodbye to its clients (fault tests). */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: connected but silent, as a hung or partitioned server. */
  pause(): void;
  resume(): void;
}

/** `port`: a given one (a fault test starts Redis again where it was); default a free one. */
export async function startTestRedis(port?: number): Promise<TestRedis> {
  port ??= await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`redis-server could not be started (${error.message}); install Debian's redis-server`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  await ready;
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
  };
}

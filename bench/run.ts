/**
 * `npm run bench`: measures the foundation on this machine and writes
 * bench/results/foundation-<timestamp>.json. Bounded in count and time,
 * loopback only. Later issues add their own scenarios here.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/core/config/config.js';
import { startRunway } from '../server/runway.js';
import { sendRequest } from '../test/helpers/runway.js';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function timed(count: number, concurrency: number, call: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: count,
    concurrency,
    perSecond: round(count / seconds),
    p50ms: round(percentile(latencies, 50)),
    p95ms: round(percentile(latencies, 95)),
    p99ms: round(percentile(latencies, 99)),
  };
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'runway-bench-'));
const config = loadConfig({ NODE_ENV: 'test', PORT: '0', EMBEDDED_DB_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'true', LOGIN_RATE_LIMIT: '100000' });
const t0 = performance.now();
const runway = await startRunway(config);
const startMs = Math.round(performance.now() - t0);
console.log(`started in ${startMs} ms (embedded database, empty folder, demo users)`);

try {
  const health = await timed(2000, 16, () => sendRequest(runway.url, 'GET', '/healthz'));
  console.log('GET /healthz', health);
  const ready = await timed(500, 8, () => sendRequest(runway.url, 'GET', '/readyz'));
  console.log('GET /readyz', ready);
  const login = await timed(100, 4, () =>
    sendRequest(runway.url, 'POST', '/api/v1/auth/login', { body: { email: 'mentor@runway.demo', password: 'runway-demo-2026' } }),
  );
  console.log('POST /auth/login (argon2id)', login);
  const register = await timed(100, 4, (i) =>
    sendRequest(runway.url, 'POST', '/api/v1/auth/register', {
      body: { email: `bench-${i}@example.vn`, password: 'bench-password', name: 'Bench', role: 'startup' },
    }),
  );
  console.log('POST /auth/register', register);

  const result = {
    suite: 'foundation',
    at: new Date().toISOString(),
    node: process.version,
    database: 'embedded FerretDB 1.24.2 (SQLite)',
    startMs,
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    scenarios: { health, ready, login, register },
  };
  const dir = path.resolve('bench/results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `foundation-${result.at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(result, null, 2));
  console.log(`written ${file}`);
} finally {
  await runway.stop();
  await rm(dataDir, { recursive: true, force: true });
}

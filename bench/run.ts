/**
 * `npm run bench [-- NAME]`: measures Runway on this machine and writes one
 * JSON file per suite to bench/results/<suite>-<timestamp>.json. Bounded in
 * count and time, loopback only. Without a name every suite runs, in order:
 *
 * - foundation: start-up, health, auth (in this process);
 * - domain: 10,000 mentors and 5,000 startups: search, filters, paging,
 *   reads by id, against the targets of the embedded-database issue (server
 *   in a child process; BENCH_MENTORS, BENCH_STARTUPS, BENCH_REQUESTS);
 * - demo-load: HTTP throughput at the demo's size against a bare Express
 *   endpoint, servers in child processes (bench/demo-load.ts; BENCH_SECONDS);
 * - matching: ranking among 10,000 mentors in process and over HTTP, and a
 *   1,000 × 3,000 cohort proposal (bench/matching.ts; BENCH_SECONDS);
 * - sessions: booking throughput against plain insertOne, and 10,000
 *   reminders over 5 minutes on the real worker (bench/sessions.ts;
 *   BENCH_REMINDERS, BENCH_REMINDER_SECONDS);
 * - live: 1,000 sockets following one cohort room, delivery latency on one
 *   process and across two through Redis, against a bare socket.io
 *   broadcast, and server memory per socket (bench/live.ts;
 *   BENCH_LIVE_SOCKETS, BENCH_LIVE_CHANGES);
 * - client: the web client in Chromium with the demo data: JavaScript before
 *   the first screen, and sign-in to the manager's live board
 *   (bench/client.ts; BENCH_CLIENT_RUNS; builds the client first);
 * - reports: the yearly KPI report over 5,000 startups with five years of
 *   activities, admissions, sessions and requests, against 2 s
 *   (bench/reports.ts; BENCH_STARTUPS, BENCH_MENTORS).
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/core/config/config.js';
import { startRunway, type Runway } from '../server/runway.js';
import { sendRequest } from '../test/helpers/runway.js';
import autocannon from 'autocannon';
import { startChildServer, stopAllChildren } from './child-server.js';
import { runDemoLoad } from './demo-load.js';
import { runMatchingBench } from './matching.js';
import { runClientBench } from './client.js';
import { runLiveBench } from './live.js';
import { runSessionsBench } from './sessions.js';
import { runReportsBench } from './reports.js';

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

async function writeResult(suite: string, database: string, figures: Record<string, unknown>): Promise<void> {
  const at = new Date().toISOString();
  const result = { suite, at, node: process.version, database, rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20), ...figures };
  const dir = path.resolve('bench/results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${suite}-${at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(result, null, 2));
  console.log(`written ${file}`);
}

/** Folders to remove if the bench is interrupted. */
const tempDirs = new Set<string>();

/** Runway in this process on an empty temporary folder (embedded database), stopped and removed afterwards. */
async function withRunway(run: (runway: Runway, startMs: number) => Promise<void>, env: Record<string, string> = {}): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'runway-bench-'));
  tempDirs.add(dataDir);
  try {
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', EMBEDDED_DB_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_DATA: 'false', LOGIN_RATE_LIMIT: '100000', ...env });
    const t0 = performance.now();
    const runway = await startRunway(config);
    const startMs = Math.round(performance.now() - t0);
    console.log(`started in ${startMs} ms (embedded database, empty folder${env.DEMO_DATA === 'true' ? ', demo data' : ''})`);
    try {
      await run(runway, startMs);
    } finally {
      await runway.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    tempDirs.delete(dataDir);
  }
}

async function foundation(): Promise<void> {
  await withRunway(async (runway, startMs) => {
    const health = await timed(2000, 16, () => sendRequest(runway.url, 'GET', '/healthz'));
    console.log('GET /healthz', health);
    const ready = await timed(500, 8, () => sendRequest(runway.url, 'GET', '/readyz'));
    console.log('GET /readyz', ready);
    const register = await timed(100, 4, (i) =>
      sendRequest(runway.url, 'POST', '/api/v1/auth/register', {
        body: { email: `bench-${i}@example.vn`, password: 'bench-password', name: 'Bench', role: 'startup' },
      }),
    );
    console.log('POST /auth/register', register);
    const login = await timed(100, 4, () =>
      sendRequest(runway.url, 'POST', '/api/v1/auth/login', { body: { email: 'bench-0@example.vn', password: 'bench-password' } }),
    );
    console.log('POST /auth/login (argon2id)', login);

    await writeResult('foundation', runway.database.description, { startMs, scenarios: { health, ready, login, register } });
  });
}

/**
 * `count` GETs over two connections with autocannon (a separate, fast client:
 * measured through a fetch loop in this process, the client's own time
 * doubled the latency of cheap reads), each path from `pathOf(i)`, after
 * 2 s of the same requests to warm up; exact percentiles from every
 * response's time.
 */
async function latencies(url: string, token: string, count: number, pathOf: (i: number) => string) {
  let i = 0;
  const run = (limit: { amount: number } | { duration: number }, times: number[]) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          connections: 2,
          ...limit,
          headers: { authorization: `Bearer ${token}` },
          requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: pathOf(i++) }) }],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
    });
  await run({ duration: 2 }, []); // warm-up, as in demo-load: connections, and the JIT of both processes for this path
  const times: number[] = [];
  const result = await run({ amount: count }, times);
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: times.length,
    p50ms: round(percentile(times, 50)),
    p95ms: round(percentile(times, 95)),
    p99ms: round(percentile(times, 99)),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

interface ServerReady {
  ready: true;
  url: string;
  token: string;
  database: string;
  dataDir: string;
  loadMs: number | null;
}

async function domain(): Promise<void> {
  const large = { mentors: Number(process.env.BENCH_MENTORS ?? 10_000), startups: Number(process.env.BENCH_STARTUPS ?? 5_000) };
  console.log(`starting Runway in a child process and loading ${large.mentors} mentors and ${large.startups} startups…`);
  const server = await startChildServer<ServerReady>('./serve-runway.ts', {
    env: { ...process.env, BENCH_SYNTHETIC: `${large.mentors},${large.startups}` },
    cleanupDir: (ready) => ready.dataDir,
  });
  try {
    const { url, token, loadMs, database } = server.ready;
    console.log(`loaded in ${loadMs} ms (what npm run fixtures:large does)`);
    const get = (p: string) => sendRequest(url, 'GET', p, { token });

    const n = Number(process.env.BENCH_REQUESTS ?? 200);
    const mentorIds = (await get('/api/v1/mentors?limit=100')).body.items.map((m: { id: string }) => m.id) as string[];
    const startupIds = (await get('/api/v1/startups?limit=100')).body.items.map((s: { id: string }) => s.id) as string[];
    const middle = (await get('/api/v1/startups?limit=100&cursor=' + startupIds.at(-1))).body.nextCursor as string;

    // Targets of the embedded-database issue, over HTTP at this size.
    const lists = { p50ms: 100, p95ms: 250 };
    const byId = { p95ms: 10 };
    const scenarios = {
      mentorSearch: { path: '/api/v1/mentors?q=nong%20nghiep&limit=20', target: lists },
      mentorFiltered: { path: '/api/v1/mentors?sector=agriculture&language=en&status=active&limit=20', target: lists },
      startupPage: { path: '/api/v1/startups?limit=20', target: lists },
      startupPageDeep: { path: `/api/v1/startups?limit=20&cursor=${middle}`, target: lists },
      startupSearch: { path: '/api/v1/startups?q=can%20tho&limit=20', target: lists },
      mentorById: { path: (i: number) => `/api/v1/mentors/${mentorIds[i % mentorIds.length]}`, target: byId },
      startupById: { path: (i: number) => `/api/v1/startups/${startupIds[i % startupIds.length]}`, target: byId },
    };
    const results: Record<string, unknown> = {};
    for (const [label, scenario] of Object.entries(scenarios)) {
      const pathOf = typeof scenario.path === 'string' ? () => scenario.path as string : scenario.path;
      const figures = await latencies(url, token, n, pathOf);
      const target = scenario.target as { p50ms?: number; p95ms: number };
      const pass = figures.non2xx === 0 && figures.p95ms <= target.p95ms && (target.p50ms === undefined || figures.p50ms <= target.p50ms);
      results[label] = { ...figures, target, pass };
      console.log(`${label.padEnd(16)} p50 ${figures.p50ms} ms  p95 ${figures.p95ms} ms  (target${target.p50ms ? ` p50 ≤ ${target.p50ms},` : ''} p95 ≤ ${target.p95ms}) ${pass ? 'PASS' : 'BELOW'}`);
    }
    const walkStarted = performance.now();
    let pages = 0;
    let cursor: string | null = null;
    do {
      const page = await get(`/api/v1/startups?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 5);
    const walk = { pages, totalMs: Math.round(performance.now() - walkStarted), perPageMs: Math.round((performance.now() - walkStarted) / pages) };
    console.log('first 5 pages of startups, 100 per page', walk);

    await writeResult('domain', database, { load: { ...large, ms: loadMs }, scenarios: { ...results, walk } });
  } finally {
    await server.stop();
  }
}

async function demoLoad(): Promise<void> {
  const { database, figures } = await runDemoLoad();
  await writeResult('demo-load', database, figures);
}

async function matching(): Promise<void> {
  const { database, figures } = await runMatchingBench();
  await writeResult('matching', database, figures);
}

async function sessions(): Promise<void> {
  const { database, figures } = await runSessionsBench();
  await writeResult('sessions', database, figures);
}

async function live(): Promise<void> {
  const { database, figures } = await runLiveBench();
  await writeResult('live', database, figures);
}

async function client(): Promise<void> {
  await withRunway(async (runway) => {
    await writeResult('client', runway.database.description, await runClientBench(runway.url));
  }, { DEMO_DATA: 'true' });
}

async function reports(): Promise<void> {
  await withRunway(async (runway) => {
    await writeResult('reports', runway.database.description, await runReportsBench(runway));
  });
}

const suites: Record<string, () => Promise<void>> = { foundation, domain, 'demo-load': demoLoad, matching, sessions, live, client, reports };

const name = process.argv[2];
if (name !== undefined && !Object.hasOwn(suites, name)) {
  console.error(`unknown suite "${name}"; usage: npm run bench [-- ${Object.keys(suites).join('|')}]`);
  process.exit(2);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`${signal}: stopping child processes and removing temporary folders…`);
    void (async () => {
      await stopAllChildren();
      await Promise.all([...tempDirs].map((dir) => rm(dir, { recursive: true, force: true })));
      process.exit(130);
    })();
  });
}

try {
  for (const [suiteName, suite] of Object.entries(suites)) {
    if (name !== undefined && suiteName !== name) continue;
    console.log(`\n== ${suiteName} ==`);
    await suite();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopAllChildren();
}

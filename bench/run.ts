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
 *   (bench/reports.ts; BENCH_STARTUPS, BENCH_MENTORS);
 * - load: a weighted, stateful mix (log in, browse and search mentors, rank,
 *   book and cancel, move milestones, read notifications and the board) at
 *   10, 50, 100 and 200 users (0.5–1.5 s think time) while 200 sockets
 *   follow rooms, then in a closed loop for capacity, against a bare
 *   Express + driver read (bench/load.ts; BENCH_LOAD_SECONDS,
 *   BENCH_LOAD_LEVELS, BENCH_LOAD_THINK_MS, BENCH_LOAD_SATURATION_CLIENTS,
 *   BENCH_LOAD_SOCKETS, BENCH_LOAD_MENTORS).
 *
 * Each suite returns its headline figures ({ name, value, unit, target,
 * pass }); at the end one table lists them all with PASS or BELOW (— where
 * a figure has no target), and FAILED for a suite that did not finish.
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
import { LOAD_TARGET, runLoadBench } from './load.js';

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

/** One headline figure of a suite, for the closing table; `pass` null: no target. */
interface Headline {
  name: string;
  value: number | string;
  unit: string;
  target: string;
  pass: boolean | null;
}
interface SuiteResult {
  headline: Headline[];
}
const h = (name: string, value: number | string, unit: string, target = '', pass: boolean | null = null): Headline => ({ name, value, unit, target, pass });
/** Reads a nested figure from a suite's loosely typed result. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

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

async function foundation(): Promise<SuiteResult> {
  const headline: Headline[] = [];
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
    headline.push(h('start-up (empty folder)', startMs, 'ms'), h('GET /healthz p99', health.p99ms, 'ms'), h('login (argon2id) p50', login.p50ms, 'ms'));
  });
  return { headline };
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

async function domain(): Promise<SuiteResult> {
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
    const headline: Headline[] = [];
    for (const [label, scenario] of Object.entries(scenarios)) {
      const pathOf = typeof scenario.path === 'string' ? () => scenario.path as string : scenario.path;
      const figures = await latencies(url, token, n, pathOf);
      const target = scenario.target as { p50ms?: number; p95ms: number };
      const pass = figures.non2xx === 0 && figures.p95ms <= target.p95ms && (target.p50ms === undefined || figures.p50ms <= target.p50ms);
      results[label] = { ...figures, target, pass };
      headline.push(h(`${label} p95`, figures.p95ms, 'ms', `≤ ${target.p95ms}${target.p50ms ? `, p50 ≤ ${target.p50ms}` : ''}`, pass));
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
    return { headline };
  } finally {
    await server.stop();
  }
}

async function demoLoad(): Promise<SuiteResult> {
  const { database, figures } = await runDemoLoad();
  await writeResult('demo-load', database, figures);
  const scenarios = Object.values(figures.scenarios as Record<string, Loose>).filter((f) => f.target !== undefined);
  return { headline: scenarios.map((f) => h(`${f.name} of bare req/s`, round1(f.ratioToBare * 100), '%', `≥ ${f.target * 100}%`, f.verdict === 'PASS')) };
}

async function matching(): Promise<SuiteResult> {
  const { database, figures } = await runMatchingBench();
  await writeResult('matching', database, figures);
  const f = figures as Loose;
  return {
    headline: [
      h('rank in process p95', f.rankInProcess.p95ms, 'ms', '≤ 1', f.rankInProcess.pass),
      h('proposal 1,000 × 3,000', f.proposal.proposalMs, 'ms', '≤ 3000, ≤ 500 MiB', f.proposal.pass),
      h('GET /matches p99', f.http.matches.p99ms, 'ms', '≤ 50, ≥ 25% of bare', f.http.pass),
      h('GET /matches of bare req/s', round1(f.http.ratioToBare * 100), '%', '≥ 25%', f.http.pass),
    ],
  };
}

async function sessions(): Promise<SuiteResult> {
  const { database, figures } = await runSessionsBench();
  await writeResult('sessions', database, figures);
  const f = figures as Loose;
  return {
    headline: [
      h('booking ÷ insertOne', f.booking.ratio, '×', '≥ 0.25, 0 double', f.booking.pass),
      h('double bookings', f.booking.doubleBookings, '', '0', f.booking.doubleBookings === 0),
      h('reminder lateness p99', f.reminders.latenessMs.p99 ?? 'none', 'ms', `≤ ${f.reminders.target.p99LatenessMs}, all once`, f.reminders.pass),
    ],
  };
}

async function live(): Promise<SuiteResult> {
  const { database, figures } = await runLiveBench();
  await writeResult('live', database, figures);
  const t = (figures as Loose).targets;
  return {
    headline: [
      h('event p99, one process', t.oneProcessP99.fromResponseMs, 'ms', '≤ 100', t.oneProcessP99.met),
      h('event p99, two via Redis', t.twoProcessesP99.fromResponseMs, 'ms', '≤ 200', t.twoProcessesP99.met),
      h('memory per socket', t.memoryPerSocketKb.value, 'kB', '≤ 100', t.memoryPerSocketKb.met),
    ],
  };
}

async function client(): Promise<SuiteResult> {
  let f: Loose;
  await withRunway(async (runway) => {
    f = await runClientBench(runway.url);
    await writeResult('client', runway.database.description, f);
  }, { DEMO_DATA: 'true' });
  const budgetKB = f.firstScreenJs.budgetGzipKB;
  return {
    headline: [
      h('first-screen JS (sign-in)', f.firstScreenJs.login.gzipKB, 'kB gz', `≤ ${budgetKB}`, f.firstScreenJs.login.gzipKB <= budgetKB),
      h('first-screen JS (board)', f.firstScreenJs.managerBoard.gzipKB, 'kB gz', `≤ ${budgetKB}`, f.firstScreenJs.managerBoard.gzipKB <= budgetKB),
      h('sign-in → board median', f.signInToBoard.medianMs, 'ms', `≤ ${f.signInToBoard.budgetMs}`, f.signInToBoard.medianMs <= f.signInToBoard.budgetMs),
    ],
  };
}

async function reports(): Promise<SuiteResult> {
  let f: Loose;
  await withRunway(async (runway) => {
    f = await runReportsBench(runway);
    await writeResult('reports', runway.database.description, f);
  });
  return { headline: [h('yearly KPI report, worst of 5', f.scenarios.yearly.maxMs, 'ms', `≤ ${f.target.maxMs}`, f.pass)] };
}

async function load(): Promise<SuiteResult> {
  const { database, figures, levels, saturation } = await runLoadBench();
  await writeResult('load', database, figures);
  const at = levels.find((l) => l.clients === LOAD_TARGET.clients);
  const headline = levels.map((l) => h(`${l.clients} clients: throughput, p99`, `${l.perSecond} req/s, ${l.p99ms}`, 'ms'));
  // Capacity, without a target: the mix in a closed loop (the levels are users with think time, decision 018).
  headline.push(h(`saturation, closed loop at ${saturation.clients}`, `${saturation.perSecond} req/s, p99 ${saturation.p99ms}`, 'ms'));
  if (!at) return { headline: [...headline, h(`targets need a level of ${LOAD_TARGET.clients} clients`, 'none', '', 'BENCH_LOAD_LEVELS', false)] };
  const n = LOAD_TARGET.clients;
  headline.push(
    h(`${n} clients: errors`, `${at.errors} of ${at.requests}`, '', `${LOAD_TARGET.errors}`, at.errors <= LOAD_TARGET.errors),
    h(`${n} clients: p99`, at.p99ms, 'ms', `≤ ${LOAD_TARGET.p99ms}`, at.p99ms <= LOAD_TARGET.p99ms),
    h(`${n} clients: API peak RSS`, at.apiPeakMiB, 'MiB', `≤ ${LOAD_TARGET.apiPeakMiB}`, at.apiPeakMiB <= LOAD_TARGET.apiPeakMiB),
  );
  return { headline };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function printHeadlines(rows: Array<{ suite: string } & Headline>): void {
  const cells = rows.map((r) => [r.suite, r.name, `${r.value}${r.unit ? ` ${r.unit}` : ''}`, r.target, r.pass === null ? '—' : r.pass ? 'PASS' : r.name === 'FAILED' ? 'FAILED' : 'BELOW']);
  const header = ['suite', 'figure', 'value', 'target', ''];
  const widths = header.map((x, i) => Math.max(x.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(`\n${line(header)}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

const suites: Record<string, () => Promise<SuiteResult>> = { foundation, domain, 'demo-load': demoLoad, matching, sessions, live, client, reports, load };

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

const rows: Array<{ suite: string } & Headline> = [];
try {
  for (const [suiteName, suite] of Object.entries(suites)) {
    if (name !== undefined && suiteName !== name) continue;
    console.log(`\n== ${suiteName} ==`);
    try {
      const { headline } = await suite();
      rows.push(...headline.map((row) => ({ suite: suiteName, ...row })));
    } catch (error) {
      // One suite failing does not stop the others; it shows as FAILED in the table.
      console.error(error);
      process.exitCode = 1;
      rows.push({ suite: suiteName, ...h('FAILED', String((error as Error)?.message ?? error).slice(0, 60), '', '', false) });
      await stopAllChildren();
    }
  }
} finally {
  await stopAllChildren();
}
printHeadlines(rows);

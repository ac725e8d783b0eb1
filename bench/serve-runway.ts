/**
 * The server under test of `npm run bench`, run as a child process so that
 * the load generator does not share its event loop: starts Runway on a
 * fresh temporary data folder (embedded database, file storage) with either
 * the demo programme (default) or, with BENCH_SYNTHETIC=<mentors>,<startups>,
 * that many synthetic mentors and startups (what `npm run fixtures:large`
 * loads). Prints one JSON line on stdout:
 *
 *   {"ready":true,"url":…,"token":…,"cohortId":…,"database":…,"dataDir":…,"loadMs":…}
 *
 * With BENCH_WORLD=sessions it starts empty instead, polls jobs every
 * BENCH_POLL_MS, builds the sessions bench's world (bench/sessions-world.ts)
 * and adds it to the ready line as `world`, with `dbUri` and `dbName` so the
 * bench can read and write the same database. BENCH_WORLD=live does the
 * same with the live bench's world (bench/live-world.ts), BENCH_WORLD=load
 * with the load bench's, on top of the demo data (bench/load-world.ts); BENCH_WORLD=attach
 * joins the database BENCH_DB_URI / BENCH_DB_NAME of another such server
 * (a second API process) and builds nothing. REDIS_URL passes through, and
 * BENCH_JWT_SECRET becomes JWT_SECRET.
 *
 * `token` is a manager's access token (the demo manager's, logged in over
 * HTTP; with BENCH_SYNTHETIC also `adminToken`, an admin's), `cohortId` the first cohort that manager manages (null for the
 * synthetic set, which has no cohorts), `loadMs` how long the synthetic set
 * took to load. Stops cleanly (and removes the folder) on SIGTERM or SIGINT,
 * and with `--until-stdin-closes` also when its stdin closes, i.e. when the
 * parent dies for any reason.
 *
 *   node --import tsx bench/serve-runway.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/core/config/config.js';
import { startRunway, type Runway } from '../server/runway.js';
import { signAccessToken } from '../server/core/auth/tokens.js';
import { todayInVietnam } from '../server/core/time/calendar-date.js';
import { usersRepository } from '../server/modules/users/users.repository.js';
import { loadSyntheticData } from '../fixtures/synthetic.js';
import { candidateIndex } from '../server/modules/matching/candidate-index-sync.js';
import { buildLiveWorld } from './live-world.js';
import { buildLoadWorld } from './load-world.js';
import { stopWhenAsked } from './serve-lifecycle.js';
import { buildSessionsWorld } from './sessions-world.js';

const dataDir = await mkdtemp(path.join(tmpdir(), 'runway-bench-demo-'));
let runway: Runway | undefined;
let stopping: Promise<void> | undefined;

function stop(code: number): Promise<void> {
  return (stopping ??= (async () => {
    try {
      await runway?.stop();
    } catch (error) {
      console.error('serve-runway: stop failed:', error);
      code ||= 1;
    }
    await rm(dataDir, { recursive: true, force: true });
    process.exit(code);
  })());
}

stopWhenAsked(() => void stop(0));

try {
  const synthetic = process.env.BENCH_SYNTHETIC?.split(',').map(Number);
  const world = process.env.BENCH_WORLD;
  const sessionsWorld = world === 'sessions';
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    EMBEDDED_DB_DIR: dataDir,
    DEMO_DATA: synthetic || (world && world !== 'load') ? 'false' : 'true',
    ...(world === 'attach' ? { MONGODB_URI: process.env.BENCH_DB_URI, DB_NAME: process.env.BENCH_DB_NAME } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    // Two servers on one database must sign alike (otherwise each keeps its own secret in its folder).
    ...(process.env.BENCH_JWT_SECRET ? { JWT_SECRET: process.env.BENCH_JWT_SECRET } : {}),
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '100000',
    ...(process.env.BENCH_POLL_MS ? { JOBS_PROCESS_EVERY_MS: process.env.BENCH_POLL_MS } : {}),
  });
  runway = await startRunway(config);
  if (stopping) await stopping;

  if (world === 'attach') {
    process.stdout.write(`${JSON.stringify({ ready: true, url: runway.url, database: runway.database.description, dataDir })}\n`);
  } else if (world === 'load') {
    const load = await buildLoadWorld(runway);
    const db = { dbUri: runway.database.embedded?.connectionUri, dbName: config.DB_NAME };
    process.stdout.write(`${JSON.stringify({ ready: true, url: runway.url, world: load, ...db, database: runway.database.description, dataDir })}\n`);
  } else if (world === 'live') {
    const live = await buildLiveWorld(runway);
    const db = { dbUri: runway.database.embedded?.connectionUri, dbName: config.DB_NAME };
    process.stdout.write(`${JSON.stringify({ ready: true, url: runway.url, world: live, ...db, database: runway.database.description, dataDir })}\n`);
  } else if (sessionsWorld) {
    const world = await buildSessionsWorld(runway);
    const db = { dbUri: runway.database.embedded?.connectionUri, dbName: config.DB_NAME };
    process.stdout.write(`${JSON.stringify({ ready: true, url: runway.url, world, ...db, database: runway.database.description, dataDir })}\n`);
  } else if (synthetic) {
    const [mentors = 10_000, startups = 5_000] = synthetic;
    const loaded = await loadSyntheticData({ today: todayInVietnam(), mentors, startups });
    // Ranked from the first request on, as after `npm start` with demo data (its index is warmed once the data is in).
    await candidateIndex.reload();
    const manager = await usersRepository.create({ email: 'bench-manager@example.vn', passwordHash: 'not a hash: no login', name: 'Bench', role: 'manager' });
    if (!manager) throw new Error('could not create the bench manager');
    const token = signAccessToken(runway.context.tokens, { sub: manager._id.toHexString(), role: 'manager' });
    const admin = await usersRepository.create({ email: 'bench-admin@example.vn', passwordHash: 'not a hash: no login', name: 'Bench', role: 'admin' });
    if (!admin) throw new Error('could not create the bench admin');
    const adminToken = signAccessToken(runway.context.tokens, { sub: admin._id.toHexString(), role: 'admin' });
    process.stdout.write(`${JSON.stringify({ ready: true, url: runway.url, token, adminToken, cohortId: null, database: runway.database.description, dataDir, loadMs: loaded.ms })}\n`);
  } else {
    await readyWithDemo(runway);
  }
} catch (error) {
  console.error('serve-runway: could not start:', error);
  await stop(1);
}

async function readyWithDemo(runway: Runway): Promise<void> {
  const manager = runway.demoLogins.find((login) => login.role === 'manager');
  if (!manager) throw new Error('the demo data has no manager login');
  const login = await getJson(runway.url, 'POST', '/api/v1/auth/login', undefined, { email: manager.email, password: manager.password });
  const token = String(login.accessToken);
  const managerId = String((login.user as { id: string }).id);
  const cohorts = await getJson(runway.url, 'GET', '/api/v1/cohorts?limit=100', token);
  const cohort = (cohorts.items as { id: string; managerIds: string[] }[]).find((c) => c.managerIds.includes(managerId));
  if (!cohort) throw new Error(`the demo manager ${manager.email} manages no cohort`);

  process.stdout.write(
    `${JSON.stringify({ ready: true, url: runway.url, token, cohortId: cohort.id, database: runway.database.description, dataDir, loadMs: null })}\n`,
  );
}

async function getJson(baseUrl: string, method: string, p: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${p}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${p}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

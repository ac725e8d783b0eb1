/**
 * `npm run bench -- load`: a realistic mix of requests at rising
 * concurrency against Runway in a child process (bench/serve-runway.ts,
 * BENCH_WORLD=load: the demo data, BENCH_LOAD_MENTORS more mentors and a
 * bench cohort whose founders have active mentorships; bench/load-world.ts),
 * while BENCH_LOAD_SOCKETS (200) socket.io clients, in a child process of
 * their own (bench/load-sockets.ts), follow cohort, startup and mentor rooms.
 *
 * Each level (BENCH_LOAD_LEVELS, default 10,50,100,200 clients) runs that
 * many users (one action at a time, one keep-alive connection each, a think
 * time of BENCH_LOAD_THINK_MS, default uniformly 500–1500 ms, after each
 * action; 0 makes it a closed loop) for 2 s of warm-up and
 * BENCH_LOAD_SECONDS (15) of measurement. After the levels the mix runs in
 * a closed loop at BENCH_LOAD_SATURATION_CLIENTS (50) for the most it
 * answers: capacity, reported apart from the targets (decision 018).
 * Each request is drawn from MIX below by weight,
 * with the token of the user it belongs to; clients keep state (slots seen,
 * sessions held, their milestones' states), so bookings, cancellations and
 * milestone moves are real ones. Per level: throughput, p50/p99 latency,
 * errors, peak memory of the API process and of the database process.
 *
 * An error is any answer that is not 2xx, and any failed or timed-out
 * request, except a 409 `slot_taken` or `calendar_busy` to POST /sessions:
 * another client booked that slot first, the race the booking rules
 * settle (counted apart as expected conflicts). See decision 018.
 *
 * Baseline, same run, same database: bench/serve-bare.ts with
 * BENCH_BARE_DB_URI, a bare Express app whose GET /bare-read/:id is one
 * indexed read with the MongoDB driver. It runs at every level for 3 s
 * (the same users, the same think time) and after the saturation run;
 * and each entry of the mix runs alone with 10 clients for 2 s, between a
 * bare run before and one after, for its throughput as a share of bare.
 *
 * Targets at 100 clients (users with think time): no errors, p99 ≤ 200 ms, API peak RSS ≤ 400 MiB
 * (the highest VmRSS of the API process sampled every 250 ms during that
 * level; VmHWM, the peak since it started, is reported too, but it counts
 * building the world in the same process, which a served programme never
 * does).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startChildServer, type ChildServer, type PeakRss } from './child-server.js';
import type { LoadFounder, LoadWorld } from './load-world.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 15);
const LEVELS = (process.env.BENCH_LOAD_LEVELS ?? '10,50,100,200').split(',').map(Number);
const SOCKETS = Number(process.env.BENCH_LOAD_SOCKETS ?? 200);
/**
 * Think time between a user's actions, ms: "min-max" (uniformly random) or
 * one number; 0 is the closed loop. A level of N clients is N active users
 * (decision 018).
 */
const THINK = parseThink(process.env.BENCH_LOAD_THINK_MS ?? '500-1500');
/** Closed-loop clients (no think time) of the saturation run: the most the server answers, not a target. */
const SATURATION_CLIENTS = Number(process.env.BENCH_LOAD_SATURATION_CLIENTS ?? 50);
const WARMUP_SECONDS = 2;
const BARE_SECONDS = 3;
const SOLO_SECONDS = 2;
const SOLO_CLIENTS = 10;
const REQUEST_TIMEOUT_MS = 10_000;
export const LOAD_TARGET = { clients: 100, errors: 0, p99ms: 200, apiPeakMiB: 400 };

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

interface Think {
  minMs: number;
  maxMs: number;
}
const NO_THINK: Think = { minMs: 0, maxMs: 0 };

function parseThink(text: string): Think {
  const parts = text.split('-').map((part) => Number(part.trim()));
  const [min, max] = [parts[0] ?? NaN, parts[1] ?? parts[0] ?? NaN];
  if (parts.length > 2 || !(Number.isFinite(min) && Number.isFinite(max) && min >= 0 && max >= min)) throw new Error(`BENCH_LOAD_THINK_MS must be "min-max" or one number of ms, e.g. 500-1500 or 0, not ${text}`);
  return { minMs: min, maxMs: max };
}
const thinkLabel = (t: Think) => (t.maxMs === 0 ? 'closed loop, no think time' : t.minMs === t.maxMs ? `${t.minMs} ms think time` : `${t.minMs}–${t.maxMs} ms think time`);
const thinkMs = (t: Think) => t.minMs + Math.random() * (t.maxMs - t.minMs);

interface RunwayReady {
  ready: true;
  url: string;
  world: LoadWorld;
  dbUri: string;
  dbName: string;
  database: string;
  dataDir: string;
}

/** One virtual user's state, kept across levels (level C drives clients 0…C−1). */
interface Client {
  n: number;
  founder: LoadFounder;
  mentor: { token: string; mentorId: string };
  /** The milestones this client moves (no other client moves them, up to 200 clients), with their last known state. */
  milestones: Array<{ id: string; state: string }>;
  /** Free slot starts last seen, by mentor id. */
  slots: Map<string, string[]>;
  /** Sessions this client booked and has not cancelled yet. */
  held: string[];
}

/** What the mix reads from the world and the setup probes. */
interface Shared {
  url: string;
  world: LoadWorld;
  mentorIds: string[];
  browseCursor: string | null;
}

// ---------- recording ----------

interface Sample {
  startedAt: number;
  ms: number;
  ok: boolean;
  expected: boolean;
  status: number;
}

class Recorder {
  readonly byLabel = new Map<string, { times: number[]; errors: number; expected: number; codes: Record<string, number> }>();
  readonly errorSamples: string[] = [];

  /** Requests started before `from` (performance.now()) are the warm-up's. */
  constructor(readonly from: number) {}

  add(label: string, sample: Sample, detail: () => string): void {
    if (sample.startedAt < this.from) return;
    let entry = this.byLabel.get(label);
    if (!entry) this.byLabel.set(label, (entry = { times: [], errors: 0, expected: 0, codes: {} }));
    entry.times.push(sample.ms);
    entry.codes[sample.status] = (entry.codes[sample.status] ?? 0) + 1;
    if (sample.expected) entry.expected += 1;
    else if (!sample.ok) {
      entry.errors += 1;
      if (this.errorSamples.length < 10) this.errorSamples.push(`${label}: ${sample.status} ${detail()}`);
    }
  }

  summary(seconds: number) {
    const all: number[] = [];
    let errors = 0;
    let expected = 0;
    const byEndpoint: Record<string, unknown> = {};
    for (const [label, entry] of [...this.byLabel].sort((a, b) => b[1].times.length - a[1].times.length)) {
      all.push(...entry.times);
      errors += entry.errors;
      expected += entry.expected;
      const sorted = [...entry.times].sort((a, b) => a - b);
      byEndpoint[label] = {
        requests: sorted.length,
        perSecond: round1(sorted.length / seconds),
        meanMs: round1(sorted.reduce((s, t) => s + t, 0) / sorted.length),
        p50ms: round1(percentile(sorted, 50)),
        p99ms: round1(percentile(sorted, 99)),
        errors: entry.errors,
        expectedConflicts: entry.expected,
        statusCodes: entry.codes,
      };
    }
    all.sort((a, b) => a - b);
    return {
      requests: all.length,
      perSecond: round1(all.length / seconds),
      meanMs: round1(all.reduce((s, t) => s + t, 0) / Math.max(1, all.length)),
      p50ms: round1(percentile(all, 50)),
      p99ms: round1(percentile(all, 99)),
      maxMs: round1(all.at(-1) ?? NaN),
      errors,
      errorRate: round3(errors / Math.max(1, all.length)),
      expectedConflicts: expected,
      byEndpoint,
      errorSamples: this.errorSamples,
    };
  }
}

// ---------- HTTP ----------

let agent = new Agent({ keepAlive: true });

function send(url: string, method: string, token: string | undefined, body?: unknown): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | number> = payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {};
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve) => {
    const req = request(url, { method, agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => resolve({ status: 0, text: String(error) }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ status: 0, text: String(error) }));
    req.end(payload);
  });
}

/** Booking races the rules settle: another client took the slot first. */
const EXPECTED_CONFLICTS = new Set(['slot_taken', 'calendar_busy']);

async function call(rec: Recorder, base: string, label: string, method: string, p: string, token: string | undefined, body?: unknown) {
  const t = performance.now();
  const { status, text } = await send(`${base}${p}`, method, token, body);
  const ms = performance.now() - t;
  let json: Record<string, unknown> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  const ok = status >= 200 && status < 300;
  const expected = status === 409 && label === 'POST /sessions' && EXPECTED_CONFLICTS.has(String(json?.code));
  rec.add(label, { startedAt: t, ms, ok, expected, status }, () => text.slice(0, 200));
  return { status, json };
}

// ---------- the mix ----------

const SEARCHES = ['nong nghiep', 'nông nghiệp', 'NONG NGHIEP', 'can tho', 'du lich', 'goi von', 'nguyen', 'ninh kieu', 'cong nghe thong tin', 'lua gao', 'xuat khau', 'thuc pham'];
const FILTERS = ['', '&sector=agriculture', '&language=en', '&status=active', '&sector=tourism&status=active', '&topic=fundraising'];

type Op = (c: Client, s: Shared, rec: Recorder) => Promise<unknown>;

async function freshSlots(c: Client, s: Shared, rec: Recorder, mentorId: string): Promise<string[]> {
  const { status, json } = await call(rec, s.url, 'GET /mentors/:id/slots', 'GET', `/api/v1/mentors/${mentorId}/slots`, c.founder.token);
  const soon = Date.now() + 5 * 60_000;
  const starts = status === 200 ? (json!.items as Array<{ start: string }>).map((x) => x.start).filter((x) => Date.parse(x) > soon) : [];
  c.slots.set(mentorId, starts);
  return starts;
}

const book: Op = async (c, s, rec) => {
  if (c.held.length >= 2) return cancel(c, s, rec);
  const mentorId = pick(c.founder.mentorIds);
  let starts = c.slots.get(mentorId) ?? [];
  if (starts.length === 0) starts = await freshSlots(c, s, rec, mentorId);
  if (starts.length === 0) return;
  const k = Math.floor(Math.random() * Math.min(starts.length, 100));
  const [start] = starts.splice(k, 1);
  const { status, json } = await call(rec, s.url, 'POST /sessions', 'POST', '/api/v1/sessions', c.founder.token, {
    startupId: c.founder.startupId,
    mentorId,
    start,
    mode: 'online',
    link: 'https://meet.example.vn/bench-load',
    topic: 'Bench load',
  });
  if (status === 201) c.held.push(String(json!.id));
};

const cancel: Op = async (c, s, rec) => {
  const id = c.held.shift();
  if (!id) return book(c, s, rec);
  await call(rec, s.url, 'POST /sessions/:id/cancel', 'POST', `/api/v1/sessions/${id}/cancel`, c.founder.token, { reason: 'Bench: đổi lịch.' });
};

const NEXT_STATE: Record<string, string> = { planned: 'in_progress', in_progress: 'done', done: 'in_progress', blocked: 'in_progress', waived: 'planned' };

const moveMilestone: Op = async (c, s, rec) => {
  const milestone = pick(c.milestones);
  const to = NEXT_STATE[milestone.state] ?? 'in_progress';
  const { status } = await call(rec, s.url, 'PATCH /milestones/:id', 'PATCH', `/api/v1/milestones/${milestone.id}`, c.founder.token, { state: to });
  if (status === 200) milestone.state = to;
};

/** The mix: weights are shares of requests drawn (they add up to 100). */
export const MIX: Array<{ name: string; weight: number; run: Op }> = [
  { name: 'login', weight: 1, run: (c, s, rec) => { const login = s.world.logins[c.n % s.world.logins.length]!; return call(rec, s.url, 'POST /auth/login', 'POST', '/api/v1/auth/login', undefined, login); } },
  { name: 'me', weight: 6, run: (c, s, rec) => call(rec, s.url, 'GET /me', 'GET', '/api/v1/me', c.founder.token) },
  {
    name: 'browse',
    weight: 14,
    run: (c, s, rec) => {
      const page = Math.random() < 0.25 && s.browseCursor ? `&cursor=${s.browseCursor}` : '';
      return call(rec, s.url, 'GET /mentors (browse)', 'GET', `/api/v1/mentors?limit=20${page || pick(FILTERS)}`, c.founder.token);
    },
  },
  { name: 'search', weight: 12, run: (c, s, rec) => call(rec, s.url, 'GET /mentors?q= (search)', 'GET', `/api/v1/mentors?limit=20&q=${encodeURIComponent(pick(SEARCHES))}`, c.founder.token) },
  { name: 'mentor', weight: 8, run: (c, s, rec) => call(rec, s.url, 'GET /mentors/:id', 'GET', `/api/v1/mentors/${pick(s.mentorIds)}`, c.founder.token) },
  { name: 'matches', weight: 10, run: (c, s, rec) => call(rec, s.url, 'GET /matches', 'GET', `/api/v1/matches?startupId=${c.founder.startupId}&limit=20`, c.founder.token) },
  { name: 'slots', weight: 8, run: (c, s, rec) => freshSlots(c, s, rec, pick(c.founder.mentorIds)) },
  { name: 'book', weight: 6, run: book },
  { name: 'cancel', weight: 5, run: cancel },
  { name: 'sessions', weight: 5, run: (c, s, rec) => call(rec, s.url, 'GET /sessions', 'GET', '/api/v1/sessions?limit=20&status=scheduled', c.founder.token) },
  { name: 'milestone', weight: 8, run: moveMilestone },
  { name: 'milestones', weight: 4, run: (c, s, rec) => call(rec, s.url, 'GET /milestones', 'GET', `/api/v1/milestones?cohortId=${s.world.cohortId}&startupId=${c.founder.startupId}`, c.founder.token) },
  {
    name: 'notifications',
    weight: 8,
    run: (c, s, rec) => call(rec, s.url, 'GET /notifications', 'GET', '/api/v1/notifications?limit=20', Math.random() < 0.5 ? c.founder.token : c.mentor.token),
  },
  { name: 'board', weight: 5, run: (c, s, rec) => call(rec, s.url, 'GET /cohorts/:id/board', 'GET', `/api/v1/cohorts/${s.world.cohortId}/board`, s.world.managerToken) },
];
const TOTAL_WEIGHT = MIX.reduce((sum, op) => sum + op.weight, 0);

function drawOp(): Op {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const op of MIX) if ((r -= op.weight) < 0) return op.run;
  return MIX[0]!.run;
}

/**
 * `clients` clients for warm-up + `seconds`; only requests started after the warm-up are recorded.
 * With think time each client pauses between its actions (the first pause is a random part of one,
 * so that users do not start in step); without it, the closed loop: the next request as soon as an answer comes.
 */
async function drive(clients: Client[], seconds: number, warmupSeconds: number, next: (c: Client, rec: Recorder) => Promise<unknown>, think: Think = NO_THINK): Promise<Recorder> {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: clients.length });
  const rec = new Recorder(performance.now() + warmupSeconds * 1000);
  const end = rec.from + seconds * 1000;
  await Promise.all(
    clients.map(async (c) => {
      if (think.maxMs > 0) await sleep(Math.random() * thinkMs(think));
      while (performance.now() < end) {
        await next(c, rec);
        if (think.maxMs > 0) await sleep(Math.min(thinkMs(think), Math.max(0, end - performance.now())));
      }
    }),
  );
  return rec;
}

// ---------- memory ----------

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** CPU time (user + system) a process has used so far, in ms (Linux, 100 ticks a second). */
async function cpuMsOf(pid: number | undefined): Promise<number> {
  if (!pid) return NaN;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU ms used by the API and the database process while `run` runs. */
async function withCpu<T>(apiPid: number, dbPid: number | undefined, run: () => Promise<T>): Promise<{ result: T; cpuMs: { api: number; db: number } }> {
  const [api0, db0] = [await cpuMsOf(apiPid), await cpuMsOf(dbPid)];
  const result = await run();
  const [api1, db1] = [await cpuMsOf(apiPid), await cpuMsOf(dbPid)];
  return { result, cpuMs: { api: api1 - api0, db: db1 - db0 } };
}

/** Samples VmRSS of the API process and of the database process every 250 ms until stopped; the maxima in MiB. */
function sampleMemory(apiPid: number, dbPid: number | undefined) {
  const peak = { apiMiB: 0, dbMiB: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      peak.apiMiB = Math.max(peak.apiMiB, (await rssOf(apiPid)) || 0);
      if (dbPid) peak.dbMiB = Math.max(peak.dbMiB, (await rssOf(dbPid)) || 0);
      await sleep(250);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { apiMiB: round1(peak.apiMiB), dbMiB: round1(peak.dbMiB) };
  };
}

// ---------- the suite ----------

interface SoloFigures {
  perSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  cpuMsPerRequest: { api: number; db: number };
  ratioToBare?: number;
  requests: string[];
}

export interface LoadLevel {
  clients: number;
  seconds: number;
  requests: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  errorRate: number;
  expectedConflicts: number;
  sampledPeakMiB: { api: number; db: number };
  peakRssSoFar: PeakRss;
  apiPeakMiB: number;
  apiHwmMiB: number;
  bare: { perSecond: number; p50ms: number; p99ms: number; errors: number };
  ratioToBare: number;
  socketEvents: number;
  socketsConnected: number;
  /** Room events received from the level's start to the end of its bare run, by lag from the change (occurredAt) to receipt. */
  liveLag: { events: number; p50ms: number; p99ms: number; maxMs: number };
  cpuMsPerRequest: { api: number; db: number; note: string };
  errorSamples: string[];
  byEndpoint: Record<string, unknown>;
}

/** The mix in a closed loop: the most the server answers (capacity, reported apart from the targets). */
export interface Saturation {
  clients: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  cpuMsPerRequest: { api: number; db: number };
  bare: { perSecond: number; p50ms: number; p99ms: number; errors: number };
  ratioToBare: number;
  errorSamples: string[];
}

export async function runLoadBench(): Promise<{ database: string; figures: Record<string, unknown>; levels: LoadLevel[]; saturation: Saturation }> {
  if (!(SECONDS > 0)) throw new Error(`BENCH_LOAD_SECONDS must be a positive number, not ${process.env.BENCH_LOAD_SECONDS}`);
  if (LEVELS.some((n) => !(Number.isInteger(n) && n > 0))) throw new Error(`BENCH_LOAD_LEVELS must list positive whole numbers, e.g. 10,50,100,200, not ${process.env.BENCH_LOAD_LEVELS}`);
  if (!(Number.isInteger(SATURATION_CLIENTS) && SATURATION_CLIENTS > 0)) throw new Error(`BENCH_LOAD_SATURATION_CLIENTS must be a positive whole number, not ${process.env.BENCH_LOAD_SATURATION_CLIENTS}`);
  const children: ChildServer<{ ready: true }>[] = [];
  const scratch = await mkdtemp(path.join(tmpdir(), 'runway-bench-load-'));
  try {
    console.log(`starting Runway with the demo data and ${process.env.BENCH_LOAD_MENTORS ?? 1000} more mentors (child process)…`);
    const t0 = performance.now();
    const runway = await startChildServer<RunwayReady>('./serve-runway.ts', { env: { ...process.env, BENCH_WORLD: 'load' }, cleanupDir: (ready) => ready.dataDir });
    children.push(runway);
    const { world, url } = runway.ready;
    const bare = await startChildServer<{ ready: true; url: string }>('./serve-bare.ts', { env: { ...process.env, BENCH_BARE_DB_URI: runway.ready.dbUri, BENCH_BARE_DB_NAME: runway.ready.dbName } });
    children.push(bare);
    const tree = await runway.peakRss();
    const dbPid = tree.processes.find((p) => p.pid !== runway.pid)?.pid;
    console.log(`ready in ${Math.round(performance.now() - t0)} ms: runway ${url} (pid ${runway.pid}, database pid ${dbPid ?? '?'}, ${runway.ready.database}), ${world.mentorCount} mentors; bare ${bare.ready.url} (pid ${bare.pid})`);

    // Probes: what the mix reads, and that the diacritic-free search finds the same mentors either way.
    const founderToken = world.founders[0]!.token;
    const get = async (p: string) => {
      const { status, text } = await send(`${url}${p}`, 'GET', founderToken);
      if (status !== 200) throw new Error(`GET ${p}: ${status} ${text.slice(0, 200)}`);
      return JSON.parse(text) as { items: Array<{ id: string }>; nextCursor?: string | null };
    };
    const firstPage = await get('/api/v1/mentors?limit=100');
    const mentorIds = [...firstPage.items.map((m) => m.id), ...world.mentors.map((m) => m.mentorId)];
    const plain = await get('/api/v1/mentors?limit=100&q=nong%20nghiep');
    const marked = await get(`/api/v1/mentors?limit=100&q=${encodeURIComponent('nông nghiệp')}`);
    const sameSearch = plain.items.length > 0 && plain.items.map((m) => m.id).join() === marked.items.map((m) => m.id).join();
    console.log(`search "nong nghiep": ${plain.items.length}${plain.nextCursor ? '+' : ''} mentors, the same as "nông nghiệp": ${sameSearch}`);
    if (!sameSearch) throw new Error('"nong nghiep" and "nông nghiệp" do not find the same mentors');
    const shared: Shared = { url, world, mentorIds, browseCursor: (await get('/api/v1/mentors?limit=20')).nextCursor ?? null };
    const bareIds = mentorIds.slice(0, 100);
    const bareProbe = await send(`${bare.ready.url}/bare-read/${bareIds[0]}`, 'GET', founderToken);
    if (bareProbe.status !== 200) throw new Error(`bare read: ${bareProbe.status} ${bareProbe.text.slice(0, 200)}`);

    // The live clients.
    const planFile = path.join(scratch, 'sockets-plan.json');
    const statsFile = path.join(scratch, 'sockets-stats.json');
    const plan = Array.from({ length: SOCKETS }, (_, i) => {
      const share = i % 10;
      if (share === 0) return { token: world.managerToken, room: `cohort:${world.cohortId}` };
      if (share <= 6) {
        const founder = world.founders[i % world.founders.length]!;
        return { token: founder.token, room: `startup:${founder.startupId}` };
      }
      const mentor = world.mentors[i % world.mentors.length]!;
      return { token: mentor.token, room: `mentor:${mentor.mentorId}` };
    });
    await writeFile(planFile, JSON.stringify({ url, sockets: plan }));
    const sockets = await startChildServer<{ ready: true; sockets: number; joined: number; ms: number }>('./load-sockets.ts', {
      env: { ...process.env, BENCH_SOCKETS_PLAN: planFile, BENCH_SOCKETS_STATS: statsFile },
    });
    children.push(sockets);
    console.log(`${sockets.ready.joined}/${SOCKETS} sockets connected and joined (10% cohort as its manager, 60% startup as founders, 30% mentor as mentors) in ${sockets.ready.ms} ms`);
    const socketStats = async () => JSON.parse(await readFile(statsFile, 'utf8').catch(() => '{}')) as { connected?: number; events?: number; disconnects?: number; lagBucketMs?: number; lag?: number[] };
    /** p50/p99/max of the live events' lag (receipt − occurredAt) received between two readings of the sockets' stats. */
    const lagBetween = (before: { lag?: number[] }, after: { lag?: number[]; lagBucketMs?: number }) => {
      const bucket = after.lagBucketMs ?? 10;
      const counts = (after.lag ?? []).map((n, i) => n - (before.lag?.[i] ?? 0));
      const total = counts.reduce((a, b) => a + b, 0);
      const at = (p: number) => {
        let seen = 0;
        for (let i = 0; i < counts.length; i++) if ((seen += counts[i]!) >= p * total) return (i + 1) * bucket;
        return NaN;
      };
      let last = counts.length - 1;
      while (last > 0 && counts[last] === 0) last--;
      return total === 0 ? { events: 0, p50ms: NaN, p99ms: NaN, maxMs: NaN } : { events: total, p50ms: at(0.5), p99ms: at(0.99), maxMs: (last + 1) * bucket };
    };

    const maxClients = Math.max(...LEVELS, SOLO_CLIENTS, SATURATION_CLIENTS);
    const perFounder = Math.ceil(maxClients / world.founders.length);
    const clients: Client[] = Array.from({ length: maxClients }, (_, n) => {
      const founder = world.founders[n % world.founders.length]!;
      const slice = Math.floor(n / world.founders.length) % perFounder;
      return {
        n,
        founder,
        mentor: world.mentors[n % world.mentors.length]!,
        milestones: founder.milestoneIds.filter((_, j) => j % perFounder === slice).map((id) => ({ id, state: 'planned' })),
        slots: new Map(),
        held: [],
      };
    });
    for (const c of clients) if (c.milestones.length === 0) c.milestones.push({ id: c.founder.milestoneIds[c.n % c.founder.milestoneIds.length]!, state: 'planned' });

    const bareRead = (rec: Recorder) => call(rec, bare.ready.url, 'GET /bare-read/:id', 'GET', `/bare-read/${pick(bareIds)}`, founderToken);
    const summariseBare = (rec: Recorder, seconds: number) => {
      const s = rec.summary(seconds);
      return { perSecond: s.perSecond, p50ms: s.p50ms, p99ms: s.p99ms, errors: s.errors };
    };

    const levels: LoadLevel[] = [];
    for (const n of LEVELS) {
      const active = clients.slice(0, n);
      const statsBefore = await socketStats();
      const eventsBefore = statsBefore.events ?? 0;
      const stopSampling = sampleMemory(runway.pid, dbPid);
      const { result: rec, cpuMs } = await withCpu(runway.pid, dbPid, () => drive(active, SECONDS, WARMUP_SECONDS, (c, r) => drawOp()(c, shared, r), THINK));
      const sampled = await stopSampling();
      const peakRssSoFar = await runway.peakRss();
      const stats = await socketStats();
      const mix = rec.summary(SECONDS);
      // The same users with the same think time reading bare: what the level would answer if every request cost one read.
      const bareRec = await drive(active, BARE_SECONDS, 1, (_c, r) => bareRead(r), THINK);
      const bareFigures = summariseBare(bareRec, BARE_SECONDS);
      // Read after the bare run: events the level caused that arrived late still count, at their lag (upper bound of their 10 ms bucket).
      const liveLag = lagBetween(statsBefore, await socketStats());
      const level: LoadLevel = {
        clients: n,
        seconds: SECONDS,
        ...mix,
        sampledPeakMiB: { api: sampled.apiMiB, db: sampled.dbMiB },
        peakRssSoFar,
        apiPeakMiB: sampled.apiMiB,
        apiHwmMiB: peakRssSoFar.processes.find((p) => p.pid === runway.pid)?.peakMiB ?? NaN,
        bare: bareFigures,
        ratioToBare: round3(mix.perSecond / bareFigures.perSecond),
        cpuMsPerRequest: { api: round1(cpuMs.api / mix.requests), db: round1(cpuMs.db / mix.requests), note: 'CPU of warm-up and measurement over the requests measured' },
        socketEvents: (stats.events ?? 0) - eventsBefore,
        socketsConnected: stats.connected ?? 0,
        liveLag,
      };
      levels.push(level);
      console.log(
        `${String(n).padStart(4)} clients: ${level.perSecond} req/s, p50 ${level.p50ms} ms, p99 ${level.p99ms} ms, ${level.errors} errors (${(level.errorRate * 100).toFixed(2)}%), ${level.expectedConflicts} booking races; ` +
          `CPU per request api ${level.cpuMsPerRequest.api} ms, db ${level.cpuMsPerRequest.db} ms; RSS api ${sampled.apiMiB} MiB (VmHWM so far ${level.apiHwmMiB}), db ${sampled.dbMiB} MiB; bare ${bareFigures.perSecond} req/s (mix ${(level.ratioToBare * 100).toFixed(1)}%); ${level.socketEvents} socket events (lag p50 ${level.liveLag.p50ms} ms, p99 ${level.liveLag.p99ms} ms, max ${level.liveLag.maxMs} ms), ${level.socketsConnected} connected`,
      );
      if (level.errorSamples.length > 0) console.log(`      errors, first ones: ${level.errorSamples.slice(0, 3).join(' | ')}`);
    }

    // Capacity, apart from the targets: the mix in a closed loop (no think time), then the bare read the same way.
    console.log(`saturation: the mix in a closed loop at ${SATURATION_CLIENTS} clients, ${SECONDS} s…`);
    const saturationRun = await withCpu(runway.pid, dbPid, () => drive(clients.slice(0, SATURATION_CLIENTS), SECONDS, WARMUP_SECONDS, (c, r) => drawOp()(c, shared, r)));
    const saturationMix = saturationRun.result.summary(SECONDS);
    const saturationBare = summariseBare(await drive(clients.slice(0, SATURATION_CLIENTS), BARE_SECONDS, 1, (_c, r) => bareRead(r)), BARE_SECONDS);
    const saturation: Saturation = {
      clients: SATURATION_CLIENTS,
      seconds: SECONDS,
      perSecond: saturationMix.perSecond,
      p50ms: saturationMix.p50ms,
      p99ms: saturationMix.p99ms,
      errors: saturationMix.errors,
      cpuMsPerRequest: { api: round1(saturationRun.cpuMs.api / saturationMix.requests), db: round1(saturationRun.cpuMs.db / saturationMix.requests) },
      bare: saturationBare,
      ratioToBare: round3(saturationMix.perSecond / saturationBare.perSecond),
      errorSamples: saturationMix.errorSamples,
    };
    console.log(
      `saturation (${SATURATION_CLIENTS} clients, closed loop): ${saturation.perSecond} req/s, p50 ${saturation.p50ms} ms, p99 ${saturation.p99ms} ms, ${saturation.errors} errors; ` +
        `CPU per request api ${saturation.cpuMsPerRequest.api} ms, db ${saturation.cpuMsPerRequest.db} ms; bare ${saturationBare.perSecond} req/s (mix ${(saturation.ratioToBare * 100).toFixed(1)}%)`,
    );
    if (saturation.errorSamples.length > 0) console.log(`      errors, first ones: ${saturation.errorSamples.slice(0, 3).join(' | ')}`);

    // Each entry of the mix alone, against the bare read before and after.
    console.log(`each entry of the mix alone, ${SOLO_CLIENTS} clients, ${SOLO_SECONDS} s each…`);
    const soloClients = clients.slice(0, SOLO_CLIENTS);
    const bareRun = await withCpu(bare.pid, dbPid, () => drive(soloClients, SOLO_SECONDS, 1, (_c, r) => bareRead(r)));
    const bareFirst = { ...summariseBare(bareRun.result, SOLO_SECONDS), cpuMsPerRequest: { bare: round1(bareRun.cpuMs.api / bareRun.result.summary(SOLO_SECONDS).requests), db: round1(bareRun.cpuMs.db / bareRun.result.summary(SOLO_SECONDS).requests) } };
    const solo: Record<string, SoloFigures> = {};
    for (const op of MIX) {
      const { result: rec, cpuMs } = await withCpu(runway.pid, dbPid, () => drive(soloClients, SOLO_SECONDS, 0.5, (c, r) => op.run(c, shared, r)));
      const s = rec.summary(SOLO_SECONDS);
      // CPU of the half-second warm-up too, over the measured requests: a slight overestimate, alike for every entry.
      const cpu = { api: round1(cpuMs.api / s.requests), db: round1(cpuMs.db / s.requests) };
      solo[op.name] = { perSecond: s.perSecond, p50ms: s.p50ms, p99ms: s.p99ms, errors: s.errors, cpuMsPerRequest: cpu, requests: Object.keys(s.byEndpoint) };
    }
    const bareLast = summariseBare(await drive(soloClients, SOLO_SECONDS, 1, (_c, r) => bareRead(r)), SOLO_SECONDS);
    const baseline = (bareFirst.perSecond + bareLast.perSecond) / 2;
    for (const figures of Object.values(solo)) figures.ratioToBare = round3(figures.perSecond / baseline);

    const peakRss = { runway: await runway.peakRss(), bare: await bare.peakRss(), sockets: await sockets.peakRss() };
    printTables(levels, saturation, solo, baseline, peakRss);
    console.log(`bare read CPU per request: bare process ${bareFirst.cpuMsPerRequest.bare} ms, database ${bareFirst.cpuMsPerRequest.db} ms`);

    return {
      database: runway.ready.database,
      levels,
      saturation,
      figures: {
        world: { mentors: world.mentorCount, benchStartups: world.founders.length, benchMentors: world.mentors.length, demo: true },
        sockets: { planned: SOCKETS, joined: sockets.ready.joined, joinMs: sockets.ready.ms, final: await socketStats() },
        mix: Object.fromEntries(MIX.map((op) => [op.name, op.weight])),
        errorRule: 'any non-2xx answer, failed or timed-out request, except 409 slot_taken/calendar_busy to POST /sessions (a booking race; counted as expectedConflicts)',
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        think: { ...THINK, note: thinkLabel(THINK) },
        levels,
        saturation,
        solo: { clients: SOLO_CLIENTS, seconds: SOLO_SECONDS, bareFirst, bareLast, baselinePerSecond: round1(baseline), entries: solo },
        target: LOAD_TARGET,
        peakRss,
        loadGenerator: `keep-alive node:http clients in the bench process, one per user (${thinkLabel(THINK)}; saturation: closed loop); servers and sockets in child processes`,
      },
    };
  } finally {
    agent.destroy();
    await Promise.all(children.map((c) => c.stop()));
    await rm(scratch, { recursive: true, force: true });
  }
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function printTables(levels: LoadLevel[], saturation: Saturation, solo: Record<string, SoloFigures>, baseline: number, rss: Record<string, PeakRss>): void {
  console.log();
  table(
    ['clients', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'err %', '409 races', 'api MiB', 'db MiB', 'bare req/s', 'of bare', 'live p99 ms'],
    levels.map((l) => [
      String(l.clients),
      l.perSecond.toFixed(0),
      String(l.p50ms),
      String(l.p99ms),
      String(l.errors),
      (l.errorRate * 100).toFixed(2),
      String(l.expectedConflicts),
      `${l.sampledPeakMiB.api} (${l.apiHwmMiB})`,
      String(l.sampledPeakMiB.db),
      l.bare.perSecond.toFixed(0),
      `${(l.ratioToBare * 100).toFixed(1)}%`,
      String(l.liveLag.p99ms),
    ]),
  );
  console.log('live p99 ms: socket events by the time from the change (occurredAt) to their receipt, 10 ms buckets');
  console.log(`clients: users with ${thinkLabel(THINK)} between actions (BENCH_LOAD_THINK_MS); bare: the same users reading GET /bare-read/:id`);
  console.log('api MiB: highest VmRSS sampled during the level (VmHWM of the API process since it started, read after the level)');
  console.log(
    `saturation, closed loop at ${saturation.clients} clients: ${saturation.perSecond.toFixed(0)} req/s, p50 ${saturation.p50ms} ms, p99 ${saturation.p99ms} ms, ${saturation.errors} errors; bare ${saturation.bare.perSecond.toFixed(0)} req/s (mix ${(saturation.ratioToBare * 100).toFixed(1)}%)`,
  );
  console.log();
  table(
    ['entry alone', 'weight', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'of bare', 'cpu api ms', 'cpu db ms'],
    Object.entries(solo).map(([name, f]) => [
      name,
      String(MIX.find((m) => m.name === name)?.weight ?? ''),
      f.perSecond.toFixed(0),
      String(f.p50ms),
      String(f.p99ms),
      String(f.errors),
      `${((f.ratioToBare ?? 0) * 100).toFixed(1)}%`,
      String(f.cpuMsPerRequest.api),
      String(f.cpuMsPerRequest.db),
    ]),
  );
  console.log('cpu … ms: CPU time of the API process and of the database process per request of that entry');
  console.log(`bare: GET /bare-read/:id (Express + driver, findOne by _id on the same database), mean of a run before and after: ${baseline.toFixed(0)} req/s at ${SOLO_CLIENTS} clients`);
  for (const [name, peak] of Object.entries(rss)) console.log(`peak RSS ${name}: ${peak.totalMiB} MiB (${peak.processes.map((p) => `${p.name} ${p.pid}: ${p.peakMiB}`).join(', ')})`);
  console.log();
}

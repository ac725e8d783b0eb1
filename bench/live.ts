/**
 * `npm run bench -- live`: 1,000 socket.io clients (websocket transport,
 * one connection each) follow one cohort room as its manager, while
 * BENCH_LIVE_CHANGES (50) milestone PATCHes, one after another, each send
 * `milestone.updated`. For every PATCH and every socket: the time from the
 * PATCH's response to the event's receipt (0 when the event came first;
 * the server sends it before it answers), and from the request's start.
 *
 * Three servers, each in a child process, in the same run:
 * - bare: a bare socket.io server broadcasting one event per POST /emit to
 *   the same 1,000 clients (the baseline; bench/serve-bare-io.ts);
 * - one process: Runway (bench/serve-runway.ts, BENCH_WORLD=live);
 * - two processes: Runway A takes the PATCHes, Runway B holds the
 *   sockets, both on one database and one `redis-server` (started here on
 *   a free loopback port).
 * Targets: p99 from response ≤ 100 ms on one process, ≤ 200 ms across two;
 * server memory per connected socket ≤ 100 kB (resident set growth of the
 * server holding the sockets, from none to 1,000 joined, after settling).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestRedis } from '../test/helpers/redis.js';
import { sendKeepAlive } from './bench-http.js';
import { startChildServer, type ChildServer } from './child-server.js';
import type { LiveWorld } from './live-world.js';

const SOCKETS = Number(process.env.BENCH_LIVE_SOCKETS ?? 1000);
const CHANGES = Number(process.env.BENCH_LIVE_CHANGES ?? 50);
const round1 = (n: number) => Math.round(n * 10) / 10;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RunwayReady {
  ready: true;
  url: string;
  world: LiveWorld;
  dbUri: string;
  dbName: string;
  database: string;
  dataDir: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const send = (url: string, method: string, token: string | undefined, body?: unknown) => sendKeepAlive(agent, url, method, token, body);

/** Resident set of a process now, in kB (Linux). */
async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** Receipt times of `milestone.updated`, by milestone id, over every socket. */
type Receipts = Map<string, number[]>;

async function openSockets(url: string, token: string | undefined, room: string | undefined, receipts: Receipts): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let batch = 0; batch < SOCKETS; batch += 50) {
    const opened = await Promise.all(
      Array.from({ length: Math.min(50, SOCKETS - batch) }, async () => {
        const socket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: token ? { token } : {} });
        socket.on('milestone.updated', (event: { milestoneId: string }) => {
          const at = performance.now();
          let list = receipts.get(event.milestoneId);
          if (!list) receipts.set(event.milestoneId, (list = []));
          list.push(at);
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        if (room) {
          const ack = (await socket.timeout(10_000).emitWithAck('room.join', room)) as { ok: boolean; code?: string };
          if (!ack.ok) throw new Error(`join ${room} refused: ${ack.code}`);
        }
        return socket;
      }),
    );
    sockets.push(...opened);
  }
  return sockets;
}

/** Makes CHANGES changes one after another; each waits until every socket has its event. */
async function measure(change: (i: number) => Promise<string>, receipts: Receipts) {
  const fromResponse: number[] = [];
  const fromRequest: number[] = [];
  let missing = 0;
  for (let i = 0; i < CHANGES; i++) {
    const sentAt = performance.now();
    const id = await change(i);
    const answeredAt = performance.now();
    const deadline = Date.now() + 5000;
    while ((receipts.get(id)?.length ?? 0) < SOCKETS && Date.now() < deadline) await sleep(1);
    const got = receipts.get(id) ?? [];
    missing += SOCKETS - got.length;
    for (const at of got) {
      fromResponse.push(Math.max(0, at - answeredAt));
      fromRequest.push(at - sentAt);
    }
    await sleep(20);
  }
  fromResponse.sort((a, b) => a - b);
  fromRequest.sort((a, b) => a - b);
  return {
    deliveries: fromResponse.length,
    missing,
    fromResponseMs: { p50: round1(percentile(fromResponse, 50)), p99: round1(percentile(fromResponse, 99)), max: round1(fromResponse.at(-1)!) },
    fromRequestMs: { p50: round1(percentile(fromRequest, 50)), p99: round1(percentile(fromRequest, 99)), max: round1(fromRequest.at(-1)!) },
  };
}

/** Sockets opened on `holder`, its resident set before and after (settled), then the changes. */
async function followRoom(holder: ChildServer<{ ready: true; url: string }>, token: string | undefined, room: string | undefined, change: (i: number) => Promise<string>) {
  await sleep(2000);
  const before = await rssKb(holder.pid);
  const receipts: Receipts = new Map();
  const sockets = await openSockets(holder.ready.url, token, room, receipts);
  await sleep(3000);
  const after = await rssKb(holder.pid);
  try {
    const latency = await measure(change, receipts);
    return { sockets: sockets.length, memory: { rssBeforeKb: before, rssAfterKb: after, perSocketKb: round1((after - before) / sockets.length) }, ...latency };
  } finally {
    for (const socket of sockets) socket.close();
  }
}

function patchMilestone(url: string, world: LiveWorld, offset: number) {
  return async (i: number) => {
    const id = world.milestoneIds[offset + i]!;
    const response = await send(`${url}/api/v1/milestones/${id}`, 'PATCH', world.managerToken, { state: 'in_progress' });
    if (response.status !== 200) throw new Error(`PATCH milestone: ${response.status} ${response.text.slice(0, 200)}`);
    return id;
  };
}

export async function runLiveBench(): Promise<{ database: string; figures: Record<string, unknown> }> {
  console.log(`${SOCKETS} sockets, ${CHANGES} changes one after another, each to every socket`);

  const bareServer = await startChildServer<{ ready: true; url: string }>('serve-bare-io.ts');
  let bare;
  try {
    bare = await followRoom(bareServer, undefined, undefined, async () => JSON.parse((await send(`${bareServer.ready.url}/emit`, 'POST', undefined)).text).milestoneId as string);
  } finally {
    await bareServer.stop();
  }
  console.log('bare socket.io broadcast', bare);

  const single = await startChildServer<RunwayReady>('serve-runway.ts', { env: { ...process.env, BENCH_WORLD: 'live' } });
  let oneProcess;
  try {
    const { world } = single.ready;
    oneProcess = await followRoom(single, world.managerToken, `cohort:${world.cohortId}`, patchMilestone(single.ready.url, world, 0));
  } finally {
    await single.stop();
  }
  console.log('Runway, one process', oneProcess);

  const redis = await startTestRedis();
  const shared = { ...process.env, REDIS_URL: redis.url, BENCH_JWT_SECRET: randomBytes(32).toString('hex') };
  let twoProcesses;
  let database = '';
  try {
    const a = await startChildServer<RunwayReady>('serve-runway.ts', { env: { ...shared, BENCH_WORLD: 'live' } });
    try {
      database = a.ready.database;
      const b = await startChildServer<{ ready: true; url: string }>('serve-runway.ts', {
        env: { ...shared, BENCH_WORLD: 'attach', BENCH_DB_URI: a.ready.dbUri, BENCH_DB_NAME: a.ready.dbName },
      });
      try {
        const { world } = a.ready;
        twoProcesses = await followRoom(b, world.managerToken, `cohort:${world.cohortId}`, patchMilestone(a.ready.url, world, 0));
      } finally {
        await b.stop();
      }
    } finally {
      await a.stop();
    }
  } finally {
    await redis.stop();
  }
  console.log('Runway, two processes through Redis (PATCH to A, sockets on B)', twoProcesses);

  const within = (run: typeof oneProcess, ms: number) => run.fromResponseMs.p99 <= ms && run.missing === 0;
  const targets = {
    oneProcessP99: { target: '≤ 100 ms from the response', fromResponseMs: oneProcess.fromResponseMs.p99, fromRequestMs: oneProcess.fromRequestMs.p99, met: within(oneProcess, 100) },
    twoProcessesP99: { target: '≤ 200 ms from the response', fromResponseMs: twoProcesses.fromResponseMs.p99, fromRequestMs: twoProcesses.fromRequestMs.p99, met: within(twoProcesses, 200) },
    memoryPerSocketKb: { target: '≤ 100 kB', value: Math.max(oneProcess.memory.perSocketKb, twoProcesses.memory.perSocketKb), met: Math.max(oneProcess.memory.perSocketKb, twoProcesses.memory.perSocketKb) <= 100 },
    // Every event reaches the client before the response does (the server sends before it answers), so the ratios compare from the request's start.
    p99FromRequestVsBare: {
      bareMs: bare.fromRequestMs.p99,
      oneProcess: round1(oneProcess.fromRequestMs.p99 / bare.fromRequestMs.p99),
      twoProcesses: round1(twoProcesses.fromRequestMs.p99 / bare.fromRequestMs.p99),
    },
  };
  console.log('targets', targets);
  return { database, figures: { sockets: SOCKETS, changes: CHANGES, bare, oneProcess, twoProcesses, targets } };
}

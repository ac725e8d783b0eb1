/**
 * Faults (docs/decisions/017-faults.md): what Runway does when what it
 * stands on goes away, and that it comes back by itself.
 *
 * - The database killed in the middle of traffic: every request ends
 *   within DB_TIMEOUT_MS and a margin, as 503 problem+json
 *   `database_unavailable` with Retry-After (never a 500); /readyz says so,
 *   /healthz stays up; the API and the job worker recover when the database
 *   returns on its data file and port; every acknowledged write is there.
 * - SIGTERM: in-flight requests finish, new connections are refused,
 *   sockets are told (`server.shutdown`), a running job gets the grace to
 *   finish and queued ones are unlocked; exit code 0.
 * - Redis killed: HTTP does not notice; live events still reach the
 *   sockets of the process that sends them; across processes again once
 *   Redis is back.
 * A worker killed with SIGKILL mid-job loses nothing: worker-kill.test.ts.
 */
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { MongoClient, ObjectId } from 'mongodb';
import mongoose from 'mongoose';
import { io as connect, type Socket } from 'socket.io-client';
import { startEmbeddedDb, type EmbeddedDb } from '../../server/core/db/embedded/launcher.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/core/realtime/live-events.js';
import { SEND_EMAILS_JOB } from '../../jobs/send-emails.js';
import { admit, createCohort, createStartup, individualBody } from '../modules/cohorts/cohort-helpers.js';
import { createTestUser } from '../helpers/factories.js';
import { freePort, startRunwayProcess, type RunwayProcess } from '../helpers/process.js';
import { startTestRedis, type TestRedis } from '../helpers/redis.js';
import { registerUser, sendRequest, startTestRunway, testDatabaseUri, uniqueDbName, type TestResponse, type TestRunway } from '../helpers/runway.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { until, wait } from '../helpers/until.js';


interface Sample {
  what: string;
  status: number;
  ms: number;
  at: number;
  response?: TestResponse;
  error?: string;
}

/** One request, timed; a request that fails at the socket is a sample too (status 0). */
async function timed(what: string, run: () => Promise<TestResponse>): Promise<Sample> {
  const at = Date.now();
  try {
    const response = await run();
    return { what, status: response.status, ms: Date.now() - at, at, response };
  } catch (error) {
    return { what, status: 0, ms: Date.now() - at, at, error: String((error as Error).cause ?? error) };
  }
}

function expectDatabaseProblem(sample: Sample): void {
  const label = `${sample.what} → ${sample.status} ${sample.response?.text ?? sample.error}`;
  expect(sample.response?.headers.get('content-type'), label).to.match(/^application\/problem\+json/);
  expect(sample.response?.body, label).to.include({ status: 503, code: 'database_unavailable' });
  expect(sample.response?.headers.get('retry-after'), label).to.match(/^\d+$/);
}

describe('faults: the database goes away mid-traffic and comes back', function () {
  this.timeout(60_000);
  const DB_TIMEOUT_MS = 2000;
  /** A request may take the database timeout, plus a poll of the driver and a slow machine's margin. */
  const BOUND_MS = DB_TIMEOUT_MS + 2000;
  let dataDir: string;
  let db: EmbeddedDb;
  let runway: TestRunway;

  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'runway-faults-'));
    // Its own database server, on a file: the one this test kills and starts again on the same port.
    db = await startEmbeddedDb({ storage: 'file', dataDir });
    runway = await startTestRunway({ MONGODB_URI: db.connectionUri, DB_TIMEOUT_MS: String(DB_TIMEOUT_MS), LOGIN_RATE_LIMIT: '1000' });
  });
  after(async () => {
    await runway?.stop();
    await db?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 503 database_unavailable within the timeout while it is down, /readyz 503 and /healthz 200; recovers by itself, jobs included; keeps every acknowledged write', async () => {
    const founder = await registerUser(runway);
    const startupId = await createStartup(runway, founder.token, individualBody('Nấm Rơm Ô Môn'));
    const samples: Sample[] = [];
    const acknowledged: string[] = [];
    let traffic = true;
    let n = 0;
    const client = async () => {
      while (traffic) {
        const email = `fault-${n++}-${Date.now()}@example.vn`;
        const write = await timed('POST /auth/register', () => runway.http('POST', '/api/v1/auth/register', { body: { email, password: 'correct horse battery', name: 'Trần Văn Bình', role: 'startup' } }));
        samples.push(write);
        if (write.status === 201) acknowledged.push(email);
        samples.push(await timed('GET /mentors', () => runway.http('GET', '/api/v1/mentors?limit=5', { token: founder.token })));
        samples.push(await timed('GET /me', () => runway.http('GET', '/api/v1/me', { token: founder.token })));
        // A read by id, gathered with the other reads of its turn (core/db/stored.ts).
        samples.push(await timed('GET /startups/{id}', () => runway.http('GET', `/api/v1/startups/${startupId}`, { token: founder.token })));
      }
    };
    const clients = [client(), client(), client()];

    await until('some writes acknowledged', () => acknowledged.length >= 3, 10_000);
    await db.kill();
    const killedAt = Date.now();

    // While it is down: the probes say so, fast; the process itself is alive.
    await until('a request has failed since the kill', () => samples.some((s) => s.at >= killedAt && s.status === 503), BOUND_MS + 1000);
    const readyDown = await timed('GET /readyz', () => runway.http('GET', '/readyz'));
    const health = await timed('GET /healthz', () => runway.http('GET', '/healthz'));
    expect(readyDown.status, readyDown.response?.text).to.equal(503);
    expect(readyDown.response?.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(readyDown.response?.body).to.include({ code: 'not_ready' });
    expect(readyDown.response?.body.checks.database).to.be.oneOf(['unavailable', 'timeout']);
    expect(readyDown.ms).to.be.below(BOUND_MS);
    expect(health.status).to.equal(200);
    expect(health.ms).to.be.below(500);
    await wait(1500);

    await db.restart();
    const restartedAt = Date.now();
    const recoveredIn = await until('/readyz 200 again', async () => (await runway.http('GET', '/readyz')).status === 200, 15_000);
    const ackedBefore = acknowledged.length;
    await until('writes acknowledged again', () => acknowledged.length >= ackedBefore + 3, 10_000);
    traffic = false;
    await Promise.all(clients);

    // The job worker polls again: the every-poll sweep has run since the database came back.
    const jobsBackIn = await until(
      'a job has run since the restart',
      async () => (await mongoose.connection.db!.collection('agendaJobs').countDocuments({ lastFinishedAt: { $gt: new Date(restartedAt) } })) > 0,
      10_000,
    );
    expect(runway.worker.isRunning()).to.equal(true);

    const during = samples.filter((s) => s.status !== 200 && s.status !== 201);
    console.log(`      ${samples.length} requests, ${during.length} refused while down, slowest ${Math.max(...samples.map((s) => s.ms))} ms; /readyz 200 ${recoveredIn} ms after the restart, a job run ${jobsBackIn} ms after the traffic`);
    expect(during.length, 'some requests met the outage').to.be.greaterThan(0);
    for (const sample of during) expectDatabaseProblem(sample);
    for (const sample of samples) expect(sample.ms, `${sample.what} took ${sample.ms} ms`).to.be.below(BOUND_MS);

    // Every write answered 201 is there, on the file the database came back on.
    const stored = await mongoose.connection.db!.collection('users').countDocuments({ email: { $in: acknowledged } });
    expect(stored).to.equal(acknowledged.length);
    const login = await runway.http('POST', '/api/v1/auth/login', { body: { email: acknowledged[0], password: 'correct horse battery' } });
    expect(login.status, login.text).to.equal(200);
  });
});

describe('faults: SIGTERM drains', function () {
  this.timeout(60_000);
  const SHUTDOWN_TIMEOUT_MS = 4000;
  let smtp: TestSmtp;
  let mongo: MongoClient;
  let server: RunwayProcess;
  const dbName = uniqueDbName();

  before(async () => {
    // The first email is held unanswered: its job is running when the SIGTERM comes.
    smtp = await startTestSmtp({ hold: (_mail, index) => index === 0 });
    mongo = await new MongoClient(testDatabaseUri()).connect();
    server = await startRunwayProcess(dbName, { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', LOG_PRETTY: 'false', SMTP_URL: smtp.url, SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), JOBS_PROCESS_EVERY_MS: '200', LOGIN_RATE_LIMIT: '1000' });
  });
  after(async () => {
    if (server?.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await smtp?.close();
    await mongo?.db(dbName).dropDatabase().catch(() => {});
    await mongo?.close();
  });

  it('finishes the request under way, refuses new connections, tells sockets server.shutdown, lets the running job finish, unlocks the queued one, exits 0', async () => {
    const { url, child } = server;
    const user = await registerUserAt(url);
    const db = mongo.db(dbName);
    const jobs = db.collection('agendaJobs');

    // A socket of a signed-in user.
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, { transports: ['websocket'], reconnection: false, auth: { token: user.token } });
    const told: string[] = [];
    socket.on('server.shutdown', (event) => told.push(`server.shutdown:${event.code}`));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    await new Promise<void>((resolve, reject) => {
      socket.once('session.ready', () => resolve());
      socket.once('connect_error', reject);
    });

    // A job running (its email held by the SMTP server), and another of the same kind (one at a time) fetched and waiting.
    await db.collection('notifications').insertOne({
      userId: new ObjectId(user.id),
      kind: 'test.drain',
      dedupeKey: `test.drain:${user.id}`,
      title: { vi: 'Thử dừng máy chủ', en: 'Drain test' },
      body: { vi: 'Xin chào', en: 'Hello' },
      data: {},
      emailState: 'pending',
      emailAttempts: 0,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const queue = async (trigger: string) =>
      (await jobs.insertOne({ name: SEND_EMAILS_JOB, data: { trigger }, type: 'normal', priority: 0, nextRunAt: new Date(), lockedAt: null })).insertedId;
    const runningId = await queue('test: running at SIGTERM');
    await until('the email job is sending', () => smtp.held.length === 1, 15_000);
    const waitingId = await queue('test: waiting at SIGTERM');
    await until('the second job is fetched and locked', async () => Boolean((await jobs.findOne({ _id: waitingId }))?.lockedAt), 10_000);

    // A request under way: its headers and half its body sent.
    const body = JSON.stringify({ email: `drain-${Date.now()}@example.vn`, password: 'correct horse battery', name: 'Lê Thị Hoa', role: 'startup' });
    const slow = slowRequest(url, '/api/v1/auth/register', body);
    await wait(300);

    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    const sigtermAt = Date.now();
    child.kill('SIGTERM');

    // The socket is told, then disconnected by the server.
    expect(await disconnected).to.equal('io server disconnect');
    expect(told).to.deep.equal(['server.shutdown:shutting_down']);
    // New connections are refused while the request under way is still open.
    const refusedIn = await until('new connections are refused', async () => (await timed('GET /healthz', () => sendRequest(url, 'GET', '/healthz'))).status === 0, 2000);
    expect(child.exitCode, 'still draining').to.equal(null);

    // The request under way completes.
    const answered = await slow.finish();
    expect(answered.status, answered.text).to.equal(201);
    // Then the SMTP server gives up on the held email: the running job ends, within the grace, after the requests.
    await wait(500);
    await smtp.close();

    const [code, signal] = await exited;
    const stoppedIn = Date.now() - sigtermAt;
    console.log(`      refused new connections ${refusedIn} ms after SIGTERM; exited in ${stoppedIn} ms`);
    expect({ code, signal }, server.output()).to.deep.equal({ code: 0, signal: null });
    expect(stoppedIn).to.be.below(SHUTDOWN_TIMEOUT_MS + 3000);

    const running = await jobs.findOne({ _id: runningId });
    expect(running?.lastFinishedAt, 'the running job finished and was recorded').to.be.instanceOf(Date);
    expect(running?.lockedAt ?? null, 'and its lock released').to.equal(null);
    const waiting = await jobs.findOne({ _id: waitingId });
    expect(waiting?.lockedAt ?? null, 'the waiting job unlocked for the next worker').to.equal(null);
    expect(waiting?.lastRunAt, 'and not run').to.equal(undefined);
    expect(await db.collection('users').countDocuments({ email: JSON.parse(body).email })).to.equal(1);
    socket.close();
  });
});

async function registerUserAt(url: string): Promise<{ id: string; token: string }> {
  const response = await sendRequest(url, 'POST', '/api/v1/auth/register', {
    body: { email: `drain-user-${Date.now()}@example.vn`, password: 'correct horse battery', name: 'Phạm Văn Nam', role: 'startup' },
  });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${response.text}`);
  return { id: response.body.user.id, token: response.body.accessToken };
}

/** A POST whose body is sent in two halves: `finish()` sends the rest and resolves with the answer. */
function slowRequest(url: string, path: string, body: string): { finish(): Promise<{ status: number; text: string }> } {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const target = new URL(path, url);
  const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) } });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
  req.flushHeaders();
  req.write(bytes.subarray(0, half));
  return {
    finish() {
      req.end(bytes.subarray(half));
      return answer;
    },
  };
}

describe('faults: Redis goes away and comes back', function () {
  this.timeout(60_000);
  let redis: TestRedis;
  let redisPort: number;
  let processA: TestRunway;
  let processB: RunwayProcess;
  const sockets: Array<Socket<ServerToClientEvents, ClientToServerEvents>> = [];

  before(async () => {
    redisPort = await freePort();
    redis = await startTestRedis(redisPort);
    processA = await startTestRunway({ REDIS_URL: redis.url, LOGIN_RATE_LIMIT: '1000' });
    processB = await startRunwayProcess(processA.context.config.DB_NAME, { REDIS_URL: redis.url });
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await processB?.stop();
    await processA?.stop();
    await redis?.stop();
  });

  /** A manager's socket on `url`, in the cohort's room; collects the milestones it is told of. */
  async function follow(url: string, token: string, cohortId: string): Promise<string[]> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, { transports: ['websocket'], reconnection: false, auth: { token } });
    sockets.push(socket);
    const seen: string[] = [];
    socket.on('milestone.updated', (event) => seen.push(`${event.milestoneId}:${event.state}`));
    await new Promise<void>((resolve, reject) => {
      socket.once('session.ready', () => resolve());
      socket.once('connect_error', reject);
    });
    const joined = await socket.timeout(5000).emitWithAck('room.join', `cohort:${cohortId}`);
    if (!joined.ok) throw new Error(`join refused: ${joined.code}`);
    return seen;
  }

  it('without Redis, HTTP answers as before and live events reach the sending process’s sockets; across processes again once Redis is back', async () => {
    const manager = await createTestUser(processA, 'manager');
    const founder = await registerUser(processA);
    const template = Array.from({ length: 4 }, (_, i) => ({ key: `r-${i}`, title: `Bước ${i}`, dueWeeks: i + 1 }));
    const cohortId = (await createCohort(processA, manager.token, { milestoneTemplate: template })).id;
    const startupId = await createStartup(processA, founder.token, individualBody('Gạo Cờ Đỏ'));
    const milestones = (await admit(processA, manager.token, cohortId, startupId)).milestones.map((m) => m.id);
    // A second startup, whose admission ends while Redis is away: that re-checks the rooms of every process.
    const otherFounder = await registerUser(processA);
    const otherStartupId = await createStartup(processA, otherFounder.token, individualBody('Khô Cá Thốt Nốt'));
    await admit(processA, manager.token, cohortId, otherStartupId);
    const onA = await follow(processA.url, manager.token, cohortId);
    const onB = await follow(processB.url, manager.token, cohortId);
    const move = (id: string, state: string) => timed(`PATCH /milestones → ${state}`, () => processA.http('PATCH', `/api/v1/milestones/${id}`, { token: founder.token, body: { state } }));

    // With Redis: a change through A reaches both.
    expect((await move(milestones[0]!, 'in_progress')).status).to.equal(200);
    await until('both processes’ sockets are told', () => onA.length === 1 && onB.length === 1, 5000);

    await redis.kill();
    const samples = [
      await move(milestones[1]!, 'in_progress'),
      await move(milestones[2]!, 'in_progress'),
      await timed('POST /auth/login', () => processA.http('POST', '/api/v1/auth/login', { body: { email: founder.email, password: founder.password } })),
      await timed('GET /cohorts/{id}/board', () => processA.http('GET', `/api/v1/cohorts/${cohortId}/board`, { token: manager.token })),
      await timed('GET /readyz', () => processA.http('GET', '/readyz')),
      await timed('POST /cohorts/{id}/admissions/{startupId}/withdraw', () => processA.http('POST', `/api/v1/cohorts/${cohortId}/admissions/${otherStartupId}/withdraw`, { token: manager.token, body: {} })),
    ];
    for (const sample of samples) {
      expect(sample.status, `${sample.what}: ${sample.response?.text ?? sample.error}`).to.equal(200);
      expect(sample.ms, `${sample.what} took ${sample.ms} ms`).to.be.below(2000);
    }
    // The sending process's own sockets still get its events.
    await until('A’s socket is told without Redis', () => onA.length === 3, 5000);
    expect(onA.slice(1)).to.deep.equal([`${milestones[1]}:in_progress`, `${milestones[2]}:in_progress`]);

    // Redis returns on its port: the adapter reconnects and B's socket hears A's changes again.
    redis = await startTestRedis(redisPort);
    let attempt = 0;
    const backIn = await until(
      'a change through A reaches B again',
      async () => {
        await move(milestones[3]!, attempt++ % 2 === 0 ? 'in_progress' : 'planned');
        await wait(200);
        return onB.some((e) => e.startsWith(`${milestones[3]}:`));
      },
      15_000,
    );
    console.log(`      live events cross processes again ${backIn} ms after Redis restarted`);
  });
});

/**
 * Two API processes behind one Redis (a real `redis-server`): a change made
 * through process A reaches a socket connected to process B, in order and
 * numbered without a gap; and a lone worker's events reach the API's sockets,
 * and it stops cleanly on SIGTERM.
 */
import { expect } from 'chai';
import { once } from 'node:events';
import mongoose from 'mongoose';
import { EXPIRE_REQUEST_JOB } from '../../../jobs/expire-request.js';
import { MentorRequestModel } from '../../../server/modules/requests/mentor-request.model.js';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinAck, ServerToClientEvents } from '../../../server/core/realtime/live-events.js';
import { createTestUser } from '../../helpers/factories.js';
import { startRunwayProcess, startWorkerProcess, type RunwayProcess } from '../../helpers/process.js';
import { startTestRedis, type TestRedis } from '../../helpers/redis.js';
import { startTestRunway, testDatabaseUri, type TestRunway } from '../../helpers/runway.js';
import { activeMentor, matchingWorld, requestMentor } from '../matching/matching-helpers.js';
import { admit, createCohort, createStartup, individualBody } from '../cohorts/cohort-helpers.js';

describe('live tracking across two processes through Redis', function () {
  this.timeout(90_000);
  let redis: TestRedis;
  let processA: TestRunway;
  let processB: RunwayProcess;

  before(async () => {
    redis = await startTestRedis();
    processA = await startTestRunway({ REDIS_URL: redis.url });
    processB = await startRunwayProcess(processA.context.config.DB_NAME, { REDIS_URL: redis.url });
  });
  after(async () => {
    await processB?.stop();
    await processA?.stop();
    await redis?.stop();
  });

  it('20 concurrent changes through process A reach a socket on process B, in order, numbered without a gap', async () => {
    const manager = await createTestUser(processA, 'manager');
    const founder = await createTestUser(processA, 'startup');
    const template = Array.from({ length: 20 }, (_, i) => ({ key: `b-${i}`, title: `Bước ${i}`, dueWeeks: i }));
    const cohortId = (await createCohort(processA, manager.token, { milestoneTemplate: template })).id;
    const startupId = await createStartup(processA, founder.token, individualBody('Sầu Riêng Phong Điền'));
    const milestones = (await admit(processA, manager.token, cohortId, startupId)).milestones.map((m) => m.id);

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(processB.url, { transports: ['websocket'], reconnection: false, auth: { token: manager.token } });
    try {
      const received: Array<{ name: string; seq: number; milestoneId?: string }> = [];
      socket.onAny((name: string, event: { seq?: number; milestoneId?: string }) => {
        if (typeof event?.seq === 'number') received.push({ name, seq: event.seq, milestoneId: event.milestoneId });
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('session.ready', () => resolve());
        socket.once('connect_error', reject);
      });
      const joined: JoinAck = await socket.timeout(5000).emitWithAck('room.join', `cohort:${cohortId}`);
      if (!joined.ok) throw new Error(`join refused: ${joined.code}`);

      const responses = await Promise.all(milestones.map((id) => processA.http('PATCH', `/api/v1/milestones/${id}`, { token: founder.token, body: { state: 'in_progress' } })));
      expect(responses.map((r) => r.status)).to.deep.equal(milestones.map(() => 200));
      const deadline = Date.now() + 5000;
      while (received.length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

      expect(received.map((r) => r.seq)).to.deep.equal(Array.from({ length: 40 }, (_, i) => joined.seq + 1 + i));
      expect(new Set(received.filter((r) => r.name === 'milestone.updated').map((r) => r.milestoneId))).to.have.property('size', 20);
    } finally {
      socket.close();
    }
  });
});

describe('live tracking from a lone worker through Redis', function () {
  this.timeout(90_000);
  let redis: TestRedis;
  let api: TestRunway;

  before(async () => {
    redis = await startTestRedis();
    api = await startTestRunway({ REDIS_URL: redis.url });
    // Only the worker under test may run jobs on this database.
    await api.worker.stop();
  });
  after(async () => {
    await api?.stop();
    await redis?.stop();
  });

  it('a request expired by `npm run worker` reaches the startup’s room on the API process', async () => {
    const world = await matchingWorld(api);
    const mentor = await activeMentor(api, world);
    const requestId = await requestMentor(api, world.founder.token, world.startupId, mentor.profile.id);
    // Its time is up now, and so is its expiry job.
    await MentorRequestModel.updateOne({ _id: requestId }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    await mongoose.connection.db!.collection('agendaJobs').updateMany({ name: EXPIRE_REQUEST_JOB }, { $set: { nextRunAt: new Date() } });

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(api.url, { transports: ['websocket'], reconnection: false, auth: { token: world.founder.token } });
    let worker: ReturnType<typeof startWorkerProcess> | undefined;
    try {
      const expired = new Promise<{ requestId: string; room: string }>((resolve) => socket.on('request.expired', resolve));
      await new Promise<void>((resolve, reject) => {
        socket.once('session.ready', () => resolve());
        socket.once('connect_error', reject);
      });
      const joined: JoinAck = await socket.timeout(5000).emitWithAck('room.join', `startup:${world.startupId}`);
      expect(joined.ok).to.equal(true);
      // Only now the worker: the socket already follows the room when the expiry runs.
      worker = startWorkerProcess({ MONGODB_URI: testDatabaseUri(), DB_NAME: api.context.config.DB_NAME, REDIS_URL: redis.url });
      const running = worker;
      const event = await Promise.race([expired, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no request.expired within 30 s; worker said: ${running.stderr()}`)), 30_000))]);
      expect(event).to.include({ requestId, room: `startup:${world.startupId}` });

      // SIGTERM: the worker closes its Redis clients and exits cleanly.
      const exited = once(running.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      running.child.kill('SIGTERM');
      const [code, signal] = await Promise.race([exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the worker did not exit within 15 s of SIGTERM; it said: ${running.stderr()}`)), 15_000))]);
      expect({ code, signal }, running.stderr()).to.deep.equal({ code: 0, signal: null });
    } finally {
      socket.close();
      if (worker && worker.child.exitCode === null) {
        const exited = once(worker.child, 'exit');
        worker.child.kill('SIGTERM');
        await exited;
      }
    }
  });
});

/**
 * Live tracking over socket.io (SPEC §7), with real socket.io clients on
 * real connections: who may connect, who may join which room, what each
 * room receives and in what order, numbering that survives a restart, and
 * rooms taken away when access ends.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { io as connect, type Socket } from 'socket.io-client';
import { signAccessToken } from '../../../server/core/auth/tokens.js';
import type { ClientToServerEvents, JoinAck, Live, LiveEventName, ServerToClientEvents } from '../../../server/core/realtime/live-events.js';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, uniqueDbName, type TestRunway } from '../../helpers/runway.js';
import { activeMentor, matchingWorld, requestMentor, type MatchingWorld } from '../matching/matching-helpers.js';
import type { TestMentor } from '../mentors/mentor-helpers.js';
import { admit, createCohort, createStartup, individualBody } from '../cohorts/cohort-helpers.js';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Enough milestones for every change the tests make. */
const BIG_TEMPLATE = Array.from({ length: 50 }, (_, i) => ({ key: `step-${i}`, title: `Bước ${i}`, dueWeeks: i % 20 }));

/** A connected socket, with every event it receives recorded in order. */
interface Client {
  socket: LiveSocket;
  received: Array<{ name: string; event: Live<LiveEventName> & Record<string, unknown>; at: number }>;
  join(room: string): Promise<JoinAck>;
  close(): void;
}

async function open(url: string, token: string): Promise<Client> {
  const socket: LiveSocket = connect(url, { transports: ['websocket'], reconnection: false, auth: { token } });
  const received: Client['received'] = [];
  socket.onAny((name: string, event: Live<LiveEventName> & Record<string, unknown>) => received.push({ name, event, at: performance.now() }));
  await new Promise<void>((resolve, reject) => {
    socket.once('session.ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, received, join: (room) => socket.timeout(5000).emitWithAck('room.join', room), close: () => socket.close() };
}

/** The socket's connection error, or undefined when it connected. */
function refusal(url: string, token?: string): Promise<(Error & { data?: { code: string } }) | undefined> {
  const socket: LiveSocket = connect(url, { transports: ['websocket'], reconnection: false, auth: token ? { token } : {} });
  return new Promise((resolve) => {
    socket.once('session.ready', () => {
      socket.close();
      resolve(undefined);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error);
    });
  });
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for live events');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const named = (client: Client, name: string, room?: string) => client.received.filter((r) => r.name === name && (!room || r.event.room === room));
const roomEvents = (client: Client, room: string) => client.received.filter((r) => r.event && (r.event as { room?: string }).room === room);

async function milestonesOf(cohortId: string, startupId: string): Promise<string[]> {
  const rows = await mongoose.connection
    .db!.collection('milestones')
    .find({ cohortId: new mongoose.Types.ObjectId(cohortId), startupId: new mongoose.Types.ObjectId(startupId) })
    .sort({ order: 1 })
    .toArray();
  return rows.map((row) => row._id.toHexString());
}

describe('live tracking over socket.io', function () {
  this.timeout(60_000);
  let runway: TestRunway;
  let world: MatchingWorld;
  let mentor: TestMentor;
  let otherMentor: TestMentor;
  let otherStartupId: string;
  let mentorshipId: string;
  let pool: string[];
  /** A second startup of the founder's in the cohort, whose 50 milestones change at once. */
  let busyStartupId: string;
  const clients: Client[] = [];
  const fresh = () => {
    const id = pool.shift();
    if (!id) throw new Error('the test ran out of milestones: enlarge BIG_TEMPLATE');
    return id;
  };
  const as = async (user: TestUser) => {
    const client = await open(runway.url, user.token);
    clients.push(client);
    return client;
  };
  const patch = (user: TestUser, id: string, body: unknown) => runway.http('PATCH', `/api/v1/milestones/${id}`, { token: user.token, body });

  before(async () => {
    runway = await startTestRunway();
    world = await matchingWorld(runway, { milestoneTemplate: BIG_TEMPLATE });
    [mentor, otherMentor] = await Promise.all([activeMentor(runway, world), activeMentor(runway, world)]);
    const requestId = await requestMentor(runway, world.founder.token, world.startupId, mentor.profile.id);
    const accepted = await runway.http('POST', `/api/v1/mentor-requests/${requestId}/accept`, { token: mentor.user.token });
    expect(accepted.status, accepted.text).to.equal(200);
    mentorshipId = accepted.body.mentorship.id;
    otherStartupId = await createStartup(runway, world.otherFounder.token, individualBody('Cá Tra Sạch'));
    pool = await milestonesOf(world.cohortId, world.startupId);
    busyStartupId = await createStartup(runway, world.founder.token, individualBody('Gạo Hữu Cơ Cờ Đỏ'));
    await admit(runway, world.manager.token, world.cohortId, busyStartupId);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  after(() => runway.stop());

  describe('connecting', () => {
    it('refuses no token, a forged token and an expired token; a token that expires while connected disconnects its socket, saying why', async () => {
      expect((await refusal(runway.url))?.data?.code).to.equal('unauthenticated');
      expect((await refusal(runway.url, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'))?.data?.code).to.equal('unauthenticated');

      const shortLived = signAccessToken({ ...runway.context.tokens, ttlSeconds: 1 }, { sub: world.manager.id, role: 'manager' });
      const client = await open(runway.url, shortLived);
      const disconnected = new Promise<string>((resolve) => client.socket.once('disconnect', resolve));
      await until(() => named(client, 'auth.expired').length > 0, 3000);
      expect(named(client, 'auth.expired')[0]!.event).to.include({ code: 'token_expired' });
      expect(await disconnected).to.equal('io server disconnect');
      expect((await refusal(runway.url, shortLived))?.data?.code).to.equal('unauthenticated');
    });
  });

  describe('joining rooms (the REST policies, room by room)', () => {
    it('admits and refuses each role as the table says; a refusal is an acknowledgement with its reason code', async () => {
      const other = new mongoose.Types.ObjectId().toHexString();
      const rooms = {
        own: `startup:${world.startupId}`,
        otherStartup: `startup:${otherStartupId}`,
        cohort: `cohort:${world.cohortId}`,
        mentor: `mentor:${mentor.profile.id}`,
        otherMentor: `mentor:${otherMentor.profile.id}`,
        noSuchCohort: `cohort:${other}`,
      };
      type Room = keyof typeof rooms;
      // true: joined; false: refused with room_forbidden.
      const table: Array<[string, TestUser, Record<Room, boolean>]> = [
        ['founder', world.founder, { own: true, otherStartup: false, cohort: false, mentor: false, otherMentor: false, noSuchCohort: false }],
        ['founder of another startup', world.otherFounder, { own: false, otherStartup: true, cohort: false, mentor: false, otherMentor: false, noSuchCohort: false }],
        // Not the startup's room (it carries the startup's dealings with every mentor): its milestones reach the mentor's own room.
        ['mentor of the startup', mentor.user, { own: false, otherStartup: false, cohort: false, mentor: true, otherMentor: false, noSuchCohort: false }],
        ['mentor without a mentorship', otherMentor.user, { own: false, otherStartup: false, cohort: false, mentor: false, otherMentor: true, noSuchCohort: false }],
        ['the cohort’s manager', world.manager, { own: true, otherStartup: false, cohort: true, mentor: false, otherMentor: false, noSuchCohort: false }],
        ['another cohort’s manager', world.otherManager, { own: false, otherStartup: false, cohort: false, mentor: false, otherMentor: false, noSuchCohort: false }],
        ['admin', world.admin, { own: true, otherStartup: true, cohort: true, mentor: true, otherMentor: true, noSuchCohort: false }],
      ];
      for (const [who, user, expected] of table) {
        const client = await as(user);
        for (const [room, allowed] of Object.entries(expected) as Array<[Room, boolean]>) {
          const ack = await client.join(rooms[room]);
          expect(ack.ok, `${who} joining ${room}`).to.equal(allowed);
          if (!ack.ok) expect(ack.code, `${who} joining ${room}`).to.equal('room_forbidden');
        }
        for (const bad of [`user:${world.admin.id}`, 'startup:not-an-id', 'lobby', `cohort:${world.cohortId}x`]) {
          const ack = await client.join(bad);
          expect(ack, `${who} joining ${bad}`).to.deep.include({ ok: false, code: 'invalid_room' });
        }
        client.close();
      }
    });
    it('refuses a join past 200 rooms on one socket (too_many_rooms); leaving one makes room', async () => {
      // Bare mentor records: enough rooms an admin may join, without 200 profiles' worth of setup.
      const ids = Array.from({ length: 201 }, () => new mongoose.Types.ObjectId());
      await mongoose.connection.db!.collection('mentors').insertMany(ids.map((_id) => ({ _id, userId: new mongoose.Types.ObjectId(), status: 'pending' })));
      try {
        const admin = await as(world.admin);
        for (const id of ids.slice(0, 190)) expect((await admin.join(`mentor:${id.toHexString()}`)).ok).to.equal(true);
        // Eleven at once for the last ten places: joins under way count too.
        const racing = await Promise.all(ids.slice(190, 201).map((id) => admin.join(`mentor:${id.toHexString()}`)));
        expect(racing.filter((ack) => ack.ok)).to.have.length(10);
        expect(racing.filter((ack) => !ack.ok).map((ack) => !ack.ok && ack.code)).to.deep.equal(['too_many_rooms']);
        const last = racing.find((ack) => !ack.ok)!.room;
        expect(await admin.join(last)).to.deep.include({ ok: false, code: 'too_many_rooms' });
        expect(await admin.join(last)).to.deep.include({ ok: false, code: 'too_many_rooms' });
        await admin.socket.timeout(5000).emitWithAck('room.leave', `mentor:${ids[0]!.toHexString()}`);
        expect((await admin.join(last)).ok).to.equal(true);
      } finally {
        await mongoose.connection.db!.collection('mentors').deleteMany({ _id: { $in: ids } });
      }
    });
  });

  describe('delivery', () => {
    it('a manager receives milestone.updated and cohort.progressed within 1 s of the PATCH; a founder of another startup receives nothing', async () => {
      const manager = await as(world.manager);
      const outsider = await as(world.otherFounder);
      expect((await manager.join(`cohort:${world.cohortId}`)).ok).to.equal(true);
      expect((await outsider.join(`startup:${otherStartupId}`)).ok).to.equal(true);

      const milestoneId = fresh();
      const sentAt = performance.now();
      const response = await patch(world.founder, milestoneId, { state: 'done' });
      expect(response.status, response.text).to.equal(200);
      await until(() => named(manager, 'cohort.progressed').length > 0, 1000);
      const [updated] = named(manager, 'milestone.updated');
      // From the moment the PATCH was sent (the event usually arrives before its response).
      expect(updated!.at - sentAt).to.be.below(1000);
      expect(updated!.event).to.include({ milestoneId, cohortId: world.cohortId, startupId: world.startupId, state: 'done', room: `cohort:${world.cohortId}` });
      expect(updated!.event.changed).to.deep.equal(['state']);
      expect(updated!.event.occurredAt).to.match(/^\d{4}-\d\d-\d\dT/);
      const [progressed] = named(manager, 'cohort.progressed');
      expect(progressed!.event.seq).to.equal(updated!.event.seq + 1);
      expect(progressed!.event).to.include({ cohortId: world.cohortId, startupId: world.startupId });
      expect((progressed!.event as unknown as { counts: { done: number; total: number } }).counts).to.include({ total: BIG_TEMPLATE.length });

      await new Promise((r) => setTimeout(r, 300));
      expect(outsider.received.map((r) => r.name).filter((name) => name !== 'session.ready')).to.deep.equal([]);
    });

    it('sequence numbers are gap-free and in order per room under 50 concurrent changes, and the board’s seq names the last one', async () => {
      const manager = await as(world.manager);
      const founder = await as(world.founder);
      const cohortRoom = `cohort:${world.cohortId}`;
      const startupRoom = `startup:${busyStartupId}`;
      const cohortJoin = await manager.join(cohortRoom);
      const startupJoin = await founder.join(startupRoom);
      if (!cohortJoin.ok || !startupJoin.ok) throw new Error('join refused');

      const ids = await milestonesOf(world.cohortId, busyStartupId);
      expect(ids).to.have.length(50);
      const responses = await Promise.all(ids.map((id) => patch(world.founder, id, { state: 'in_progress' })));
      expect(responses.map((r) => r.status)).to.deep.equal(ids.map(() => 200));
      // Each change sends milestone.updated, then cohort.progressed, to both rooms.
      await until(() => roomEvents(manager, cohortRoom).length >= 100 && roomEvents(founder, startupRoom).length >= 100);
      for (const [client, room, from] of [[manager, cohortRoom, cohortJoin.seq], [founder, startupRoom, startupJoin.seq]] as const) {
        const seqs = roomEvents(client, room).map((r) => r.event.seq);
        expect(seqs, room).to.deep.equal(Array.from({ length: 100 }, (_, i) => from + 1 + i));
      }
      expect(new Set(named(manager, 'milestone.updated').map((r) => r.event.milestoneId))).to.have.property('size', 50);
      // The last progress sent is the progress now.
      const board = await runway.http('GET', `/api/v1/cohorts/${world.cohortId}/board`, { token: world.manager.token });
      expect(board.body.seq).to.equal(cohortJoin.seq + 100);
      const row = board.body.admissions.find((a: { startup: { id: string } }) => a.startup.id === busyStartupId);
      const last = named(manager, 'cohort.progressed').at(-1)!.event as unknown as { progress: number; counts: Record<string, number> };
      expect(last.counts).to.deep.equal(row.counts);
      expect(last.progress).to.equal(row.progress);
    });

    it('a room numbered elsewhere meanwhile (another process on the same database) goes on from its stored number: no number twice', async () => {
      const manager = await as(world.manager);
      const room = `cohort:${world.cohortId}`;
      expect((await manager.join(room)).ok).to.equal(true);
      // One change numbered here first, so that this process remembers the room's number.
      expect((await patch(world.founder, fresh(), { state: 'in_progress' })).status).to.equal(200);
      await until(() => roomEvents(manager, room).length === 2);
      const last = roomEvents(manager, room)[1]!.event.seq;
      await mongoose.connection.db!.collection<{ _id: string; seq: number }>('liveRooms').updateOne({ _id: room }, { $inc: { seq: 5 } });
      expect((await patch(world.founder, fresh(), { state: 'in_progress' })).status).to.equal(200);
      await until(() => roomEvents(manager, room).length === 4);
      // The five numbers taken elsewhere are a gap here (the client refetches), never reused.
      expect(roomEvents(manager, room).map((r) => r.event.seq)).to.deep.equal([last - 1, last, last + 6, last + 7]);
    });

    it('a new notification reaches its reader’s own room', async () => {
      const newMentor = await activeMentor(runway, world);
      const client = await as(newMentor.user);
      const requestId = await requestMentor(runway, world.founder.token, world.startupId, newMentor.profile.id);
      await until(() => named(client, 'notification.created').length > 0);
      const [notice] = named(client, 'notification.created');
      expect(notice!.event).to.include({ kind: 'request.created', room: `user:${newMentor.user.id}`, seq: 1 });
      expect(notice!.event.data).to.include({ requestId });
      expect((notice!.event as unknown as { title: { vi: string } }).title.vi).to.equal('Yêu cầu cố vấn mới');
    });

    it('request and mentorship events reach the mentor’s room and the startup’s', async () => {
      const newMentor = await activeMentor(runway, world);
      const mentorSide = await as(newMentor.user);
      const team = await as(world.founder);
      expect((await mentorSide.join(`mentor:${newMentor.profile.id}`)).ok).to.equal(true);
      expect((await team.join(`startup:${world.startupId}`)).ok).to.equal(true);
      const requestId = await requestMentor(runway, world.founder.token, world.startupId, newMentor.profile.id);
      const accepted = await runway.http('POST', `/api/v1/mentor-requests/${requestId}/accept`, { token: newMentor.user.token });
      expect(accepted.status, accepted.text).to.equal(200);
      await until(() => named(team, 'mentorship.started').length > 0 && named(mentorSide, 'request.accepted').length > 0);
      expect(named(mentorSide, 'request.created')[0]!.event).to.include({ requestId, startupId: world.startupId, mentorId: newMentor.profile.id });
      expect(named(team, 'request.accepted')[0]!.event).to.include({ requestId });
    });
    it('session events reach the mentor’s room, the startup’s and its cohort’s', async () => {
      const mentorSide = await as(mentor.user);
      const manager = await as(world.manager);
      const team = await as(world.founder);
      expect((await mentorSide.join(`mentor:${mentor.profile.id}`)).ok).to.equal(true);
      expect((await manager.join(`cohort:${world.cohortId}`)).ok).to.equal(true);
      expect((await team.join(`startup:${world.startupId}`)).ok).to.equal(true);
      const slots = await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}/slots`, { token: world.founder.token });
      expect(slots.status, slots.text).to.equal(200);
      const [first, second] = slots.body.items as Array<{ start: string }>;
      const booked = await runway.http('POST', '/api/v1/sessions', {
        token: world.founder.token,
        body: { startupId: world.startupId, mentorId: mentor.profile.id, start: first!.start, mode: 'online', link: 'https://meet.example.vn/runway', topic: 'Kênh phân phối' },
      });
      expect(booked.status, booked.text).to.equal(201);
      const moved = await runway.http('POST', `/api/v1/sessions/${booked.body.id}/reschedule`, { token: world.founder.token, body: { start: second!.start } });
      expect(moved.status, moved.text).to.equal(200);
      const movedId = moved.body.session.id as string;
      const cancelled = await runway.http('POST', `/api/v1/sessions/${movedId}/cancel`, { token: world.founder.token, body: { reason: 'Trùng lịch thu hoạch' } });
      expect(cancelled.status, cancelled.text).to.equal(200);
      for (const client of [mentorSide, manager, team]) {
        await until(() => named(client, 'session.cancelled').length > 0);
        expect(client.received.map((r) => r.name).filter((name) => name.startsWith('session.') && name !== 'session.ready')).to.deep.equal(['session.booked', 'session.rescheduled', 'session.cancelled']);
      }
      expect(named(manager, 'session.booked')[0]!.event).to.include({ sessionId: booked.body.id, startupId: world.startupId, mentorId: mentor.profile.id, start: first!.start });
      expect(named(manager, 'session.rescheduled')[0]!.event).to.include({ sessionId: movedId, previousSessionId: booked.body.id, previousStart: first!.start });
      expect(named(manager, 'session.cancelled')[0]!.event).to.include({ sessionId: movedId, reason: 'Trùng lịch thu hoạch' });
    });

    it('eligibility warnings and expiries reach the startup’s room and its cohorts’', async () => {
      const team = await as(world.founder);
      const manager = await as(world.manager);
      expect((await team.join(`startup:${world.startupId}`)).ok).to.equal(true);
      expect((await manager.join(`cohort:${world.cohortId}`)).ok).to.equal(true);
      const { bus } = runway.context;
      await bus.emit('eligibility.warned', { startupId: world.startupId, eligibleUntil: '2027-03-01', daysBefore: 90, cohortIds: [world.cohortId] });
      await bus.emit('eligibility.expired', { startupId: world.startupId, eligibleUntil: '2027-03-01', cohortIds: [world.cohortId] });
      for (const client of [team, manager]) {
        await until(() => named(client, 'eligibility.expired').length > 0);
        expect(named(client, 'eligibility.warned')[0]!.event).to.include({ startupId: world.startupId, eligibleUntil: '2027-03-01', daysBefore: 90 });
      }
    });
  });

  describe('access that ends', () => {
    it('a mentor follows their mentee’s milestones in their own room until the mentorship ends; a deactivated user is disconnected', async () => {
      const client = await as(mentor.user);
      const mentorRoom = `mentor:${mentor.profile.id}`;
      expect((await client.join(mentorRoom)).ok).to.equal(true);
      const before = fresh();
      expect((await patch(world.founder, before, { state: 'in_progress' })).status).to.equal(200);
      await until(() => named(client, 'cohort.progressed', mentorRoom).length > 0);
      expect(named(client, 'milestone.updated', mentorRoom)[0]!.event).to.include({ milestoneId: before, startupId: world.startupId });

      const ended = await runway.http('POST', `/api/v1/mentorships/${mentorshipId}/end`, { token: world.founder.token, body: {} });
      expect(ended.status, ended.text).to.equal(200);
      const after = fresh();
      expect((await patch(world.founder, after, { state: 'in_progress' })).status).to.equal(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(named(client, 'milestone.updated', mentorRoom).map((r) => r.event.milestoneId)).to.deep.equal([before]);

      const leaver = await createTestUser(runway, 'startup');
      const leaving = await as(leaver);
      const disconnected = new Promise<string>((resolve) => leaving.socket.once('disconnect', resolve));
      const deactivated = await runway.http('PATCH', `/api/v1/users/${leaver.id}`, { token: world.admin.token, body: { status: 'deactivated' } });
      expect(deactivated.status, deactivated.text).to.equal(200);
      expect(await disconnected).to.equal('io server disconnect');
      expect(named(leaving, 'auth.expired')[0]!.event).to.include({ code: 'user_inactive' });
    });

    it('a founder removed from the team leaves the startup’s room; a manager made a mentor leaves the cohort’s', async () => {
      const teammate = await createTestUser(runway, 'startup');
      const added = await runway.http('POST', `/api/v1/startups/${world.startupId}/members`, { token: world.founder.token, body: { email: teammate.record.email } });
      expect(added.status, added.text).to.equal(200);
      const member = await as(teammate);
      expect((await member.join(`startup:${world.startupId}`)).ok).to.equal(true);
      const removed = await runway.http('DELETE', `/api/v1/startups/${world.startupId}/members/${teammate.id}`, { token: world.founder.token });
      expect(removed.status, removed.text).to.be.oneOf([200, 204]);
      await until(() => named(member, 'room.left').length > 0);
      expect(named(member, 'room.left')[0]!.event).to.deep.equal({ room: `startup:${world.startupId}`, code: 'room_forbidden' });

      const coManager = await createTestUser(runway, 'manager');
      const cohortId = (await createCohort(runway, coManager.token)).id;
      const watching = await as(coManager);
      expect((await watching.join(`cohort:${cohortId}`)).ok).to.equal(true);
      const demoted = await runway.http('PATCH', `/api/v1/users/${coManager.id}`, { token: world.admin.token, body: { role: 'mentor' } });
      expect(demoted.status, demoted.text).to.equal(200);
      await until(() => named(watching, 'room.left').length > 0);
      expect(named(watching, 'room.left')[0]!.event).to.deep.equal({ room: `cohort:${cohortId}`, code: 'room_forbidden' });
      expect(watching.socket.connected).to.equal(true);
    });
  });
});

describe('live tracking: sequence numbers across a restart', function () {
  this.timeout(60_000);

  it('continue from where they were after the service restarts on the same database', async () => {
    const dbName = uniqueDbName();
    let runway = await startTestRunway({ DB_NAME: dbName });
    try {
      const manager = await createTestUser(runway, 'manager');
      const founder = await createTestUser(runway, 'startup');
      const cohortId = (await createCohort(runway, manager.token, { milestoneTemplate: BIG_TEMPLATE.slice(0, 4) })).id;
      const startupId = await createStartup(runway, founder.token, individualBody('Dừa Sáp Cầu Kè'));
      const [first, second] = (await admit(runway, manager.token, cohortId, startupId)).milestones.map((m) => m.id);
      const room = `cohort:${cohortId}`;

      let client = await open(runway.url, manager.token);
      const before = await client.join(room);
      // The admission went unnumbered: nobody followed the room then (one process numbers only followed rooms).
      expect(before).to.deep.include({ ok: true, seq: 0 });
      expect((await runway.http('PATCH', `/api/v1/milestones/${first}`, { token: founder.token, body: { state: 'done' } })).status).to.equal(200);
      await until(() => roomEvents(client, room).length === 2);
      client.close();
      await runway.stopKeepingData();

      runway = await startTestRunway({ DB_NAME: dbName });
      client = await open(runway.url, manager.token);
      expect(await client.join(room)).to.deep.include({ ok: true, seq: 2 });
      expect((await runway.http('PATCH', `/api/v1/milestones/${second}`, { token: founder.token, body: { state: 'done' } })).status).to.equal(200);
      await until(() => roomEvents(client, room).length === 2);
      expect(roomEvents(client, room).map((r) => [r.name, r.event.seq])).to.deep.equal([
        ['milestone.updated', 3],
        ['cohort.progressed', 4],
      ]);
      client.close();
    } finally {
      await runway.stop();
    }
  });
});

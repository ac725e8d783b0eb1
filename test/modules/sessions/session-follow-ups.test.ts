/**
 * What follows a session, on the real worker and database: booking sets its
 * reminders 24 h and 1 h before, the feedback request at the end and the
 * no-show check a day later on the session; cancelling drops them, moving
 * sets them on the new session; the sweep acts on what is due by the app's
 * clock, and run twice at once tells once.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { SESSION_FOLLOW_UPS_JOB } from '../../../jobs/session-follow-ups.js';
import { NO_SHOW_AFTER_MS } from '../../../server/modules/sessions/follow-ups.js';
import { sweepFollowUps } from '../../../server/modules/sessions/usecases/session-follow-ups.js';
import type { TestUser } from '../../helpers/factories.js';
import { eventually, startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { activeMentor, matchingWorld, requestMentor, type MatchingWorld } from '../matching/matching-helpers.js';
import type { TestMentor } from '../mentors/mentor-helpers.js';

const HOUR = 3_600_000;

describe('sessions: reminders, feedback requests and no-shows (the follow-up sweep)', function () {
  this.timeout(60_000);
  const startedAt = new Date();
  const clock = { now: startedAt };
  const canThoDay = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 10);
  let runway: TestRunway;
  let world: MatchingWorld;
  let mentor: TestMentor;

  beforeEach(() => {
    clock.now = startedAt;
  });
  before(async () => {
    runway = await startTestRunway({}, { now: () => clock.now });
    world = await matchingWorld(runway);
    mentor = await activeMentor(runway, world, { capacity: { maxActiveMentees: 3, maxSessionsPerMonth: 50 } });
    const requestId = await requestMentor(runway, world.founder.token, world.startupId, mentor.profile.id);
    expect((await runway.http('POST', `/api/v1/mentor-requests/${requestId}/accept`, { token: mentor.user.token })).status).to.equal(200);
  });
  after(() => runway.stop());

  /** The follow-ups still due on a session, as ISO instants; but the notice of its booking, which the worker's own sweep sends at once. */
  const dueOf = async (sessionId: string) => {
    const row = await mongoose.connection.db!.collection('sessions').findOne({ _id: new mongoose.Types.ObjectId(sessionId) });
    return Object.fromEntries(Object.entries((row?.due ?? {}) as Record<string, Date>).filter(([kind]) => kind !== 'announce').map(([kind, at]) => [kind, at.toISOString()]));
  };
  let slotIndex = 0;
  async function bookNext(): Promise<{ id: string; start: string; end: string }> {
    // Three days out and later: nothing of it is due on the wall clock while the real worker sweeps during the test.
    const from = canThoDay(startedAt.getTime() + 3 * 24 * HOUR);
    const to = canThoDay(startedAt.getTime() + 20 * 24 * HOUR);
    const slots = await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}/slots?from=${from}&to=${to}`, { token: world.founder.token });
    const slot = slots.body.items[slotIndex++ % 5] as { start: string };
    const body = { startupId: world.startupId, mentorId: mentor.profile.id, start: slot.start, mode: 'in_person', place: 'Vườn ươm Cần Thơ', topic: 'Gọi vốn' };
    const booked = await runway.http('POST', '/api/v1/sessions', { token: world.founder.token, body });
    expect(booked.status, booked.text).to.equal(201);
    return booked.body;
  }
  const noticesOf = async (user: TestUser, kind: string) =>
    ((await runway.http('GET', '/api/v1/notifications?limit=100', { token: user.token })).body.items as Array<{ kind: string; data: { sessionId?: string }; body: { vi: string; en: string } }>).filter((n) => n.kind === kind);
  const sweep = () => sweepFollowUps(runway.context);

  it('booking sets the notice of it, both reminders, the feedback request and the no-show check on the session, at the right times', async () => {
    const session = await bookNext();
    const start = Date.parse(session.start);
    // The notice: due at once, so the worker's sweep tells the mentor (not the founder, who booked) within a poll or two.
    const booked = await eventually(async () => (await noticesOf(mentor.user, 'session.booked')).filter((n) => n.data.sessionId === session.id), (told) => told.length > 0);
    expect(booked).to.have.length(1);
    expect((await noticesOf(world.founder, 'session.booked')).filter((n) => n.data.sessionId === session.id)).to.deep.equal([]);
    const row = await mongoose.connection.db!.collection('sessions').findOne({ _id: new mongoose.Types.ObjectId(session.id) });
    expect(row?.due, 'the notice is done').to.not.have.property('announce');
    expect(await dueOf(session.id)).to.deep.equal({
      remind24h: new Date(start - 24 * HOUR).toISOString(),
      remind1h: new Date(start - HOUR).toISOString(),
      feedback: session.end,
      noShow: new Date(Date.parse(session.end) + NO_SHOW_AFTER_MS).toISOString(),
    });
  });

  it('cancelling drops the session’s follow-ups; moving it drops the old ones and sets the new', async () => {
    const cancelled = await bookNext();
    expect((await runway.http('POST', `/api/v1/sessions/${cancelled.id}/cancel`, { token: world.founder.token, body: { reason: 'Bận' } })).status).to.equal(200);
    expect(await dueOf(cancelled.id)).to.deep.equal({});

    const moving = await bookNext();
    const later = `from=${canThoDay(startedAt.getTime() + 21 * 24 * HOUR)}&to=${canThoDay(startedAt.getTime() + 28 * 24 * HOUR)}`;
    const slots = await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}/slots?${later}`, { token: world.founder.token });
    const to = (slots.body.items[0] as { start: string }).start;
    const moved = await runway.http('POST', `/api/v1/sessions/${moving.id}/reschedule`, { token: world.founder.token, body: { start: to } });
    expect(moved.status, moved.text).to.equal(200);
    expect(await dueOf(moving.id)).to.deep.equal({});
    expect((await dueOf(moved.body.session.id)).remind1h).to.equal(new Date(Date.parse(to) - HOUR).toISOString());
  });

  it('a reminder swept twice at once tells each side once, in their language pair, with the place; a late sweep skips the 24 h one', async () => {
    const session = await bookNext();
    clock.now = new Date(Date.parse(session.start) - 30 * 60_000);
    await Promise.all([sweep(), sweep()]);
    const toMentor = (await noticesOf(mentor.user, 'session.reminder')).filter((n) => n.data.sessionId === session.id);
    const toTeam = (await noticesOf(world.founder, 'session.reminder')).filter((n) => n.data.sessionId === session.id);
    expect(toMentor).to.have.length(1);
    expect(toTeam).to.have.length(1);
    expect(toMentor[0]!.body.vi).to.match(/^Còn 1 giờ: buổi gặp với Nấm Rơm Ô Môn vào thứ .* \(giờ Việt Nam\), tại Vườn ươm Cần Thơ\.$/);
    expect(toTeam[0]!.body.en).to.match(/^In 1 hour: your session with .* \(Vietnam time\), at Vườn ươm Cần Thơ\.$/);
    // Both reminders are done (the 24 h one too late to send); the feedback request and the no-show check wait.
    expect(Object.keys(await dueOf(session.id))).to.deep.equal(['feedback', 'noShow']);
    // Twice more, at once, as if a sweep died before marking them done: nobody is told again.
    await mongoose.connection.db!.collection('sessions').updateOne({ _id: new mongoose.Types.ObjectId(session.id) }, { $set: { 'due.remind1h': new Date(Date.parse(session.start) - HOUR) } });
    await Promise.all([sweep(), sweep()]);
    expect((await noticesOf(world.founder, 'session.reminder')).filter((n) => n.data.sessionId === session.id)).to.have.length(1);
  });

  it('the worker runs the sweep once per poll interval, and on demand', async () => {
    const job = await mongoose.connection.db!.collection('agendaJobs').findOne({ name: SESSION_FOLLOW_UPS_JOB });
    expect(job?.repeatInterval, "every poll interval (200 ms in tests)").to.equal(200);
    const session = await bookNext();
    clock.now = new Date(Date.parse(session.start) - 23 * HOUR);
    await runway.worker.now(SESSION_FOLLOW_UPS_JOB, { trigger: 'test' });
    const told = await eventually(async () => (await noticesOf(world.founder, 'session.reminder')).filter((n) => n.data.sessionId === session.id), (notices) => notices.length > 0);
    expect(told.map((n) => n.body.en)).to.have.length(1).and.to.satisfy((texts: string[]) => texts[0]!.startsWith('In 24 hours:'));
  });

  it('a sweep early by the app’s clock, or after a cancel, does nothing', async () => {
    const session = await bookNext();
    const start = Date.parse(session.start);
    clock.now = new Date(start - 25 * HOUR);
    await sweep();
    expect(Object.keys(await dueOf(session.id)), 'early').to.have.length(4);
    expect((await runway.http('POST', `/api/v1/sessions/${session.id}/cancel`, { token: world.founder.token, body: { reason: 'Bận' } })).status).to.equal(200);
    // A follow-up left on a cancelled session (say, by a crash) is dropped without a word.
    await mongoose.connection.db!.collection('sessions').updateOne({ _id: new mongoose.Types.ObjectId(session.id) }, { $set: { 'due.remind24h': new Date(start - 24 * HOUR), 'due.noShow': new Date(start) } });
    clock.now = new Date(start + 2 * NO_SHOW_AFTER_MS);
    await sweep();
    expect(await dueOf(session.id)).to.deep.equal({});
    expect((await noticesOf(world.founder, 'session.reminder')).filter((n) => n.data.sessionId === session.id)).to.deep.equal([]);
    expect((await runway.http('GET', `/api/v1/sessions/${session.id}`, { token: world.founder.token })).body.status).to.equal('cancelled');
  });

  it('the no-show check marks a session nobody marked held, once, and tells both sides; a completed one stays and is asked for feedback', async () => {
    const missed = await bookNext();
    const held = await bookNext();
    clock.now = new Date(Date.parse(held.end) + NO_SHOW_AFTER_MS);
    expect((await runway.http('POST', `/api/v1/sessions/${held.id}/complete`, { token: mentor.user.token })).status).to.equal(200);
    // Held: its reminders and no-show check are gone; the feedback request stays (the startup still rates it).
    expect(Object.keys(await dueOf(held.id))).to.deep.equal(['feedback']);
    await Promise.all([sweep(), sweep()]);
    const read = await runway.http('GET', `/api/v1/sessions/${missed.id}`, { token: world.founder.token });
    expect(read.body).to.include({ status: 'no_show', noShowBy: null });
    expect((await runway.http('GET', `/api/v1/sessions/${held.id}`, { token: world.founder.token })).body.status).to.equal('completed');
    expect((await noticesOf(world.founder, 'session.no_show')).filter((n) => n.data.sessionId === missed.id)).to.have.length(1);
    expect((await noticesOf(world.founder, 'session.no_show')).filter((n) => n.data.sessionId === held.id)).to.deep.equal([]);
    expect((await noticesOf(world.founder, 'session.feedback')).filter((n) => n.data.sessionId === held.id)).to.have.length(1);
    expect(await dueOf(missed.id)).to.deep.equal({});
    expect(await dueOf(held.id)).to.deep.equal({});
  });
});

/**
 * The jobs of a session, on the real worker and database: booking queues
 * reminders 24 h and 1 h before, the feedback request at the end and the
 * no-show check a day later; cancelling drops them, moving re-queues them;
 * a job run twice tells once; a job left behind by a move does nothing.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { SESSION_FEEDBACK_JOB, SESSION_NO_SHOW_JOB, SESSION_REMINDER_JOB } from '../../../jobs/session-jobs.js';
import { askForFeedback, detectNoShow, NO_SHOW_AFTER_MS, remindSession } from '../../../server/modules/sessions/usecases/session-follow-ups.js';
import type { TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { activeMentor, matchingWorld, requestMentor, type MatchingWorld } from '../matching/matching-helpers.js';
import type { TestMentor } from '../mentors/mentor-helpers.js';

const HOUR = 3_600_000;

describe('sessions: reminders, feedback requests and no-shows (Agenda jobs)', function () {
  this.timeout(60_000);
  // Agenda runs jobs on the wall clock: the app's clock starts now too, so queued jobs stay queued until a test runs them.
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

  const jobsOf = async (sessionId: string) =>
    (await mongoose.connection.db!.collection('agendaJobs').find({ 'data.sessionId': sessionId }).toArray()).map((job) => ({
      name: job.name as string,
      kind: (job.data as { kind?: string }).kind,
      at: (job.nextRunAt as Date | null)?.toISOString() ?? null,
      start: (job.data as { start: string }).start,
    }));
  let slotIndex = 0;
  async function bookNext(): Promise<{ id: string; start: string; end: string }> {
    // Three days out and later: no job of it is due on the wall clock during the test.
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

  it('booking queues both reminders, the feedback request and the no-show check, at the right times', async () => {
    const session = await bookNext();
    const start = Date.parse(session.start);
    const jobs = (await jobsOf(session.id)).sort((a, b) => a.at!.localeCompare(b.at!));
    expect(jobs).to.deep.equal([
      { name: SESSION_REMINDER_JOB, kind: '24h', at: new Date(start - 24 * HOUR).toISOString(), start: session.start },
      { name: SESSION_REMINDER_JOB, kind: '1h', at: new Date(start - HOUR).toISOString(), start: session.start },
      { name: SESSION_FEEDBACK_JOB, kind: undefined, at: session.end, start: session.start },
      { name: SESSION_NO_SHOW_JOB, kind: undefined, at: new Date(Date.parse(session.end) + NO_SHOW_AFTER_MS).toISOString(), start: session.start },
    ]);
  });

  it('cancelling drops the session’s jobs; moving it drops the old ones and queues the new', async () => {
    const cancelled = await bookNext();
    expect(await jobsOf(cancelled.id)).to.have.length(4);
    expect((await runway.http('POST', `/api/v1/sessions/${cancelled.id}/cancel`, { token: world.founder.token, body: { reason: 'Bận' } })).status).to.equal(200);
    expect(await jobsOf(cancelled.id)).to.deep.equal([]);

    const moving = await bookNext();
    const later = `from=${canThoDay(startedAt.getTime() + 21 * 24 * HOUR)}&to=${canThoDay(startedAt.getTime() + 28 * 24 * HOUR)}`;
    const slots = await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}/slots?${later}`, { token: world.founder.token });
    const to = (slots.body.items[0] as { start: string }).start;
    const moved = await runway.http('POST', `/api/v1/sessions/${moving.id}/reschedule`, { token: world.founder.token, body: { start: to } });
    expect(moved.status, moved.text).to.equal(200);
    expect(await jobsOf(moving.id)).to.deep.equal([]);
    const queued = await jobsOf(moved.body.session.id);
    expect(queued).to.have.length(4);
    expect(queued.every((job) => job.start === to)).to.equal(true);
  });

  it('a reminder run twice by the worker tells each side once, in their language pair, with the place', async () => {
    const session = await bookNext();
    clock.now = new Date(Date.parse(session.start) - 30 * 60_000);
    const payload = { sessionId: session.id, kind: '1h', start: session.start };
    await Promise.all([runway.worker.now(SESSION_REMINDER_JOB, payload), runway.worker.now(SESSION_REMINDER_JOB, payload)]);
    const since = Date.now();
    const finished = async () =>
      (await mongoose.connection.db!.collection('agendaJobs').countDocuments({ name: SESSION_REMINDER_JOB, 'data.sessionId': session.id, 'data.kind': '1h', lastFinishedAt: { $ne: null } })) >= 2;
    while (!(await finished()) && Date.now() - since < 10_000) await new Promise((r) => setTimeout(r, 100));
    expect(await finished(), 'both runs finished').to.equal(true);
    const toMentor = (await noticesOf(mentor.user, 'session.reminder')).filter((n) => n.data.sessionId === session.id);
    const toTeam = (await noticesOf(world.founder, 'session.reminder')).filter((n) => n.data.sessionId === session.id);
    expect(toMentor).to.have.length(1);
    expect(toTeam).to.have.length(1);
    expect(toMentor[0]!.body.vi).to.match(/^Còn 1 giờ: buổi gặp với Nấm Rơm Ô Môn vào thứ .* \(giờ Việt Nam\), tại Vườn ươm Cần Thơ\.$/);
    expect(toTeam[0]!.body.en).to.match(/^In 1 hour: your session with .* \(Vietnam time\), at Vườn ươm Cần Thơ\.$/);
    // Twice more, at once, straight through the use case: nobody is told again.
    expect(await Promise.all([remindSession(session.id, '1h', session.start, runway.context), remindSession(session.id, '1h', session.start, runway.context)])).to.deep.equal([0, 0]);
  });

  it('a job early by the app’s clock, left behind by a move, or for a cancelled session, does nothing', async () => {
    const session = await bookNext();
    const start = Date.parse(session.start);
    clock.now = new Date(start - 25 * HOUR);
    expect(await remindSession(session.id, '24h', session.start, runway.context), 'early').to.equal(0);
    expect(await askForFeedback(session.id, session.start, runway.context), 'early').to.equal(0);
    expect(await detectNoShow(session.id, session.start, runway.context), 'early').to.equal(false);
    clock.now = new Date(start - 23 * HOUR);
    expect(await remindSession(session.id, '24h', new Date(start - 2 * HOUR).toISOString(), runway.context), 'another start').to.equal(0);
    expect((await runway.http('POST', `/api/v1/sessions/${session.id}/cancel`, { token: world.founder.token, body: { reason: 'Bận' } })).status).to.equal(200);
    expect(await remindSession(session.id, '24h', session.start, runway.context), 'cancelled').to.equal(0);
    clock.now = new Date(start + 2 * NO_SHOW_AFTER_MS);
    expect(await detectNoShow(session.id, session.start, runway.context), 'cancelled').to.equal(false);
  });

  it('the no-show check marks a session nobody marked held, once, and tells both sides; a completed one stays', async () => {
    const missed = await bookNext();
    const held = await bookNext();
    clock.now = new Date(Date.parse(held.end) + NO_SHOW_AFTER_MS);
    expect((await runway.http('POST', `/api/v1/sessions/${held.id}/complete`, { token: mentor.user.token })).status).to.equal(200);
    const runs = await Promise.all([detectNoShow(missed.id, missed.start, runway.context), detectNoShow(missed.id, missed.start, runway.context), detectNoShow(held.id, held.start, runway.context)]);
    expect(runs.filter(Boolean)).to.have.length(1);
    expect(runs[2]).to.equal(false);
    const read = await runway.http('GET', `/api/v1/sessions/${missed.id}`, { token: world.founder.token });
    expect(read.body).to.include({ status: 'no_show', noShowBy: null });
    expect((await runway.http('GET', `/api/v1/sessions/${held.id}`, { token: world.founder.token })).body.status).to.equal('completed');
    // Held: its reminders and no-show check are gone; the feedback request stays (the startup still rates it).
    expect((await jobsOf(held.id)).map((job) => job.name)).to.deep.equal([SESSION_FEEDBACK_JOB]);
    expect((await noticesOf(world.founder, 'session.no_show')).filter((n) => n.data.sessionId === missed.id)).to.have.length(1);
    // Its other jobs are dropped; the no-show check (the job that found it) is left to finish.
    expect((await jobsOf(missed.id)).map((job) => job.name)).to.deep.equal([SESSION_NO_SHOW_JOB]);
  });
});

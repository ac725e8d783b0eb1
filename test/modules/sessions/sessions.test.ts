/**
 * Booking and a session's life over real HTTP on a real database: a slot is
 * taken once however many book it at once, overlapping slots and the
 * monthly cap hold under races too, and cancel, reschedule, complete and
 * no-show each move a scheduled session once.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import type { TestUser } from '../../helpers/factories.js';
import { expectProblem } from '../../helpers/problems.js';
import { noticesOnceThere, startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { PINNED_NOW } from '../cohorts/cohort-helpers.js';
import { activeMentor, matchingWorld, requestMentor, type MatchingWorld } from '../matching/matching-helpers.js';
import type { TestMentor } from '../mentors/mentor-helpers.js';

interface Slot {
  start: string;
  end: string;
}

describe('sessions: booking and a session’s life', function () {
  this.timeout(120_000);
  // The app's clock, movable: it starts on Monday 2026-06-15 00:30 in Can Tho.
  const clock = { now: new Date(PINNED_NOW) };
  let runway: TestRunway;
  let world: MatchingWorld;

  before(async () => {
    runway = await startTestRunway({}, { now: () => clock.now });
    world = await matchingWorld(runway);
  });
  after(() => runway.stop());
  beforeEach(() => {
    clock.now = new Date(PINNED_NOW);
  });

  /** An active mentor (Can Tho time, weekdays 08:00–17:00) mentoring the world's startup. */
  async function mentoringMentor(overrides: Record<string, unknown> = {}): Promise<TestMentor> {
    const mentor = await activeMentor(runway, world, overrides);
    const requestId = await requestMentor(runway, world.founder.token, world.startupId, mentor.profile.id);
    const accepted = await runway.http('POST', `/api/v1/mentor-requests/${requestId}/accept`, { token: mentor.user.token });
    expect(accepted.status, accepted.text).to.equal(200);
    return mentor;
  }

  const slotsOf = async (mentorId: string, query = 'from=2026-06-15&to=2026-07-15'): Promise<Slot[]> => {
    const response = await runway.http('GET', `/api/v1/mentors/${mentorId}/slots?${query}`, { token: world.founder.token });
    expect(response.status, response.text).to.equal(200);
    return response.body.items;
  };
  const bookingBody = (mentorId: string, start: string, overrides: Record<string, unknown> = {}) => ({
    startupId: world.startupId,
    mentorId,
    start,
    mode: 'online',
    link: 'https://meet.example.vn/runway',
    topic: 'Kênh phân phối sang siêu thị',
    ...overrides,
  });
  const book = (mentorId: string, start: string, user: TestUser = world.founder, overrides: Record<string, unknown> = {}) =>
    runway.http('POST', '/api/v1/sessions', { token: user.token, body: bookingBody(mentorId, start, overrides) });

  it('books a free slot: 201 with the session in UTC and Can Tho time; the slot is no longer offered; the mentor is told', async () => {
    const mentor = await mentoringMentor();
    const [first] = await slotsOf(mentor.profile.id);
    expect(first!.start).to.equal('2026-06-16T01:00:00.000Z'); // Tuesday 08:00 in Can Tho: 24 h notice from Monday 00:30
    const booked = await book(mentor.profile.id, first!.start, world.founder, { agenda: 'Bảng giá; khách hàng đầu tiên.' });
    expect(booked.status, booked.text).to.equal(201);
    expect(booked.body).to.include({ status: 'scheduled', start: first!.start, end: '2026-06-16T02:00:00.000Z', minutes: 60, mode: 'online', mentorId: mentor.profile.id, startupId: world.startupId });
    expect(booked.body.vietnamLocal).to.deep.equal({ date: '2026-06-16', time: '08:00', offset: '+07:00' });
    expect((await slotsOf(mentor.profile.id)).map((s) => s.start)).not.to.include(first!.start);

    const read = await runway.http('GET', `/api/v1/sessions/${booked.body.id}`, { token: mentor.user.token });
    expect(read.status).to.equal(200);
    // Told by the worker's next sweep (the notice rides on the session: a crash right after booking cannot lose it).
    const [notice] = await noticesOnceThere(runway, mentor.user.token, 'session.booked');
    expect(notice?.body.vi).to.equal('Nấm Rơm Ô Môn đã đặt lịch gặp bạn vào thứ Ba, 16/06/2026 lúc 08:00 (giờ Việt Nam).');
    expect(notice?.body.en).to.equal('Nấm Rơm Ô Môn booked a session with you on Tuesday 16 June 2026, 08:00 (Vietnam time).');
  });

  it('50 simultaneous bookings of one slot → exactly one 201 and 49 × 409 slot_taken, 20 runs in a row', async () => {
    const mentor = await mentoringMentor({ capacity: { maxActiveMentees: 3, maxSessionsPerMonth: 100 } });
    const slots = await slotsOf(mentor.profile.id);
    for (let run = 0; run < 20; run++) {
      const start = slots[run]!.start;
      const answers = await Promise.all(Array.from({ length: 50 }, () => book(mentor.profile.id, start)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 201), `run ${run}: ${JSON.stringify(answers.find((a) => a.status !== 201 && a.status !== 409)?.text ?? '')}`).to.have.length(1);
      expect(statuses.filter((s) => s === 409)).to.have.length(49);
      for (const loser of answers.filter((a) => a.status === 409)) expect(loser.body.code).to.equal('slot_taken');
    }
    const listed = await runway.http('GET', `/api/v1/sessions?mentorId=${mentor.profile.id}&limit=100`, { token: world.founder.token });
    expect(listed.body.items).to.have.length(20);
    expect(new Set(listed.body.items.map((s: { start: string }) => s.start)).size).to.equal(20);
  });

  it('two overlapping slots (a 30-minute buffer) booked at once: one wins, the other is 409, 20 runs in a row', async () => {
    const mentor = await mentoringMentor({ bufferMinutes: 30, capacity: { maxActiveMentees: 3, maxSessionsPerMonth: 100 } });
    const slots = await slotsOf(mentor.profile.id);
    // With the buffer, slots fall at 08:00, 09:00, …; each touches its neighbours' buffers once one is booked.
    const days = [...new Set(slots.map((s) => s.start.slice(0, 10)))].slice(0, 20);
    for (const day of days) {
      const [a, b] = slots.filter((s) => s.start.startsWith(day));
      const answers = await Promise.all([book(mentor.profile.id, a!.start), book(mentor.profile.id, b!.start)]);
      expect(answers.map((r) => r.status).sort(), day).to.deep.equal([201, 409]);
    }
  });

  it('the monthly cap holds under a race: 10 bookings of 10 slots at once for a mentor taking 3 a month → 3 × 201, 7 × 409 monthly_cap_reached', async () => {
    const mentor = await mentoringMentor({ capacity: { maxActiveMentees: 3, maxSessionsPerMonth: 3 } });
    const june = (await slotsOf(mentor.profile.id, 'from=2026-06-16&to=2026-06-30')).slice(0, 10);
    const answers = await Promise.all(june.map((slot) => book(mentor.profile.id, slot.start)));
    expect(answers.filter((a) => a.status === 201)).to.have.length(3);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => a.body.code)).to.deep.equal(Array(7).fill('monthly_cap_reached'));
    expect(await slotsOf(mentor.profile.id, 'from=2026-06-16&to=2026-06-30')).to.deep.equal([]);
    expect(await slotsOf(mentor.profile.id, 'from=2026-07-01&to=2026-07-03')).to.not.deep.equal([]);
  });

  it('a hold whose booker died (no session after a minute) is dropped by the next booking of that time; the booker, waking late, cannot write its session', async () => {
    const mentor = await mentoringMentor();
    const [slot] = await slotsOf(mentor.profile.id);
    const calendars = mongoose.connection.db!.collection('mentorCalendars');
    const mentorId = new mongoose.Types.ObjectId(mentor.profile.id);
    // Two dead bookers' holds on the slot: one a minute old (dead), one just taken (maybe still writing).
    const start = new Date(slot!.start);
    const hold = (at: Date) => ({ sessionId: new mongoose.Types.ObjectId(), start, end: new Date(start.getTime() + 3_600_000), month: slot!.start.slice(0, 7), at });
    const young = hold(new Date());
    await calendars.updateOne({ _id: mentorId } as never, { $push: { holds: young } as never, $inc: { [`months.${young.month}`]: 1, rev: 1 } }, { upsert: true });
    expectProblem(await book(mentor.profile.id, slot!.start), 409, 'slot_taken');
    const dead = { ...young, at: new Date(Date.now() - 61_000) };
    await calendars.updateOne({ _id: mentorId } as never, { $set: { 'holds.0.at': dead.at } });
    const booked = await book(mentor.profile.id, slot!.start);
    expect(booked.status, booked.text).to.equal(201);
    const calendar = await calendars.findOne({ _id: mentorId } as never);
    expect((calendar!.holds as Array<{ sessionId: mongoose.Types.ObjectId }>).map((h) => h.sessionId.toHexString())).to.deep.equal([booked.body.id]);
    expect(calendar!.months[young.month]).to.equal(1);
    // The dead booker's id is taken by an abandoned stub: its late write fails, never a second session on the slot.
    const stub = await mongoose.connection.db!.collection('sessions').findOne({ _id: young.sessionId });
    expect(stub?.status).to.equal('abandoned');
    let lateWrite: unknown;
    await mongoose.connection.db!.collection('sessions').insertOne({ _id: young.sessionId, status: 'scheduled' }).catch((error: unknown) => (lateWrite = error));
    expect((lateWrite as { code?: number } | undefined)?.code).to.equal(11000);
  });

  it('cancel frees the slot at once; a second cancel is 409; a reason is required', async () => {
    const mentor = await mentoringMentor();
    const [slot] = await slotsOf(mentor.profile.id);
    const booked = await book(mentor.profile.id, slot!.start);
    const id = booked.body.id as string;
    expectProblem(await runway.http('POST', `/api/v1/sessions/${id}/cancel`, { token: world.founder.token, body: {} }), 400, 'validation_failed');
    const cancelled = await runway.http('POST', `/api/v1/sessions/${id}/cancel`, { token: mentor.user.token, body: { reason: 'Tôi bận đi công tác.' } });
    expect(cancelled.status, cancelled.text).to.equal(200);
    expect(cancelled.body).to.include({ status: 'cancelled', cancelReason: 'Tôi bận đi công tác.', cancelledBy: mentor.user.id });
    const again = await runway.http('POST', `/api/v1/sessions/${id}/cancel`, { token: world.founder.token, body: { reason: 'Lần nữa' } });
    expectProblem(again, 409, 'session_not_scheduled');
    expect(again.body.sessionStatus).to.equal('cancelled');
    expect((await slotsOf(mentor.profile.id)).map((s) => s.start)).to.include(slot!.start);
    expect((await book(mentor.profile.id, slot!.start)).status).to.equal(201);
    const notices = await runway.http('GET', '/api/v1/notifications?limit=100', { token: world.founder.token });
    expect(notices.body.items.map((n: { kind: string }) => n.kind)).to.include('session.cancelled');
  });

  it('reschedule moves the session as one operation; onto a taken slot it is 409 and nothing moves', async () => {
    const mentor = await mentoringMentor();
    const [a, b, c] = await slotsOf(mentor.profile.id);
    const first = (await book(mentor.profile.id, a!.start)).body;
    const taken = (await book(mentor.profile.id, c!.start)).body;
    const blocked = await runway.http('POST', `/api/v1/sessions/${first.id}/reschedule`, { token: world.founder.token, body: { start: taken.start } });
    expectProblem(blocked, 409, 'slot_taken');
    expect((await runway.http('GET', `/api/v1/sessions/${first.id}`, { token: world.founder.token })).body.status).to.equal('scheduled');

    const moved = await runway.http('POST', `/api/v1/sessions/${first.id}/reschedule`, { token: world.founder.token, body: { start: b!.start } });
    expect(moved.status, moved.text).to.equal(200);
    expect(moved.body.session).to.include({ status: 'scheduled', start: b!.start, replaces: first.id, topic: first.topic, link: first.link });
    expect(moved.body.previous).to.include({ status: 'cancelled', cancelReason: 'rescheduled', replacedBy: moved.body.session.id });
    expect((await slotsOf(mentor.profile.id)).map((s) => s.start)).to.include(a!.start);
  });

  it('complete (the mentor) and no-show (either side) only once the session has started, once', async () => {
    const mentor = await mentoringMentor();
    const [a, b] = await slotsOf(mentor.profile.id);
    const one = (await book(mentor.profile.id, a!.start)).body.id as string;
    const two = (await book(mentor.profile.id, b!.start)).body.id as string;
    expectProblem(await runway.http('POST', `/api/v1/sessions/${one}/complete`, { token: mentor.user.token }), 409, 'session_not_started');
    clock.now = new Date(Date.parse(b!.start) + 60_000);
    expectProblem(await runway.http('POST', `/api/v1/sessions/${one}/complete`, { token: world.founder.token }), 403, 'not_the_mentor');
    expectProblem(await runway.http('POST', `/api/v1/sessions/${one}/cancel`, { token: world.founder.token, body: { reason: 'Muộn rồi' } }), 409, 'session_started');
    const done = await runway.http('POST', `/api/v1/sessions/${one}/complete`, { token: mentor.user.token });
    expect(done.status, done.text).to.equal(200);
    expect(done.body).to.include({ status: 'completed' });
    expectProblem(await runway.http('POST', `/api/v1/sessions/${one}/no-show`, { token: world.founder.token }), 409, 'session_not_scheduled');
    expectProblem(await runway.http('POST', `/api/v1/sessions/${two}/no-show`, { token: world.manager.token }), 403, 'not_session_party');
    const missed = await runway.http('POST', `/api/v1/sessions/${two}/no-show`, { token: world.founder.token });
    expect(missed.body).to.include({ status: 'no_show', noShowBy: world.founder.id });
  });

  it('feedback once per side after completion; the startup’s ratings and the hours held become the mentor’s figures', async () => {
    const mentor = await mentoringMentor();
    const [a, b] = await slotsOf(mentor.profile.id);
    const held = (await book(mentor.profile.id, a!.start)).body.id as string;
    const later = (await book(mentor.profile.id, b!.start)).body.id as string;
    const rate = (id: string, user: TestUser, body: Record<string, unknown>) => runway.http('POST', `/api/v1/sessions/${id}/feedback`, { token: user.token, body });
    expectProblem(await rate(held, world.founder, { rating: 4 }), 409, 'session_not_completed');
    clock.now = new Date(Date.parse(a!.start) + 90 * 60_000);
    expect((await runway.http('POST', `/api/v1/sessions/${held}/complete`, { token: mentor.user.token })).status).to.equal(200);
    expectProblem(await rate(held, world.founder, { rating: 6 }), 400, 'validation_failed');
    expectProblem(await rate(held, world.manager, { rating: 4 }), 403, 'not_session_party');
    // The same founder twice at once: one is kept.
    const twice = await Promise.all([rate(held, world.founder, { rating: 4, comment: 'Góp ý rất cụ thể.' }), rate(held, world.founder, { rating: 2 })]);
    expect(twice.map((r) => r.status).sort()).to.deep.equal([200, 409]);
    expect(twice.find((r) => r.status === 409)!.body.code).to.equal('feedback_given');
    const kept = twice.find((r) => r.status === 200)!.body.feedback.startup;
    expect(kept.by).to.equal(world.founder.id);
    const byMentor = await rate(held, mentor.user, { rating: 5 });
    expect(byMentor.status, byMentor.text).to.equal(200);
    expect(byMentor.body.feedback.mentor).to.include({ rating: 5, by: mentor.user.id, comment: null });

    const profile = (await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}`, { token: world.manager.token })).body;
    expect(profile.stats).to.include({ sessionsHeld: 1, hoursHeld: 1, rating: kept.rating, ratingCount: 1 });
    expect(later).to.be.a('string');
  });

  it('bad bookings: the field named; not a slot 422; no mentorship 409; a mentor 403; another founder 404', async () => {
    const mentor = await mentoringMentor();
    const [slot] = await slotsOf(mentor.profile.id);
    const noLink = await book(mentor.profile.id, slot!.start, world.founder, { link: undefined });
    expectProblem(noLink, 422, 'rule_violated');
    expect(noLink.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['link']);
    const noPlace = await book(mentor.profile.id, slot!.start, world.founder, { mode: 'in_person' });
    expect(noPlace.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['place']);
    const offGrid = await book(mentor.profile.id, '2026-06-16T01:10:00.000Z');
    expectProblem(offGrid, 422, 'not_a_slot');
    expect(offGrid.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['start']);
    const sunday = await book(mentor.profile.id, '2026-06-21T01:00:00.000Z');
    expectProblem(sunday, 422, 'not_a_slot');
    const malformed = await book(mentor.profile.id, '2026-06-16 08:00', world.founder, { mode: 'by pigeon' });
    expectProblem(malformed, 400, 'validation_failed');
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).to.deep.equal(['mode', 'start']);

    const stranger = await activeMentor(runway, world);
    expectProblem(await book(stranger.profile.id, slot!.start), 409, 'no_active_mentorship');
    expectProblem(await book(mentor.profile.id, slot!.start, mentor.user), 403, 'forbidden');
    expectProblem(await book(mentor.profile.id, slot!.start, world.otherFounder), 404, 'startup_not_found');
    expectProblem(await book(mentor.profile.id, slot!.start, world.otherManager), 403, 'not_cohort_manager');

    const booked = await book(mentor.profile.id, slot!.start, world.manager);
    expect(booked.status, booked.text).to.equal(201);
    expectProblem(await runway.http('GET', `/api/v1/sessions/${booked.body.id}`, { token: world.otherFounder.token }), 404, 'session_not_found');
    const theirs = await runway.http('GET', '/api/v1/sessions?limit=100', { token: world.otherFounder.token });
    expect(theirs.body.items).to.deep.equal([]);
  });
});

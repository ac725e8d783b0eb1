/** Mentor profiles: creation, who sees what, who changes what, and the pending → active ⇄ paused lifecycle. */
import { expect } from 'chai';
import mongoose from 'mongoose';
import type { DomainEvents } from '../../../server/core/events/domain-events.js';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { expectProblem } from '../../helpers/problems.js';
import { createActiveMentor, createMentor, type TestMentor } from './mentor-helpers.js';

describe('mentors: profiles and their lifecycle', () => {
  let runway: TestRunway;
  let manager: TestUser;
  let admin: TestUser;
  let startup: TestUser;
  let otherMentor: TestUser;
  before(async () => {
    runway = await startTestRunway();
    [manager, admin, startup, otherMentor] = await Promise.all([
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'admin'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'mentor'),
    ]);
  });
  after(() => runway.stop());

  const get = (path: string, caller: TestUser) => runway.http('GET', `/api/v1${path}`, { token: caller.token });
  const post = (path: string, caller: TestUser, body?: unknown) => runway.http('POST', `/api/v1${path}`, { token: caller.token, body });
  const patch = (id: string, caller: TestUser, body: unknown) => runway.http('PATCH', `/api/v1/mentors/${id}`, { token: caller.token, body });

  /** Records the events of one kind emitted while `action` runs. */
  async function eventsDuring<N extends keyof DomainEvents>(name: N, action: () => Promise<unknown>): Promise<Array<DomainEvents[N]>> {
    const seen: Array<DomainEvents[N]> = [];
    const off = runway.context.bus.on(name, (payload) => {
      seen.push(payload);
    });
    try {
      await action();
    } finally {
      off();
    }
    return seen;
  }

  describe('POST /mentors', () => {
    it('POST /mentors → 201 with a pending profile owned by the caller, defaults filled in', async () => {
      const mentor = await createTestUser(runway, 'mentor', 'Nguyễn Văn Minh');
      const response = await post('/mentors', mentor, { languages: ['vi', 'en'], expertise: ['marketing'] });
      expect(response.status, response.text).to.equal(201);
      expect(response.body).to.include({
        userId: mentor.id,
        name: 'Nguyễn Văn Minh', // from the account when not given
        status: 'pending',
        timezone: 'Asia/Ho_Chi_Minh',
        mode: 'online',
        sessionMinutes: 60,
        bufferMinutes: 0,
        minNoticeHours: 24,
        approvedAt: null,
      });
      expect(response.body.capacity).to.deep.equal({ maxActiveMentees: 3, maxSessionsPerMonth: 8 });
      expect(response.body.stats).to.deep.equal({
        activeMentees: 0,
        sessionsHeld: 0,
        hoursHeld: 0,
        rating: null,
        ratingCount: 0,
        medianResponseHours: null,
      });
      expect(response.body.availability).to.deep.equal({ weekly: [], blockedDates: [] });
      expect(response.body.id).to.match(/^[0-9a-f]{24}$/);
      expect(response.body).not.to.have.any.keys('searchText', '__v', '_id', 'approvedBy');
    });

    it('POST /mentors → 409 when the profile exists', async () => {
      const { user } = await createMentor(runway);
      const again = await post('/mentors', user, { languages: ['en'] });
      expectProblem(again, 409, 'mentor_profile_exists');
      expect(await mongoose.connection.db!.collection('mentors').countDocuments({ userId: new mongoose.Types.ObjectId(user.id) })).to.equal(1);
    });

    it('POST /mentors → exactly one 201 among concurrent creates by one mentor (the unique index decides)', async () => {
      const mentor = await createTestUser(runway, 'mentor');
      const attempts = await Promise.all(Array.from({ length: 5 }, () => post('/mentors', mentor, { languages: ['vi'] })));
      expect(attempts.map((a) => a.status).sort()).to.deep.equal([201, 409, 409, 409, 409]);
    });

    it('POST /mentors → 403 for startups, managers and admins: only mentors have a profile', async () => {
      for (const caller of [startup, manager, admin]) {
        expectProblem(await post('/mentors', caller, { languages: ['vi'] }), 403, 'forbidden_role');
      }
    });

    it('POST /mentors → 401 without a token', async () => {
      const response = await runway.http('POST', '/api/v1/mentors', { body: { languages: ['vi'] } });
      expect(response.status).to.equal(401);
    });
  });

  describe('reading profiles', () => {
    let pending: TestMentor;
    before(async () => {
      pending = await createMentor(runway, { name: 'Trương Thị Mai', bio: 'Đang chờ duyệt' });
    });

    it('GET /mentors/me → 200 with the caller’s own profile while it is pending', async () => {
      const response = await get('/mentors/me', pending.user);
      expect(response.status).to.equal(200);
      expect(response.body).to.include({ id: pending.profile.id, status: 'pending', name: 'Trương Thị Mai' });
    });

    it('GET /mentors/me → 404 mentor_profile_not_found for a mentor without a profile', async () => {
      expectProblem(await get('/mentors/me', otherMentor), 404, 'mentor_profile_not_found');
    });

    it('GET /mentors/me → 403 for a startup', async () => {
      expectProblem(await get('/mentors/me', startup), 403, 'forbidden_role');
    });

    it('GET /mentors/:id → a pending profile is visible to its mentor, managers and admins', async () => {
      for (const caller of [pending.user, manager, admin]) {
        const response = await get(`/mentors/${pending.profile.id}`, caller);
        expect(response.status, `${caller.record.role}: ${response.text}`).to.equal(200);
        expect(response.body.id).to.equal(pending.profile.id);
      }
    });

    it('GET /mentors/:id → 404 for a startup or another mentor asking for a pending profile', async () => {
      for (const caller of [startup, otherMentor]) {
        expectProblem(await get(`/mentors/${pending.profile.id}`, caller), 404, 'mentor_not_found');
      }
    });

    it('GET /mentors/:id → conflicts of interest only for the mentor and staff; null for founders and other mentors', async () => {
      const conflicted = await createActiveMentor(runway, manager, { conflicts: { enterpriseCodes: ['1801234567'] } });
      for (const caller of [conflicted.user, manager, admin]) {
        expect((await get(`/mentors/${conflicted.profile.id}`, caller)).body.conflicts, caller.record.role).to.deep.equal({ startupIds: [], enterpriseCodes: ['1801234567'] });
      }
      for (const caller of [startup, otherMentor]) {
        const response = await get(`/mentors/${conflicted.profile.id}`, caller);
        expect(response.status).to.equal(200);
        expect(response.body.conflicts, caller.record.role).to.equal(null);
        expect(response.text).not.to.include('1801234567');
      }
    });

    it('GET /mentors/not-an-id → 404, and an unknown id → 404', async () => {
      const malformed = await get('/mentors/not-an-id', manager);
      expectProblem(malformed, 404, 'mentor_not_found');
      expect(malformed.text).not.to.match(/Cast|ObjectId|BSON/);
      expectProblem(await get(`/mentors/${new mongoose.Types.ObjectId().toHexString()}`, manager), 404, 'mentor_not_found');
    });
  });

  describe('POST /mentors/:id/approve', () => {
    it('POST /mentors/:id/approve → 200 by a manager: active, approvedAt and approvedBy recorded, mentor.approved emitted', async () => {
      const mentor = await createMentor(runway);
      let response!: Awaited<ReturnType<typeof post>>;
      const events = await eventsDuring('mentor.approved', async () => {
        response = await post(`/mentors/${mentor.profile.id}/approve`, manager);
      });
      expect(response.status, response.text).to.equal(200);
      expect(response.body.status).to.equal('active');
      expect(Date.now() - Date.parse(response.body.approvedAt)).to.be.within(0, 60_000);
      expect(events).to.have.length(1);
      expect(events[0]).to.include({ mentorId: mentor.profile.id, userId: mentor.user.id });
      const stored = await mongoose.connection.db!.collection('mentors').findOne({ _id: new mongoose.Types.ObjectId(mentor.profile.id) });
      expect(stored!.approvedBy.toHexString()).to.equal(manager.id);
    });

    it('POST /mentors/:id/approve → 200 by an admin', async () => {
      const mentor = await createMentor(runway);
      const response = await post(`/mentors/${mentor.profile.id}/approve`, admin);
      expect(response.status).to.equal(200);
      expect(response.body.status).to.equal('active');
    });

    it('POST /mentors/:id/approve → 403 for a startup and for the mentor themself; the profile stays pending', async () => {
      const mentor = await createMentor(runway);
      expectProblem(await post(`/mentors/${mentor.profile.id}/approve`, startup), 403, 'forbidden_role');
      expectProblem(await post(`/mentors/${mentor.profile.id}/approve`, mentor.user), 403, 'forbidden_role');
      expect((await get('/mentors/me', mentor.user)).body.status).to.equal('pending');
    });

    it('POST /mentors/:id/approve → 409 invalid_transition the second time, with no second event', async () => {
      const mentor = await createActiveMentor(runway, manager);
      const events = await eventsDuring('mentor.approved', async () => {
        const again = await post(`/mentors/${mentor.profile.id}/approve`, manager);
        expectProblem(again, 409, 'invalid_transition');
        expect(again.body.mentorStatus).to.equal('active');
      });
      expect(events).to.deep.equal([]);
    });

    it('POST /mentors/:id/approve → 409 for a paused mentor, 404 for an unknown or malformed id', async () => {
      const mentor = await createActiveMentor(runway, manager);
      expect((await post(`/mentors/${mentor.profile.id}/pause`, mentor.user)).status).to.equal(200);
      expectProblem(await post(`/mentors/${mentor.profile.id}/approve`, manager), 409, 'invalid_transition');
      expectProblem(await post(`/mentors/${new mongoose.Types.ObjectId().toHexString()}/approve`, manager), 404, 'mentor_not_found');
      expectProblem(await post('/mentors/nope/approve', manager), 404, 'mentor_not_found');
    });
  });

  describe('POST /mentors/:id/pause and /resume', () => {
    it('the owner pauses (active → paused) and resumes (paused → active), each emitting mentor.statusChanged', async () => {
      const mentor = await createActiveMentor(runway, manager);
      const events = await eventsDuring('mentor.statusChanged', async () => {
        const paused = await post(`/mentors/${mentor.profile.id}/pause`, mentor.user);
        expect(paused.status, paused.text).to.equal(200);
        expect(paused.body.status).to.equal('paused');
        const resumed = await post(`/mentors/${mentor.profile.id}/resume`, mentor.user);
        expect(resumed.status, resumed.text).to.equal(200);
        expect(resumed.body.status).to.equal('active');
      });
      expect(events.map(({ mentorId, status }) => ({ mentorId, status }))).to.deep.equal([
        { mentorId: mentor.profile.id, status: 'paused' },
        { mentorId: mentor.profile.id, status: 'active' },
      ]);
    });

    it('POST /mentors/:id/pause → 403 not_profile_owner for another mentor; /resume of the paused profile → 404 for them', async () => {
      const mentor = await createActiveMentor(runway, manager);
      expectProblem(await post(`/mentors/${mentor.profile.id}/pause`, otherMentor), 403, 'not_profile_owner');
      expect((await post(`/mentors/${mentor.profile.id}/pause`, mentor.user)).status).to.equal(200);
      // Paused profiles are hidden from other mentors, so for them it does not exist.
      expectProblem(await post(`/mentors/${mentor.profile.id}/resume`, otherMentor), 404, 'mentor_not_found');
      expect((await get('/mentors/me', mentor.user)).body.status).to.equal('paused');
    });

    it('POST /mentors/:id/pause → 403 forbidden_role for managers, admins and startups: pausing is the mentor’s own call', async () => {
      const mentor = await createActiveMentor(runway, manager);
      for (const caller of [manager, admin, startup]) {
        expectProblem(await post(`/mentors/${mentor.profile.id}/pause`, caller), 403, 'forbidden_role');
      }
      expect((await get('/mentors/me', mentor.user)).body.status).to.equal('active');
    });

    it('POST /mentors/:id/resume → 409 for a pending mentor: only approval makes them active', async () => {
      const mentor = await createMentor(runway);
      const response = await post(`/mentors/${mentor.profile.id}/resume`, mentor.user);
      expectProblem(response, 409, 'invalid_transition');
      expect(response.body.mentorStatus).to.equal('pending');
      expect((await get('/mentors/me', mentor.user)).body.status).to.equal('pending');
    });

    it('POST /mentors/:id/pause → 409 when pending or already paused; /resume → 409 when active', async () => {
      const pending = await createMentor(runway);
      expectProblem(await post(`/mentors/${pending.profile.id}/pause`, pending.user), 409, 'invalid_transition');
      const active = await createActiveMentor(runway, manager);
      expectProblem(await post(`/mentors/${active.profile.id}/resume`, active.user), 409, 'invalid_transition');
      expect((await post(`/mentors/${active.profile.id}/pause`, active.user)).status).to.equal(200);
      expectProblem(await post(`/mentors/${active.profile.id}/pause`, active.user), 409, 'invalid_transition');
    });
  });

  describe('PATCH /mentors/:id', () => {
    it('PATCH /mentors/:id → 200 by the owner: fields replaced, nested groups merged member by member', async () => {
      const mentor = await createMentor(runway, {
        title: 'Giảng viên',
        capacity: { maxActiveMentees: 4, maxSessionsPerMonth: 10 },
        location: { district: 'Ninh Kiều', city: 'Cần Thơ' },
        availability: { weekly: [{ weekday: 1, start: '09:00', end: '11:00' }], blockedDates: ['2026-02-17'] },
      });
      const response = await patch(mentor.profile.id, mentor.user, {
        title: 'Phó giáo sư',
        sectors: ['agriculture'],
        capacity: { maxActiveMentees: 6 },
        location: { district: 'Cái Răng' },
        availability: { weekly: [{ weekday: 3, start: '14:00', end: '17:00' }] },
      });
      expect(response.status, response.text).to.equal(200);
      expect(response.body).to.include({ title: 'Phó giáo sư', status: 'pending' });
      expect(response.body.sectors).to.deep.equal(['agriculture']);
      expect(response.body.capacity).to.deep.equal({ maxActiveMentees: 6, maxSessionsPerMonth: 10 });
      expect(response.body.location).to.deep.equal({ district: 'Cái Răng', city: 'Cần Thơ' });
      expect(response.body.availability).to.deep.equal({
        weekly: [{ weekday: 3, start: '14:00', end: '17:00' }],
        blockedDates: ['2026-02-17'],
      });
      expect((await get('/mentors/me', mentor.user)).body).to.deep.equal(response.body);
    });

    it('PATCH /mentors/:id → null clears a part of the location', async () => {
      const mentor = await createMentor(runway, { location: { district: 'Ô Môn', city: 'Cần Thơ' } });
      const response = await patch(mentor.profile.id, mentor.user, { location: { district: null } });
      expect(response.status, response.text).to.equal(200);
      expect(response.body.location).to.deep.equal({ district: null, city: 'Cần Thơ' });
    });

    it('PATCH /mentors/:id → 403 by another mentor on an active profile; nothing changes', async () => {
      const mentor = await createActiveMentor(runway, manager, { bio: 'Bản gốc' });
      expectProblem(await patch(mentor.profile.id, otherMentor, { bio: 'Bị sửa' }), 403, 'not_profile_owner');
      expect((await get('/mentors/me', mentor.user)).body.bio).to.equal('Bản gốc');
    });

    it('PATCH /mentors/:id → 404 by another mentor on a pending profile (they cannot see it)', async () => {
      const mentor = await createMentor(runway);
      expectProblem(await patch(mentor.profile.id, otherMentor, { bio: 'Bị sửa' }), 404, 'mentor_not_found');
    });

    it('PATCH /mentors/:id → 403 forbidden_role for managers and startups', async () => {
      const mentor = await createActiveMentor(runway, manager);
      expectProblem(await patch(mentor.profile.id, manager, { bio: 'x' }), 403, 'forbidden_role');
      expectProblem(await patch(mentor.profile.id, startup, { bio: 'x' }), 403, 'forbidden_role');
    });

    it('PATCH /mentors/:id → 200 by an admin', async () => {
      const mentor = await createMentor(runway);
      const response = await patch(mentor.profile.id, admin, { organisation: 'Trường Đại học Cần Thơ' });
      expect(response.status, response.text).to.equal(200);
      expect(response.body.organisation).to.equal('Trường Đại học Cần Thơ');
    });

    it('PATCH /mentors/not-an-id → 404', async () => {
      expectProblem(await patch('not-an-id', admin, { bio: 'x' }), 404, 'mentor_not_found');
    });
  });
});

/**
 * Mentor requests and mentorships over real HTTP: ask, accept, decline,
 * withdraw, end; one open request per pair; capacity never exceeded by
 * accepts at once; stats exact; the expiry job run twice tells once.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { expireAndOffer, expireDueRequestsJob } from '../../../jobs/expire-request.js';
import { expireRequest } from '../../../server/modules/requests/usecases/expire-request.js';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { expectProblem } from '../../helpers/problems.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { admit, createStartup, PINNED_NOW } from '../cohorts/cohort-helpers.js';
import { activeMentor, matchingWorld, requestMentor, type MatchingWorld } from '../matching/matching-helpers.js';

describe('mentor requests and mentorships', () => {
  let runway: TestRunway;
  let world: MatchingWorld;
  let clock = PINNED_NOW;

  before(async () => {
    runway = await startTestRunway({}, { now: () => clock });
    world = await matchingWorld(runway);
  });
  afterEach(() => {
    clock = PINNED_NOW;
  });
  after(() => runway.stop());

  const post = (path: string, user: TestUser, body?: unknown) => runway.http('POST', `/api/v1${path}`, { token: user.token, body });
  const get = (path: string, user: TestUser) => runway.http('GET', `/api/v1${path}`, { token: user.token });
  const mentorStats = async (mentorId: string) => (await get(`/mentors/${mentorId}`, world.admin)).body.stats;

  /** A fresh startup of a fresh founder, admitted to the world's cohort. */
  async function freshStartup(): Promise<{ founder: TestUser; startupId: string }> {
    const founder = await createTestUser(runway, 'startup');
    const startupId = await createStartup(runway, founder.token, { name: `Khởi nghiệp ${new mongoose.Types.ObjectId().toHexString().slice(-6)}`, kind: 'individual', growthBasis: ['technology'], sectors: ['agriculture'], stage: 'prototype', needs: ['marketing'] });
    await admit(runway, world.manager.token, world.cohortId, startupId);
    return { founder, startupId };
  }

  describe('asking', () => {
    it('POST /mentor-requests → 201 pending, expiring after the mentor’s responseDays; the mentor is told', async () => {
      const mentor = await activeMentor(runway, world, { responseDays: 3 });
      const response = await post('/mentor-requests', world.founder, { startupId: world.startupId, mentorId: mentor.profile.id, message: '  Xin góp ý kênh bán hàng.  ', topics: ['sales'] });
      expect(response.status, response.text).to.equal(201);
      expect(response.body).to.include({ status: 'pending', startupId: world.startupId, mentorId: mentor.profile.id, message: 'Xin góp ý kênh bán hàng.', requestedBy: world.founder.id });
      expect(new Date(response.body.expiresAt).getTime() - PINNED_NOW.getTime()).to.equal(3 * 86_400_000);
      const told = await get('/notifications', mentor.user);
      expect(told.body.items.map((n: { kind: string }) => n.kind)).to.deep.equal(['request.created']);
      expect(told.body.items[0].body.vi).to.include('Nấm Rơm Ô Môn');
    });

    it('one open request per pair: a second → 409 request_open naming the first; 20 at once → exactly one 201', async () => {
      const mentor = await activeMentor(runway, world);
      const first = await requestMentor(runway, world.founder.token, world.startupId, mentor.profile.id);
      const again = await post('/mentor-requests', world.founder, { startupId: world.startupId, mentorId: mentor.profile.id, message: 'Lần nữa' });
      expectProblem(again, 409, 'request_open');
      expect(again.body.requestId).to.equal(first);

      const other = await activeMentor(runway, world);
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => post('/mentor-requests', world.founder, { startupId: world.startupId, mentorId: other.profile.id, message: 'Cùng lúc' })),
      );
      expect(answers.filter((a) => a.status === 201)).to.have.length(1);
      expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'request_open')).to.equal(true);
    });

    it('a mentor who fails a hard filter → 422 mentor_not_available with the reasons; an ineligible startup → 422', async () => {
      const french = await activeMentor(runway, world, { languages: ['fr'] });
      const refused = await post('/mentor-requests', world.founder, { startupId: world.startupId, mentorId: french.profile.id, message: 'Bonjour' });
      expectProblem(refused, 422, 'mentor_not_available');
      expect(refused.body.reasons).to.deep.equal(['no_shared_language']);

      const old = await createStartup(runway, world.founder.token, {
        name: 'Công ty Cũ', kind: 'company', enterpriseCode: '1800000001', firstRegisteredOn: '2019-01-01', growthBasis: ['technology'], sectors: ['agriculture'], stage: 'growth',
      });
      const mentor = await activeMentor(runway, world);
      expectProblem(await post('/mentor-requests', world.founder, { startupId: old, mentorId: mentor.profile.id, message: 'Xin hỗ trợ' }), 422, 'startup_not_eligible');
    });

    it('at most 10 open requests per startup → 422 too_many_open_requests; withdrawing one makes room', async () => {
      const { founder, startupId } = await freshStartup();
      const mentors = await Promise.all(Array.from({ length: 11 }, () => activeMentor(runway, world)));
      const ids: string[] = [];
      for (const mentor of mentors.slice(0, 10)) ids.push(await requestMentor(runway, founder.token, startupId, mentor.profile.id));
      const eleventh = { startupId, mentorId: mentors[10]!.profile.id, message: 'Thêm một' };
      expectProblem(await post('/mentor-requests', founder, eleventh), 422, 'too_many_open_requests');
      expect((await post(`/mentor-requests/${ids[0]}/withdraw`, founder)).status).to.equal(200);
      expect((await post('/mentor-requests', founder, eleventh)).status).to.equal(201);
    });

    it('who may ask: the team, its cohort’s managers, admins; another founder 404; another manager 403; a mentor 403', async () => {
      const mentor = await activeMentor(runway, world);
      const body = { startupId: world.startupId, mentorId: mentor.profile.id, message: 'Xin hỗ trợ' };
      expectProblem(await post('/mentor-requests', world.otherFounder, body), 404, 'startup_not_found');
      expectProblem(await post('/mentor-requests', world.otherManager, body), 403, 'not_startup_party');
      expectProblem(await post('/mentor-requests', mentor.user, body), 403, 'forbidden_role');
      const asManager = await post('/mentor-requests', world.manager, body);
      expect(asManager.status, asManager.text).to.equal(201);
      expect(asManager.body.requestedBy).to.equal(world.manager.id);
    });
  });

  describe('answering', () => {
    it('accept → 200 with an active mentorship; stats count it; the team is told; a second answer → 409 request_closed', async () => {
      const mentor = await activeMentor(runway, world);
      const { founder, startupId } = await freshStartup();
      const requestId = await requestMentor(runway, founder.token, startupId, mentor.profile.id);
      clock = new Date(PINNED_NOW.getTime() + 6 * 3_600_000);
      const accepted = await post(`/mentor-requests/${requestId}/accept`, mentor.user);
      expect(accepted.status, accepted.text).to.equal(200);
      expect(accepted.body.request).to.include({ status: 'accepted', responseHours: 6, mentorshipId: accepted.body.mentorship.id });
      expect(accepted.body.mentorship).to.include({ status: 'active', startupId, mentorId: mentor.profile.id, requestId });
      expect(await mentorStats(mentor.profile.id)).to.include({ activeMentees: 1, medianResponseHours: 6 });
      expect((await get('/notifications', founder)).body.items.map((n: { kind: string }) => n.kind)).to.include('request.accepted');
      expectProblem(await post(`/mentor-requests/${requestId}/decline`, mentor.user, { reason: 'Muộn rồi' }), 409, 'request_closed');
      expectProblem(await post(`/mentor-requests/${requestId}/withdraw`, founder), 409, 'request_closed');
    });

    it('decline needs a reason; the median answer time covers accepts and declines', async () => {
      const mentor = await activeMentor(runway, world, { capacity: { maxActiveMentees: 5 } });
      const hours = [2, 10, 4];
      for (const h of hours) {
        const { founder, startupId } = await freshStartup();
        clock = PINNED_NOW;
        const requestId = await requestMentor(runway, founder.token, startupId, mentor.profile.id);
        clock = new Date(PINNED_NOW.getTime() + h * 3_600_000);
        if (h === 10) {
          expectProblem(await post(`/mentor-requests/${requestId}/decline`, mentor.user, {}), 400, 'validation_failed');
          const declined = await post(`/mentor-requests/${requestId}/decline`, mentor.user, { reason: 'Tháng này kín lịch.' });
          expect(declined.body).to.include({ status: 'declined', declineReason: 'Tháng này kín lịch.' });
        } else {
          expect((await post(`/mentor-requests/${requestId}/accept`, mentor.user)).status).to.equal(200);
        }
      }
      expect(await mentorStats(mentor.profile.id)).to.include({ activeMentees: 2, medianResponseHours: 4 });
    });

    it('only the mentor asked answers (403 not_the_mentor); the team withdraws; others do not see the request (404)', async () => {
      const mentor = await activeMentor(runway, world);
      const other = await activeMentor(runway, world);
      const requestId = await requestMentor(runway, world.founder.token, world.startupId, mentor.profile.id);
      expectProblem(await post(`/mentor-requests/${requestId}/accept`, other.user), 404, 'request_not_found');
      expectProblem(await post(`/mentor-requests/${requestId}/accept`, world.founder), 403, 'forbidden_role');
      expectProblem(await get(`/mentor-requests/${requestId}`, world.otherFounder), 404, 'request_not_found');
      expect((await get(`/mentor-requests/${requestId}`, world.manager)).status).to.equal(200);
      expectProblem(await get(`/mentor-requests/${requestId}`, world.otherManager), 404, 'request_not_found');
      const withdrawn = await post(`/mentor-requests/${requestId}/withdraw`, world.founder);
      expect(withdrawn.body.status).to.equal('withdrawn');
      expect(withdrawn.body.history.map((h: { status: string }) => h.status)).to.deep.equal(['pending', 'withdrawn']);
    });

    it('20 accepts at once for a mentor with 3 places → exactly 3 mentorships and 17 clear 409s (20 runs)', async function () {
      this.timeout(120_000);
      const startups = await Promise.all(Array.from({ length: 20 }, () => freshStartup()));
      for (let run = 0; run < 20; run++) {
        const mentor = await activeMentor(runway, world, { capacity: { maxActiveMentees: 3 } });
        const requestIds = await Promise.all(startups.map((s) => requestMentor(runway, s.founder.token, s.startupId, mentor.profile.id)));
        const answers = await Promise.all(requestIds.map((id) => post(`/mentor-requests/${id}/accept`, mentor.user)));
        const statuses = answers.map((a) => a.status);
        expect(statuses.filter((s) => s === 200), `run ${run}`).to.have.length(3);
        expect(answers.filter((a) => a.status === 409).map((a) => a.body.code), `run ${run}`).to.deep.equal(Array(17).fill('mentor_at_capacity'));
        const active = await get(`/mentorships?mentorId=${mentor.profile.id}&status=active&limit=100`, world.admin);
        expect(active.body.items, `run ${run}`).to.have.length(3);
        expect((await mentorStats(mentor.profile.id)).activeMentees, `run ${run}`).to.equal(3);
        // Requests that lost are still pending; the test withdraws them so the next run can ask again.
        await Promise.all(answers.map((a, i) => (a.status === 409 ? post(`/mentor-requests/${requestIds[i]}/withdraw`, world.admin) : undefined)));
      }
    });
  });

  describe('answering late or while paused', () => {
    it('once the request’s time is up, accept and decline → 409 request_closed (expired), even before the job has run', async () => {
      const mentor = await activeMentor(runway, world, { responseDays: 1 });
      const { founder, startupId } = await freshStartup();
      const requestId = await requestMentor(runway, founder.token, startupId, mentor.profile.id);
      clock = new Date(PINNED_NOW.getTime() + 86_400_000);
      const late = await post(`/mentor-requests/${requestId}/accept`, mentor.user);
      expectProblem(late, 409, 'request_closed');
      expect(late.body.requestStatus).to.equal('expired');
      expectProblem(await post(`/mentor-requests/${requestId}/decline`, mentor.user, { reason: 'Muộn rồi.' }), 409, 'request_closed');
      expect((await mentorStats(mentor.profile.id)).activeMentees).to.equal(0);
    });

    it('a paused mentor cannot accept: 409 mentor_not_active, and no place is taken', async () => {
      const mentor = await activeMentor(runway, world);
      const { founder, startupId } = await freshStartup();
      const requestId = await requestMentor(runway, founder.token, startupId, mentor.profile.id);
      expect((await post(`/mentors/${mentor.profile.id}/pause`, mentor.user)).status).to.equal(200);
      expectProblem(await post(`/mentor-requests/${requestId}/accept`, mentor.user), 409, 'mentor_not_active');
      expect((await mentorStats(mentor.profile.id)).activeMentees).to.equal(0);
      expect((await get(`/mentor-requests/${requestId}`, founder)).body.status).to.equal('pending');
    });
  });

  describe('mentorships', () => {
    it('ending frees the place (stats exact), is told apart from a second end (409 mentorship_ended)', async () => {
      const mentor = await activeMentor(runway, world, { capacity: { maxActiveMentees: 1 } });
      const { founder, startupId } = await freshStartup();
      const requestId = await requestMentor(runway, founder.token, startupId, mentor.profile.id);
      const { mentorship } = (await post(`/mentor-requests/${requestId}/accept`, mentor.user)).body;
      const second = await freshStartup();
      const blocked = await post('/mentor-requests', second.founder, { startupId: second.startupId, mentorId: mentor.profile.id, message: 'Xin hỗ trợ' });
      expectProblem(blocked, 422, 'mentor_not_available');
      expect(blocked.body.reasons).to.deep.equal(['at_capacity']);

      const ended = await post(`/mentorships/${mentorship.id}/end`, founder, { reason: 'Đã xong.' });
      expect(ended.body).to.include({ status: 'ended', endReason: 'Đã xong.', endedBy: founder.id });
      expect((await mentorStats(mentor.profile.id)).activeMentees).to.equal(0);
      expectProblem(await post(`/mentorships/${mentorship.id}/end`, founder, {}), 409, 'mentorship_ended');
      expect((await post('/mentor-requests', second.founder, { startupId: second.startupId, mentorId: mentor.profile.id, message: 'Xin hỗ trợ' })).status).to.equal(201);
    });
  });

  describe('expiry', () => {
    it('the expiry job run twice expires once, tells the team once, and offers the next best mentor', async () => {
      const silent = await activeMentor(runway, world, { responseDays: 2 });
      const next = await activeMentor(runway, world);
      const { founder, startupId } = await freshStartup();
      const requestId = await requestMentor(runway, founder.token, startupId, silent.profile.id);
      const expired: unknown[] = [];
      const off = runway.context.bus.on('request.expired', (event) => void expired.push(event));
      try {
        clock = new Date(PINNED_NOW.getTime() + 1 * 86_400_000);
        expect(await expireAndOffer(requestId, runway.context)).to.deep.include({ expired: false, told: false });
        clock = new Date(PINNED_NOW.getTime() + 2 * 86_400_000);
        const [a, b] = await Promise.all([expireAndOffer(requestId, runway.context), expireAndOffer(requestId, runway.context)]);
        expect([a.told, b.told].sort()).to.deep.equal([false, true]);
        expect((await expireAndOffer(requestId, runway.context)).told).to.equal(false);
      } finally {
        off();
      }
      expect(expired).to.have.length(1);
      const request = (await get(`/mentor-requests/${requestId}`, founder)).body;
      expect(request.status).to.equal('expired');
      expect(request.history.map((h: { status: string; by: string | null }) => [h.status, h.by])).to.deep.equal([['pending', founder.id], ['expired', null]]);
      const notices = (await get('/notifications', founder)).body.items.filter((n: { kind: string }) => n.kind === 'request.expired');
      expect(notices).to.have.length(1);
      expect(notices[0].data.nextMentorId).to.be.a('string').and.not.equal(silent.profile.id);
      expect(notices[0].body.en).to.match(/did not answer within 2 days/);
      expect(next.profile.id).to.be.a('string');
    });

    it('a run that failed after expiring is finished by the sweep: the team is told once, the event goes out once', async () => {
      const silent = await activeMentor(runway, world, { responseDays: 1 });
      const { founder, startupId } = await freshStartup();
      const requestId = await requestMentor(runway, founder.token, startupId, silent.profile.id);
      clock = new Date(PINNED_NOW.getTime() + 2 * 86_400_000);
      // What a run leaves when it fails right after the expiry: expired, nobody told.
      expect(await expireRequest(requestId, runway.context)).to.not.equal(undefined);
      expect((await get('/notifications', founder)).body.items.filter((n: { kind: string }) => n.kind === 'request.expired')).to.have.length(0);
      const expired: unknown[] = [];
      const off = runway.context.bus.on('request.expired', (event) => void expired.push(event));
      try {
        const deps = { ...runway.context, logger: runway.context.logger };
        await Promise.all([expireDueRequestsJob.handler({}, deps), expireDueRequestsJob.handler({}, deps)]);
        await expireDueRequestsJob.handler({}, deps);
      } finally {
        off();
      }
      expect(expired.filter((e) => (e as { requestId: string }).requestId === requestId)).to.have.length(1);
      expect((await get('/notifications', founder)).body.items.filter((n: { kind: string }) => n.kind === 'request.expired')).to.have.length(1);
    });

    it('the worker runs the scheduled expiry job by itself', async function () {
      this.timeout(20_000);
      const silent = await activeMentor(runway, world, { responseDays: 1 });
      const { founder, startupId } = await freshStartup();
      const requestId = await requestMentor(runway, founder.token, startupId, silent.profile.id);
      const job = await mongoose.connection.db!.collection('agendaJobs').findOne({ name: 'request.expire', 'data.requestId': requestId });
      expect(job, 'scheduled at expiresAt').to.not.equal(null);
      expect(new Date(job!.nextRunAt).getTime()).to.equal(PINNED_NOW.getTime() + 86_400_000);
      clock = new Date(PINNED_NOW.getTime() + 2 * 86_400_000);
      await runway.worker.now('request.expire', { requestId });
      const deadline = Date.now() + 15_000;
      let status = 'pending';
      while (status === 'pending' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await get(`/mentor-requests/${requestId}`, founder)).body.status;
      }
      expect(status).to.equal('expired');
    });
  });
});

/**
 * GET /matches over real HTTP: mentors ranked for a startup with every
 * criterion's contribution and a reason in both languages; the hard
 * filters with their reason codes; deterministic order; who may look.
 */
import { expect } from 'chai';
import { createTestUser } from '../../helpers/factories.js';
import { expectProblem } from '../../helpers/problems.js';
import { startRunwayProcess, type RunwayProcess } from '../../helpers/process.js';
import { sendRequest, startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { pinnedClock } from '../cohorts/cohort-helpers.js';
import { activeMentor, matches, matchingWorld, mentorBody, requestMentor, type MatchingWorld } from './matching-helpers.js';
import { createMentor } from '../mentors/mentor-helpers.js';

describe('matching: GET /matches', () => {
  let runway: TestRunway;
  let world: MatchingWorld;
  const ids: Record<string, string> = {};

  before(async () => {
    runway = await startTestRunway({}, pinnedClock);
    world = await matchingWorld(runway);
    const make = async (name: string, overrides: Record<string, unknown> = {}) => {
      ids[name] = (await activeMentor(runway, world, overrides)).profile.id;
    };
    await make('best');
    await make('tourism', { sectors: ['tourism'], stages: ['growth'], expertise: ['legal'] });
    await make('french', { languages: ['fr'] });
    await make('busy', { availability: { weekly: [] } });
    await make('conflicted', { conflicts: { startupIds: [world.startupId] } });
    await make('online', { mode: 'online' });
    await make('local', { mode: 'both', location: { city: 'Cần Thơ', district: 'Ninh Kiều' } });
    const paused = await activeMentor(runway, world, {});
    ids.paused = paused.profile.id;
    expect((await runway.http('POST', `/api/v1/mentors/${ids.paused}/pause`, { token: paused.user.token })).status).to.equal(200);
    ids.pending = (await createMentor(runway, mentorBody())).profile.id;
  });
  after(() => runway.stop());

  it('ranks the best-fitting mentor first, each with contributions that add up to the score and a reason in vi and en', async () => {
    const { items } = await matches(runway, world.founder, world.startupId);
    expect(items[0]!.mentorId).to.be.oneOf([ids.best, ids.online, ids.local]);
    const tourism = items.find((m) => m.mentorId === ids.tourism)!;
    expect(tourism.score).to.be.below(items[0]!.score);
    for (const item of items) {
      expect(item.contributions.map((c) => c.criterion)).to.deep.equal(['sectorFit', 'stageFit', 'topicOverlap', 'availabilitySoon', 'loadBalance', 'rating', 'responsiveness']);
      const sum = item.contributions.reduce((total, c) => total + c.points, 0);
      expect(Math.abs(sum - item.score)).to.be.below(0.5);
      expect(item.score).to.be.within(0, 100);
    }
    expect(items[0]!.reason.vi).to.include('Nông nghiệp');
    expect(items[0]!.reason.en).to.include('Agriculture');
  });

  it('the same question gives the same order; equal mentors are ordered by id', async () => {
    const first = (await matches(runway, world.founder, world.startupId)).items.map((m) => m.mentorId);
    const second = (await matches(runway, world.founder, world.startupId)).items.map((m) => m.mentorId);
    expect(second).to.deep.equal(first);
    const best = [ids.best, ids.online].sort();
    const positions = best.map((id) => first.indexOf(id!));
    expect(positions[0]).to.be.below(positions[1]!);
  });

  it('an answer asked for again is never older than the data: a renamed mentor and a newly approved one show at once, and staff and founders never share one', async () => {
    const nameOf = async (user: typeof world.founder, mentorId: string, query = '') =>
      ((await matches(runway, user, world.startupId, query)).items as Array<{ mentorId: string; name?: string }>).find((m) => m.mentorId === mentorId)?.name;
    const renamed = await activeMentor(runway, world);
    expect(await nameOf(world.founder, renamed.profile.id)).to.be.a('string');
    const patched = await runway.http('PATCH', `/api/v1/mentors/${renamed.profile.id}`, { token: renamed.user.token, body: { name: 'Trần Văn Mới' } });
    expect(patched.status, patched.text).to.equal(200);
    expect(await nameOf(world.founder, renamed.profile.id)).to.equal('Trần Văn Mới');

    const before = (await matches(runway, world.founder, world.startupId, '&limit=50')).items.length;
    await activeMentor(runway, world);
    expect((await matches(runway, world.founder, world.startupId, '&limit=50')).items.length).to.equal(before + 1);

    // The same question from an admin and a founder: the admin's excluded list may name pending mentors, the founder's never.
    const excludedFor = async (user: typeof world.founder) => (await matches(runway, user, world.startupId, '&explain=excluded&limit=50')).excluded!.items.map((e) => e.mentorId);
    expect(await excludedFor(world.admin)).to.include(ids.pending);
    expect(await excludedFor(world.founder)).to.not.include(ids.pending);

    // A kept answer keeps its ETag: asked again with it, 304; after a change, a new body and tag.
    const path = `/api/v1/matches?startupId=${world.startupId}`;
    const first = await runway.http('GET', path, { token: world.founder.token });
    const etag = first.headers.get('etag')!;
    expect(etag).to.match(/^W\/"/);
    // fetch adds `Cache-Control: no-cache` to a conditional request unless one is given, and no-cache is never 304.
    const conditional = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    expect((await runway.http('GET', path, { token: world.founder.token, headers: conditional })).status).to.equal(304);
    await runway.http('PATCH', `/api/v1/mentors/${renamed.profile.id}`, { token: renamed.user.token, body: { name: 'Trần Văn Mới Hơn' } });
    const changed = await runway.http('GET', path, { token: world.founder.token, headers: conditional });
    expect(changed.status).to.equal(200);
    expect(changed.headers.get('etag')).to.not.equal(etag);
  });

  it('explain=excluded lists who the hard filters removed, with the right reason codes', async () => {
    const { items, excluded } = await matches(runway, world.manager, world.startupId, '&explain=excluded&limit=50');
    const reasonsOf = (id: string) => excluded!.items.find((e) => e.mentorId === id)?.reasons.map((r) => r.code);
    expect(reasonsOf(ids.french!)).to.deep.equal(['no_shared_language']);
    expect(reasonsOf(ids.busy!)).to.deep.equal(['no_free_time']);
    expect(reasonsOf(ids.conflicted!)).to.deep.equal(['conflict_of_interest']);
    expect(reasonsOf(ids.paused!)).to.deep.equal(['inactive']);
    expect(reasonsOf(ids.pending!)).to.include('inactive');
    for (const id of [ids.french, ids.busy, ids.conflicted, ids.paused, ids.pending]) expect(items.map((m) => m.mentorId)).not.to.include(id);
    expect(excluded!.counts).to.include({ no_shared_language: 1, no_free_time: 1, conflict_of_interest: 1 });
  });

  it('a founder does not see pending or paused mentors even among the excluded', async () => {
    const { excluded } = await matches(runway, world.founder, world.startupId, '&explain=excluded&limit=50');
    expect(excluded!.items.map((e) => e.mentorId)).not.to.include.members([ids.paused, ids.pending]);
    expect(excluded!.counts.inactive).to.equal(0);
  });

  it('a founder never learns of a conflict of interest: the mentor is not listed at all, and asking them is 404 like an unknown mentor', async () => {
    const { items, excluded } = await matches(runway, world.founder, world.startupId, '&explain=excluded&limit=50');
    expect([...items, ...excluded!.items].map((m) => m.mentorId)).not.to.include(ids.conflicted);
    expect(excluded!.counts.conflict_of_interest).to.equal(0);
    const body = { startupId: world.startupId, mentorId: ids.conflicted, message: 'Xin hỗ trợ' };
    const asked = await runway.http('POST', '/api/v1/mentor-requests', { token: world.founder.token, body });
    expectProblem(asked, 404, 'mentor_not_found');
    expect(asked.text).not.to.include('conflict');
    const byManager = await runway.http('POST', '/api/v1/mentor-requests', { token: world.manager.token, body });
    expect(byManager.body).to.deep.include({ code: 'mentor_not_available', reasons: ['conflict_of_interest'] });
  });

  it('a mentor whose account is deactivated is paused, so no longer ranked nor askable', async () => {
    const leaving = await activeMentor(runway, world);
    expect((await matches(runway, world.founder, world.startupId, '&limit=50')).items.map((m) => m.mentorId)).to.include(leaving.profile.id);
    const deactivated = await runway.http('PATCH', `/api/v1/users/${leaving.user.id}`, { token: world.admin.token, body: { status: 'deactivated' } });
    expect(deactivated.status, deactivated.text).to.equal(200);
    expect((await runway.http('GET', `/api/v1/mentors/${leaving.profile.id}`, { token: world.admin.token })).body.status).to.equal('paused');
    expect((await matches(runway, world.founder, world.startupId, '&limit=50')).items.map((m) => m.mentorId)).not.to.include(leaving.profile.id);
    const asked = await runway.http('POST', '/api/v1/mentor-requests', { token: world.founder.token, body: { startupId: world.startupId, mentorId: leaving.profile.id, message: 'Xin hỗ trợ' } });
    expect(asked.status).to.equal(404);
    // Nor can a pending profile of a deactivated account be approved.
    const pending = await createMentor(runway, mentorBody());
    expect((await runway.http('PATCH', `/api/v1/users/${pending.user.id}`, { token: world.admin.token, body: { status: 'deactivated' } })).status).to.equal(200);
    expectProblem(await runway.http('POST', `/api/v1/mentors/${pending.profile.id}/approve`, { token: world.manager.token }), 409, 'account_deactivated');
  });

  it('mode=offline keeps mentors who meet in person and are based in Can Tho (mode_location for the others)', async () => {
    const { items, excluded } = await matches(runway, world.founder, world.startupId, '&mode=offline&explain=excluded&limit=50');
    expect(items.map((m) => m.mentorId)).to.deep.equal([ids.local]);
    expect(excluded!.items.find((e) => e.mentorId === ids.online)!.reasons.map((r) => r.code)).to.deep.equal(['mode_location']);
  });

  it('a mentor already asked shows as excluded (already_requested) until the request closes', async () => {
    const requestId = await requestMentor(runway, world.founder.token, world.startupId, ids.tourism!);
    const { items, excluded } = await matches(runway, world.founder, world.startupId, '&explain=excluded&limit=50');
    expect(items.map((m) => m.mentorId)).not.to.include(ids.tourism);
    expect(excluded!.items.find((e) => e.mentorId === ids.tourism)!.reasons.map((r) => r.code)).to.deep.equal(['already_requested']);
    expect((await runway.http('POST', `/api/v1/mentor-requests/${requestId}/withdraw`, { token: world.founder.token })).status).to.equal(200);
    expect((await matches(runway, world.founder, world.startupId, '&limit=50')).items.map((m) => m.mentorId)).to.include(ids.tourism);
  });

  it('topics= matches on the topics asked (comma-separated or repeated) instead of the startup’s needs', async () => {
    const topicValue = (items: Awaited<ReturnType<typeof matches>>['items'], id: string) =>
      items.find((m) => m.mentorId === id)!.contributions.find((c) => c.criterion === 'topicOverlap')!.value;
    const byNeeds = await matches(runway, world.founder, world.startupId, '&limit=50');
    expect(topicValue(byNeeds.items, ids.tourism!)).to.equal(0);
    expect(topicValue(byNeeds.items, ids.best!)).to.equal(1);
    for (const query of ['&topics=legal', '&topics=legal,export', '&topics=legal&topics=export']) {
      const response = await runway.http('GET', `/api/v1/matches?startupId=${world.startupId}${query}&limit=50`, { token: world.founder.token });
      expect(response.body.topics, query).to.include('legal');
      expect(topicValue(response.body.items, ids.tourism!), query).to.be.above(0);
      expect(topicValue(response.body.items, ids.best!), query).to.equal(0);
    }
  });

  it('who may look: its team, its cohort’s managers and admins; others 403 or 404; anonymous 401', async () => {
    await matches(runway, world.admin, world.startupId);
    expectProblem(await runway.http('GET', `/api/v1/matches?startupId=${world.startupId}`, { token: world.otherManager.token }), 403, 'not_cohort_manager');
    expectProblem(await runway.http('GET', `/api/v1/matches?startupId=${world.startupId}`, { token: world.otherFounder.token }), 404, 'startup_not_found');
    const mentor = await createTestUser(runway, 'mentor');
    expectProblem(await runway.http('GET', `/api/v1/matches?startupId=${world.startupId}`, { token: mentor.token }), 403, 'forbidden');
    expectProblem(await runway.http('GET', `/api/v1/matches?startupId=${world.startupId}`), 401, 'unauthenticated');
    expectProblem(await runway.http('GET', '/api/v1/matches?startupId=5f0000000000000000000000', { token: world.admin.token }), 404, 'startup_not_found');
  });

  describe('with a second Runway process on the same database', function () {
    this.timeout(60_000);
    let other: RunwayProcess;
    before(async () => {
      other = await startRunwayProcess(runway.context.config.DB_NAME);
    });
    after(() => other.stop());

    it('a mentor approved and then paused through the other process is ranked, then excluded, here within a few seconds', async () => {
      await matches(runway, world.founder, world.startupId); // this process's index is warm
      const user = await createTestUser(runway, 'mentor');
      const created = await sendRequest(other.url, 'POST', '/api/v1/mentors', { token: user.token, body: mentorBody({ expertise: ['marketing', 'sales', 'export'] }) });
      expect(created.status, created.text).to.equal(201);
      expect((await sendRequest(other.url, 'POST', `/api/v1/mentors/${created.body.id}/approve`, { token: world.manager.token })).status).to.equal(200);
      const ranked = async () => (await matches(runway, world.founder, world.startupId, '&limit=50')).items.some((m) => m.mentorId === created.body.id);
      const waitFor = async (want: boolean) => {
        const since = Date.now();
        while ((await ranked()) !== want && Date.now() - since < 8000) await new Promise((r) => setTimeout(r, 100));
        return Date.now() - since;
      };
      const shown = await waitFor(true);
      expect(await ranked(), `ranked after ${shown} ms`).to.equal(true);
      expect(shown).to.be.below(5000);
      expect((await sendRequest(other.url, 'POST', `/api/v1/mentors/${created.body.id}/pause`, { token: user.token })).status).to.equal(200);
      const hidden = await waitFor(false);
      expect(await ranked(), `still ranked after ${hidden} ms`).to.equal(false);
      expect(hidden).to.be.below(5000);
    });

    it('a startup changed through the other process is ranked on its new needs here within the 2 s the startup side is held, asked for all along', async () => {
      const topicsNow = async () => (await runway.http('GET', `/api/v1/matches?startupId=${world.startupId}`, { token: world.founder.token })).body.topics as string[];
      const before = await topicsNow();
      const needs = before.includes('legal') ? ['finance'] : ['legal'];
      const patched = await sendRequest(other.url, 'PATCH', `/api/v1/startups/${world.startupId}`, { token: world.founder.token, body: { needs } });
      expect(patched.status, patched.text).to.equal(200);
      const since = Date.now();
      // Asked for every 50 ms: the held entry is refreshed in the background, never kept past its 2 s.
      while (JSON.stringify(await topicsNow()) !== JSON.stringify(needs) && Date.now() - since < 5000) await new Promise((r) => setTimeout(r, 50));
      const took = Date.now() - since;
      expect(await topicsNow(), `after ${took} ms`).to.deep.equal(needs);
      expect(took).to.be.below(2500);
      const restored = await sendRequest(runway.url, 'PATCH', `/api/v1/startups/${world.startupId}`, { token: world.founder.token, body: { needs: before } });
      expect(restored.status, restored.text).to.equal(200);
      // A change made in this process drops the entry at once.
      expect(await topicsNow()).to.deep.equal(before);
    });
  });

  it('bad input → 400 naming the field', async () => {
    const bad = await runway.http('GET', `/api/v1/matches?startupId=${world.startupId}&topics=cooking&limit=0&mode=teleport&explain=all`, { token: world.founder.token });
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).to.deep.equal(['explain', 'limit', 'mode', 'topics']);
    expectProblem(await runway.http('GET', '/api/v1/matches', { token: world.founder.token }), 400, 'validation_failed');
  });
});

/**
 * Cohort-wide assignment proposals over real HTTP: the optimiser's pairs
 * respect demand, free places and the hard filters, beat or equal greedy,
 * explain themselves; a manager edits (each bad pair named) and applies
 * them as requests or mentorships, capacity enforced again.
 */
import { expect } from 'chai';
import { createTestUser } from '../../helpers/factories.js';
import { expectProblem } from '../../helpers/problems.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { admit, createStartup, pinnedClock } from '../cohorts/cohort-helpers.js';
import { activeMentor, matchingWorld, type MatchingWorld } from './matching-helpers.js';

interface Proposal {
  id: string;
  status: string;
  pairs: Array<{ startupId: string; mentorId: string; score: number; reason: { vi: string; en: string } }>;
  total: number;
  optimalTotal: number;
  greedyTotal: number;
  unserved: Array<{ startupId: string; missing: number; why: string }>;
  results: Array<{ outcome: string; code: string | null; requestId: string | null; mentorshipId: string | null }>;
}

describe('matching: cohort assignment proposals', () => {
  let runway: TestRunway;
  let world: MatchingWorld;
  let startups: string[];
  const mentors: Record<string, { id: string; capacity: number }> = {};

  before(async () => {
    runway = await startTestRunway({}, pinnedClock);
    world = await matchingWorld(runway);
    startups = [world.startupId];
    for (let i = 0; i < 3; i++) {
      const founder = await createTestUser(runway, 'startup');
      const id = await createStartup(runway, founder.token, { name: `Dự án ${i}`, kind: 'individual', growthBasis: ['technology'], sectors: [i === 2 ? 'tourism' : 'agriculture'], stage: 'prototype', needs: ['marketing'] });
      await admit(runway, world.manager.token, world.cohortId, id);
      startups.push(id);
    }
    const make = async (name: string, capacity: number, overrides: Record<string, unknown> = {}) => {
      mentors[name] = { id: (await activeMentor(runway, world, { capacity: { maxActiveMentees: capacity }, ...overrides })).profile.id, capacity };
    };
    await make('star', 1, { sectors: ['agriculture', 'tourism'], expertise: ['marketing', 'sales'] });
    await make('agri', 2);
    await make('tour', 2, { sectors: ['tourism'] });
    await make('generalist', 3, { sectors: [], expertise: ['marketing'] });
    await make('french', 3, { languages: ['fr'] });
  });
  after(() => runway.stop());

  const propose = async (k: number): Promise<Proposal> => {
    const response = await runway.http('POST', `/api/v1/cohorts/${world.cohortId}/assignment-proposals`, { token: world.manager.token, body: { mentorsPerStartup: k } });
    expect(response.status, response.text).to.equal(201);
    return response.body;
  };

  it('POST → 201: each startup gets up to k mentors, no mentor past their free places, no excluded pair; total ≥ greedy', async () => {
    const proposal = await propose(2);
    expect(proposal.status).to.equal('draft');
    const perStartup = new Map<string, number>();
    const perMentor = new Map<string, number>();
    for (const pair of proposal.pairs) {
      perStartup.set(pair.startupId, (perStartup.get(pair.startupId) ?? 0) + 1);
      perMentor.set(pair.mentorId, (perMentor.get(pair.mentorId) ?? 0) + 1);
      expect(pair.mentorId).not.to.equal(mentors.french!.id);
      expect(startups).to.include(pair.startupId);
      expect(pair.reason.vi).to.be.a('string').and.not.equal('');
    }
    for (const count of perStartup.values()) expect(count).to.be.at.most(2);
    for (const m of Object.values(mentors)) expect(perMentor.get(m.id) ?? 0).to.be.at.most(m.capacity);
    expect(proposal.total).to.be.at.least(proposal.greedyTotal);
    expect(proposal.total).to.equal(proposal.optimalTotal);
    expect(Math.round(proposal.pairs.reduce((sum, p) => sum + p.score * 10, 0)) / 10).to.equal(proposal.total);
    // 8 places wanted, 8 free among the four eligible mentors: everyone served.
    expect(proposal.pairs).to.have.length(8);
    expect(proposal.unserved).to.deep.equal([]);
    const again = await runway.http('GET', `/api/v1/cohorts/${world.cohortId}/assignment-proposals/${proposal.id}`, { token: world.admin.token });
    expect(again.body.pairs).to.deep.equal(proposal.pairs);
  });

  it('asking more than the free places: the short startups are listed, with why', async () => {
    const proposal = await propose(4);
    const missing = proposal.unserved.reduce((sum, u) => sum + u.missing, 0);
    expect(proposal.pairs.length + missing).to.equal(16);
    expect(proposal.pairs).to.have.length(8);
    for (const u of proposal.unserved) expect(u.why).to.be.oneOf(['too_few_eligible', 'capacity_used_elsewhere']);
  });

  it('PATCH replaces the pairs, each checked: not in the cohort, twice, past the free places → 422 naming pairs.N', async () => {
    const proposal = await propose(1);
    const outsider = await createStartup(runway, world.otherFounder.token, { name: 'Ngoài đợt', kind: 'individual', growthBasis: ['technology'], sectors: ['agriculture'], stage: 'idea' });
    const bad = await runway.http('PATCH', `/api/v1/cohorts/${world.cohortId}/assignment-proposals/${proposal.id}`, {
      token: world.manager.token,
      body: {
        pairs: [
          { startupId: startups[0], mentorId: mentors.star!.id },
          { startupId: startups[1], mentorId: mentors.star!.id },
          { startupId: startups[0], mentorId: mentors.star!.id },
          { startupId: outsider, mentorId: mentors.agri!.id },
          { startupId: startups[2], mentorId: mentors.french!.id },
        ],
      },
    });
    expectProblem(bad, 422, 'invalid_pairs');
    expect(bad.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).to.deep.equal([
      'pairs.1 over_capacity',
      'pairs.2 duplicate_pair',
      'pairs.3.startupId not_in_cohort',
      'pairs.4.mentorId mentor_not_available',
    ]);
    const good = await runway.http('PATCH', `/api/v1/cohorts/${world.cohortId}/assignment-proposals/${proposal.id}`, {
      token: world.manager.token,
      body: { pairs: [{ startupId: startups[0], mentorId: mentors.generalist!.id }] },
    });
    expect(good.status, good.text).to.equal(200);
    expect(good.body).to.include({ edited: true });
    expect(good.body.pairs).to.have.length(1);
    expect(good.body.total).to.equal(good.body.pairs[0].score);
  });

  it('apply as requests → each pair a pending request (proposalId set); a second apply → 409 proposal_applied', async () => {
    const proposal = await propose(1);
    const applied = await runway.http('POST', `/api/v1/cohorts/${world.cohortId}/assignment-proposals/${proposal.id}/apply`, { token: world.manager.token, body: { as: 'requests' } });
    expect(applied.status, applied.text).to.equal(200);
    expect(applied.body.status).to.equal('applied');
    const created = (applied.body as Proposal).results.filter((r) => r.outcome === 'created');
    expect(created).to.have.length(proposal.pairs.length);
    const request = await runway.http('GET', `/api/v1/mentor-requests/${created[0]!.requestId}`, { token: world.manager.token });
    expect(request.body).to.include({ status: 'pending', proposalId: proposal.id, requestedBy: world.manager.id });
    expectProblem(await runway.http('POST', `/api/v1/cohorts/${world.cohortId}/assignment-proposals/${proposal.id}/apply`, { token: world.manager.token, body: { as: 'requests' } }), 409, 'proposal_applied');
    expectProblem(await runway.http('PATCH', `/api/v1/cohorts/${world.cohortId}/assignment-proposals/${proposal.id}`, { token: world.manager.token, body: { pairs: [] } }), 409, 'proposal_applied');
    // Those requests now count toward each startup's k: a new proposal asks for nobody more.
    expect((await propose(1)).pairs).to.deep.equal([]);
  });

  it('two applies at once: exactly one runs', async () => {
    const fresh = await matchingWorld(runway);
    await activeMentor(runway, fresh, {});
    const proposal = (await runway.http('POST', `/api/v1/cohorts/${fresh.cohortId}/assignment-proposals`, { token: fresh.manager.token, body: { mentorsPerStartup: 1 } })).body;
    const both = await Promise.all(
      [0, 1].map(() => runway.http('POST', `/api/v1/cohorts/${fresh.cohortId}/assignment-proposals/${proposal.id}/apply`, { token: fresh.manager.token, body: { as: 'mentorships' } })),
    );
    expect(both.map((r) => r.status).sort()).to.deep.equal([200, 409]);
    const winner = both.find((r) => r.status === 200)!.body as Proposal;
    expect(winner.results.map((r) => r.outcome)).to.deep.equal(['created']);
    expect(winner.results[0]!.mentorshipId).to.be.a('string');
  });

  it('apply as mentorships checks the hard filters again: a conflict declared after the draft fails that pair, and takes no place', async () => {
    const fresh = await matchingWorld(runway);
    const mentor = await activeMentor(runway, fresh, {});
    const proposal = (await runway.http('POST', `/api/v1/cohorts/${fresh.cohortId}/assignment-proposals`, { token: fresh.manager.token, body: { mentorsPerStartup: 1 } })).body as Proposal;
    const edited = await runway.http('PATCH', `/api/v1/cohorts/${fresh.cohortId}/assignment-proposals/${proposal.id}`, {
      token: fresh.manager.token,
      body: { pairs: [{ startupId: fresh.startupId, mentorId: mentor.profile.id }] },
    });
    expect(edited.status, edited.text).to.equal(200);
    const declared = await runway.http('PATCH', `/api/v1/mentors/${mentor.profile.id}`, { token: mentor.user.token, body: { conflicts: { startupIds: [fresh.startupId] } } });
    expect(declared.status, declared.text).to.equal(200);
    const applied = await runway.http('POST', `/api/v1/cohorts/${fresh.cohortId}/assignment-proposals/${proposal.id}/apply`, { token: fresh.manager.token, body: { as: 'mentorships' } });
    expect(applied.status, applied.text).to.equal(200);
    expect((applied.body as Proposal).results.map((r) => [r.outcome, r.code])).to.deep.equal([['failed', 'mentor_not_available']]);
    const stats = (await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}`, { token: fresh.manager.token })).body.stats;
    expect(stats.activeMentees).to.equal(0);
  });

  it('who may: the cohort’s managers and admins; another manager 403; a founder in the cohort 403; a mentor 404', async () => {
    const body = { mentorsPerStartup: 1 };
    const path = `/api/v1/cohorts/${world.cohortId}/assignment-proposals`;
    expect((await runway.http('POST', path, { token: world.admin.token, body })).status).to.equal(201);
    expectProblem(await runway.http('POST', path, { token: world.otherManager.token, body }), 403, 'not_cohort_manager');
    expectProblem(await runway.http('POST', path, { token: world.founder.token, body }), 403, 'not_cohort_manager');
    const mentor = await createTestUser(runway, 'mentor');
    expectProblem(await runway.http('POST', path, { token: mentor.token, body }), 404, 'cohort_not_found');
    expectProblem(await runway.http('POST', path, { token: world.manager.token, body: { mentorsPerStartup: 0 } }), 400, 'validation_failed');
    expectProblem(await runway.http('GET', `${path}/5f0000000000000000000000`, { token: world.manager.token }), 404, 'proposal_not_found');
  });
});

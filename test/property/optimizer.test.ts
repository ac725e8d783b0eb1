/**
 * The cohort-wide proposal end to end, pure: random mentors in a real
 * candidate index (paused ones, full ones, without time, other languages,
 * conflicts of interest, already asked or mentoring) and random startups,
 * made into the optimiser's problem the way POST /assignment-proposals does
 * (`buildCohortProblem`), then solved. The optimiser's own exactness is
 * test/modules/matching/assignment-optimizer.test.ts (brute force); here:
 * no pair a hard filter excludes is ever proposed, no mentor gets more than
 * their free places, no startup more than it still needs, no pair twice,
 * the total is the sum of the pairs' scores and never below greedy's, and
 * more room (capacity or demand) never lowers the optimum.
 * Seed: PROPERTY_SEED (printed by fast-check on failure).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { SECTOR_CODES, STAGE_CODES, TOPIC_CODES } from '../../server/core/taxonomy/taxonomy.js';
import { DEFAULT_WEIGHTS } from '../../server/modules/cohorts/matching-weights.js';
import { greedyAssignment, optimalAssignment, type Assignment, type AssignmentProblem } from '../../server/modules/matching/assignment-optimizer.js';
import { buildCohortProblem } from '../../server/modules/matching/assignment-problem.js';
import { CandidateIndex, type MentorFeatures } from '../../server/modules/matching/candidate-index.js';
import type { MatchSubject } from '../../server/modules/matching/match-subjects.js';
import { exclusionsOf, type ExclusionReason } from '../../server/modules/matching/scoring.js';

const runs = (numRuns: number) => ({ numRuns, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20_260_615 });
const NOW = new Date('2026-06-15T01:00:00Z');
const mentorId = (i: number) => `6a${String(i).padStart(22, '0')}`;
const startupId = (i: number) => `6c${String(i).padStart(22, '0')}`;

const mentorArb = fc.record({
  status: fc.constantFrom('active' as const, 'active' as const, 'active' as const, 'paused' as const, 'pending' as const),
  sectors: fc.subarray([...SECTOR_CODES], { maxLength: 4 }),
  stages: fc.subarray([...STAGE_CODES], { maxLength: 3 }),
  expertise: fc.subarray([...TOPIC_CODES], { maxLength: 6 }),
  languages: fc.subarray(['vi', 'en', 'km'], { minLength: 1 }),
  maxActiveMentees: fc.integer({ min: 1, max: 4 }),
  activeMentees: fc.integer({ min: 0, max: 4 }),
  rating: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
  free: fc.boolean(),
  /** Indexes of startups this mentor has a conflict of interest with. */
  conflicts: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7], { maxLength: 2 }),
});
const startupArb = fc.record({
  sectors: fc.subarray([...SECTOR_CODES], { minLength: 1, maxLength: 3 }),
  stage: fc.constantFrom(...STAGE_CODES),
  needs: fc.subarray([...TOPIC_CODES], { maxLength: 4 }),
  languages: fc.subarray(['vi', 'en'], { minLength: 1 }),
  /** Mentors (by index) already asked, and already mentoring it. */
  requested: fc.subarray([0, 1, 2, 3, 4, 5], { maxLength: 2 }),
  mentoring: fc.subarray([6, 7, 8], { maxLength: 1 }),
});
const cohortArb = fc.record({
  mentors: fc.array(mentorArb, { minLength: 1, maxLength: 14 }),
  startups: fc.array(startupArb, { minLength: 1, maxLength: 8 }),
  mentorsPerStartup: fc.integer({ min: 1, max: 3 }),
});
type CohortSpec = typeof cohortArb extends fc.Arbitrary<infer T> ? T : never;

function world(spec: CohortSpec) {
  const index = new CandidateIndex();
  spec.mentors.forEach((m, i) => {
    const features: MentorFeatures = {
      id: mentorId(i),
      userId: `6b${String(i).padStart(22, '0')}`,
      name: `Mentor ${i}`,
      status: m.status,
      sectors: m.sectors,
      stages: m.stages,
      expertise: m.expertise,
      languages: m.languages,
      mode: 'both',
      city: 'Cần Thơ',
      conflicts: { startupIds: m.conflicts.map(startupId), enterpriseCodes: [] },
      maxActiveMentees: m.maxActiveMentees,
      activeMentees: Math.min(m.activeMentees, m.maxActiveMentees),
      rating: m.rating,
      medianResponseHours: 12,
      responseDays: 5,
      availability: { weekly: m.free ? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })) : [], blockedDates: [], timezone: 'Asia/Ho_Chi_Minh', sessionMinutes: 60, minNoticeHours: 24 },
      updatedAt: NOW,
    };
    index.upsert(features, NOW);
  });
  index.refreshFreeTime(NOW);
  const subjects: MatchSubject[] = spec.startups.map((s, i) => ({
    startupId: startupId(i),
    name: `Startup ${i}`,
    enterpriseCode: null,
    sectors: s.sectors,
    stage: s.stage,
    needs: s.needs,
    languages: s.languages,
    memberIds: [],
    managerIds: [],
    cohortIds: [],
    weights: { ...DEFAULT_WEIGHTS },
    weightsFrom: null,
    requested: new Set(s.requested.filter((m) => m < spec.mentors.length).map(mentorId)),
    mentoring: new Set(s.mentoring.filter((m) => m < spec.mentors.length).map(mentorId)),
  }));
  return { index, subjects, built: buildCohortProblem(index, subjects, spec.mentorsPerStartup) };
}

/** Checks an assignment against its problem: limits, exclusions, no pair twice, a truthful total. */
function expectFeasible(problem: AssignmentProblem, result: Assignment): void {
  const taken = new Int32Array(problem.mentorCount);
  let total = 0;
  let pairs = 0;
  result.mentorsOf.forEach((mentors, s) => {
    expect(new Set(mentors).size, 'no pair twice').to.equal(mentors.length);
    expect(mentors.length, `startup ${s} within its demand`).to.be.at.most(problem.demand[s]!);
    expect(result.unserved[s]).to.equal(problem.demand[s]! - mentors.length);
    for (const m of mentors) {
      expect(problem.score(s, m), `pair ${s}×${m} is not excluded`).to.be.at.least(0);
      taken[m]!++;
      total += problem.score(s, m);
      pairs++;
    }
  });
  taken.forEach((n, m) => expect(n, `mentor ${m} within capacity`).to.be.at.most(problem.capacity[m]!));
  expect(result.total).to.equal(total);
  expect(result.pairCount).to.equal(pairs);
}

describe('property: cohort-wide proposals (index → problem → optimiser)', () => {
  it('never proposes a pair a hard filter excludes, nor more than a mentor’s free places or a startup’s remaining need; total ≥ greedy’s', () => {
    const reasons: ExclusionReason[] = [];
    fc.assert(
      fc.property(cohortArb, (spec) => {
        const { index, subjects, built } = world(spec);
        const { problem, slots, queries } = built;
        const optimal = optimalAssignment(problem);
        const greedy = greedyAssignment(problem);
        expectFeasible(problem, optimal);
        expectFeasible(problem, greedy);
        expect(optimal.total, 'optimal ≥ greedy').to.be.at.least(greedy.total);
        optimal.mentorsOf.forEach((mentors, s) => {
          const subject = subjects[s]!;
          const have = new Set([...subject.requested, ...subject.mentoring]).size;
          expect(mentors.length).to.be.at.most(Math.max(0, spec.mentorsPerStartup - have));
          for (const m of mentors) {
            const slot = slots[m]!;
            // Checked again from the index, not from the matrix: the pair passes every hard filter.
            expect(exclusionsOf(index, slot, queries[s]!, reasons), `${index.ids[slot]} for ${subject.startupId}: ${reasons.join(', ')}`).to.equal(0);
            expect(index.status[slot], 'only active mentors').to.equal(1);
            expect(subject.requested.has(index.ids[slot]!) || subject.mentoring.has(index.ids[slot]!), 'not asked or mentoring already').to.equal(false);
            expect(subject.startupId).not.to.be.oneOf(spec.mentors[Number(index.ids[slot]!.slice(2))]!.conflicts.map(startupId));
          }
        });
        slots.forEach((slot, m) => {
          const used = optimal.mentorsOf.reduce((n, mentors) => n + (mentors.includes(m) ? 1 : 0), 0);
          expect(used, `${index.ids[slot]} within free places`).to.be.at.most(index.maxActiveMentees[slot]! - index.activeMentees[slot]!);
        });
      }),
      runs(300),
    );
  });

  it('more room never lowers the optimum: one more free place for a mentor, or one more wanted mentor for a startup', () => {
    fc.assert(
      fc.property(cohortArb, fc.nat(), fc.boolean(), (spec, pick, onMentorSide) => {
        const { problem } = world(spec).built;
        const before = optimalAssignment(problem).total;
        const demand = Int32Array.from(problem.demand);
        const capacity = Int32Array.from(problem.capacity);
        if (onMentorSide && capacity.length > 0) capacity[pick % capacity.length]! += 1;
        else demand[pick % demand.length]! += 1;
        const after = optimalAssignment({ ...problem, demand, capacity }).total;
        expect(after).to.be.at.least(before);
      }),
      runs(200),
    );
  });

  it('excluding one more pair never raises the optimum', () => {
    fc.assert(
      fc.property(cohortArb, fc.nat(), fc.nat(), (spec, s0, m0) => {
        const { problem } = world(spec).built;
        fc.pre(problem.mentorCount > 0);
        const [s, m] = [s0 % problem.startupCount, m0 % problem.mentorCount];
        const before = optimalAssignment(problem).total;
        const after = optimalAssignment({ ...problem, score: (a, b) => (a === s && b === m ? -1 : problem.score(a, b)) }).total;
        expect(after).to.be.at.most(before);
      }),
      runs(200),
    );
  });
});

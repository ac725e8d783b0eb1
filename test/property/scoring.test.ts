/**
 * Properties of the match score that test/modules/matching/scoring.test.ts
 * does not state: the points of the seven criteria add up to the score (in
 * the pure core and in what GET /matches shows), the score lies in 0–100,
 * only the proportions of the weights matter, and raising one weight moves
 * the score towards that criterion's own value (up when the criterion is
 * above the score, down when below) — so weights are monotone in exactly the
 * way decision 012 says. Seed: PROPERTY_SEED (printed by fast-check on failure).
 */
import 'reflect-metadata';
import { expect } from 'chai';
import fc from 'fast-check';
import { DEFAULT_WEIGHTS, WEIGHT_NAMES, type MatchingWeights } from '../../server/modules/cohorts/matching-weights.js';
import { SECTOR_CODES, STAGE_CODES, TOPIC_CODES } from '../../server/core/taxonomy/taxonomy.js';
import { CandidateIndex, type MentorFeatures } from '../../server/modules/matching/candidate-index.js';
import { presentMatches } from '../../server/modules/matching/matches.presenter.js';
import type { MatchSubject } from '../../server/modules/matching/match-subjects.js';
import { matchQueryFor } from '../../server/modules/matching/usecases/rank-mentors.js';
import { CRITERIA, normalizedWeights, rank, scoreOf } from '../../server/modules/matching/scoring.js';

const runs = (numRuns: number) => ({ numRuns, seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20_260_615 });

const NOW = new Date('2026-06-15T01:00:00Z');
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const valuesArb = fc.array(unit, { minLength: CRITERIA.length, maxLength: CRITERIA.length }).map((v) => Float64Array.from(v));
const weightsArb = fc.record(Object.fromEntries(WEIGHT_NAMES.map((name) => [name, fc.integer({ min: 0, max: 10 })]))) as fc.Arbitrary<MatchingWeights>;

const mentorArb = fc.record({
  sectors: fc.subarray([...SECTOR_CODES], { maxLength: 4 }),
  stages: fc.subarray([...STAGE_CODES], { maxLength: 3 }),
  expertise: fc.subarray([...TOPIC_CODES], { maxLength: 6 }),
  maxActiveMentees: fc.integer({ min: 1, max: 5 }),
  activeMentees: fc.integer({ min: 0, max: 4 }),
  rating: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
  medianResponseHours: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null }),
});
type MentorSpec = typeof mentorArb extends fc.Arbitrary<infer T> ? T : never;

function features(spec: MentorSpec, i: number): MentorFeatures {
  return {
    id: `6a${String(i).padStart(22, '0')}`,
    userId: `6b${String(i).padStart(22, '0')}`,
    name: `Mentor ${i}`,
    status: 'active',
    sectors: spec.sectors,
    stages: spec.stages,
    expertise: spec.expertise,
    languages: ['vi'],
    mode: 'both',
    city: 'Cần Thơ',
    conflicts: { startupIds: [], enterpriseCodes: [] },
    maxActiveMentees: spec.maxActiveMentees,
    activeMentees: Math.min(spec.activeMentees, spec.maxActiveMentees - 1),
    rating: spec.rating,
    medianResponseHours: spec.medianResponseHours,
    responseDays: 5,
    availability: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })), blockedDates: [], timezone: 'Asia/Ho_Chi_Minh', sessionMinutes: 60, minNoticeHours: 24 },
    updatedAt: NOW,
  };
}

describe('property: the match score', () => {
  it('is the sum of its criteria’s points, lies in 0–100, and normalized weights sum to 1', () => {
    fc.assert(
      fc.property(valuesArb, weightsArb, (values, weights) => {
        const w = normalizedWeights(weights);
        expect(w.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-12);
        const points = CRITERIA.map((_, i) => 100 * w[i]! * values[i]!);
        const score = scoreOf(values, w);
        expect(score).to.be.closeTo(points.reduce((a, b) => a + b, 0), 1e-9);
        expect(score).to.be.within(-1e-9, 100 + 1e-9);
        // Bounded by its best and worst criterion.
        expect(score).to.be.within(100 * Math.min(...values) - 1e-9, 100 * Math.max(...values) + 1e-9);
      }),
      runs(2000),
    );
  });

  it('depends only on the proportions of the weights (scaling them all changes nothing)', () => {
    fc.assert(
      fc.property(valuesArb, weightsArb, fc.integer({ min: 2, max: 9 }), (values, weights, k) => {
        const scaled = Object.fromEntries(WEIGHT_NAMES.map((name) => [name, weights[name] * k])) as MatchingWeights;
        expect(scoreOf(values, normalizedWeights(scaled))).to.be.closeTo(scoreOf(values, normalizedWeights(weights)), 1e-9);
      }),
      runs(1000),
    );
  });

  it('raising one weight moves the score towards that criterion’s value: up when it is above the score, down when below, never past it', () => {
    fc.assert(
      fc.property(valuesArb, weightsArb, fc.integer({ min: 0, max: CRITERIA.length - 1 }), fc.integer({ min: 1, max: 10 }), (values, weights, i, raise) => {
        // Not all zero: all-zero weights mean equal weights, a different rule.
        fc.pre(WEIGHT_NAMES.some((name) => weights[name] > 0));
        const name = CRITERIA[i]!;
        const before = scoreOf(values, normalizedWeights(weights));
        const after = scoreOf(values, normalizedWeights({ ...weights, [name]: weights[name] + raise }));
        const target = 100 * values[i]!;
        if (target > before + 1e-9) expect(after).to.be.within(before - 1e-9, target + 1e-9);
        else if (target < before - 1e-9) expect(after).to.be.within(target - 1e-9, before + 1e-9);
        else expect(after).to.be.closeTo(before, 1e-9);
      }),
      runs(2000),
    );
  });

  it('what GET /matches shows: each contribution is 100 × weight × value / Σ weights, and they add up to the score (to the rounding of one decimal each)', () => {
    fc.assert(
      fc.property(
        fc.array(mentorArb, { minLength: 1, maxLength: 12 }),
        weightsArb,
        fc.subarray([...SECTOR_CODES], { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...STAGE_CODES),
        fc.subarray([...TOPIC_CODES], { maxLength: 4 }),
        (specs, weights, sectors, stage, topics) => {
          const index = new CandidateIndex();
          specs.forEach((spec, i) => index.upsert(features(spec, i), NOW));
          index.refreshFreeTime(NOW);
          const subject: MatchSubject = {
            startupId: '6c0000000000000000000001',
            name: 'Drone tưới lúa',
            enterpriseCode: null,
            sectors,
            stage,
            needs: topics,
            languages: ['vi'],
            memberIds: [],
            managerIds: [],
            cohortIds: [],
            weights,
            weightsFrom: null,
            requested: new Set(),
            mentoring: new Set(),
          };
          const query = matchQueryFor(index, subject, topics, 'any');
          const ranking = rank(index, query, weights, { limit: 20, explainExcluded: false, includeInactive: false });
          const view = presentMatches({ subject, index, revision: 0, query, topics, ranking }, 'any');
          expect(view.items).to.have.length(specs.length);
          const sumOfWeights = WEIGHT_NAMES.reduce((sum, n) => sum + weights[n], 0);
          for (const item of view.items) {
            expect(item.score).to.be.within(0, 100);
            expect(item.contributions.map((c) => c.criterion)).to.deep.equal([...CRITERIA]);
            const total = item.contributions.reduce((sum, c) => sum + c.points, 0);
            // Each of the seven points and the score are rounded to one decimal on their own.
            expect(Math.abs(total - item.score), `${JSON.stringify(item.contributions)} vs ${item.score}`).to.be.at.most(0.05 * (CRITERIA.length + 1) + 1e-9);
            for (const c of item.contributions) {
              expect(c.weight).to.equal(weights[c.criterion]);
              const share = sumOfWeights === 0 ? 1 / CRITERIA.length : c.weight / sumOfWeights;
              // The value shown is rounded to two decimals, the points to one.
              expect(c.points).to.be.closeTo(100 * share * c.value, 0.05 + 100 * share * 0.005 + 1e-9);
            }
          }
          // Best first.
          for (let i = 1; i < view.items.length; i++) expect(view.items[i]!.score).to.be.at.most(view.items[i - 1]!.score);
        },
      ),
      runs(150),
    );
  });

  it('the default weights are the ones decision 012 names (3, 2, 3, 1, 1, 1, 1)', () => {
    expect(CRITERIA.map((name) => DEFAULT_WEIGHTS[name])).to.deep.equal([3, 2, 3, 1, 1, 1, 1]);
  });
});

/**
 * The ranking module, pure: the score rises with every criterion, the same
 * inputs give the same order whatever order mentors were indexed in, the
 * top-k scan equals a full sort, and a mentor is ranked exactly when no
 * hard filter removes them.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { CandidateIndex, type MentorFeatures } from '../../../server/modules/matching/candidate-index.js';
import { DEFAULT_WEIGHTS, WEIGHT_NAMES, type MatchingWeights } from '../../../server/modules/cohorts/matching-weights.js';
import { SECTOR_CODES, STAGE_CODES, TOPIC_CODES } from '../../../server/core/taxonomy/taxonomy.js';
import { CRITERIA, criterionValues, exclusionsOf, normalizedWeights, rank, rankByBound, rankByScan, scoreOf, type ExclusionReason, type MatchQuery, type RankOptions } from '../../../server/modules/matching/scoring.js';
import { sectorMask, stageIndex, topicMask } from '../../../server/modules/matching/candidate-index.js';

const NOW = new Date('2026-06-15T01:00:00Z');
const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' }));

const mentorArb = fc.record({
  sectors: fc.subarray([...SECTOR_CODES], { maxLength: 4 }),
  stages: fc.subarray([...STAGE_CODES], { maxLength: 3 }),
  expertise: fc.subarray([...TOPIC_CODES], { maxLength: 6 }),
  languages: fc.subarray(['vi', 'en', 'fr', 'km'], { minLength: 1 }),
  mode: fc.constantFrom('online' as const, 'offline' as const, 'both' as const),
  local: fc.boolean(),
  maxActiveMentees: fc.integer({ min: 1, max: 5 }),
  activeMentees: fc.integer({ min: 0, max: 5 }),
  rating: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
  medianResponseHours: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: null }),
  free: fc.boolean(),
  status: fc.constantFrom('active' as const, 'active' as const, 'active' as const, 'paused' as const),
});
type MentorSpec = typeof mentorArb extends fc.Arbitrary<infer T> ? T : never;

function features(spec: MentorSpec, i: number): MentorFeatures {
  return {
    id: `6a${String(i).padStart(22, '0')}`,
    userId: `6b${String(i).padStart(22, '0')}`,
    name: `Mentor ${i}`,
    status: spec.status,
    sectors: spec.sectors,
    stages: spec.stages,
    expertise: spec.expertise,
    languages: spec.languages,
    mode: spec.mode,
    city: spec.local ? 'Cần Thơ' : 'Hà Nội',
    conflicts: { startupIds: [], enterpriseCodes: [] },
    maxActiveMentees: spec.maxActiveMentees,
    activeMentees: Math.min(spec.activeMentees, spec.maxActiveMentees),
    rating: spec.rating,
    medianResponseHours: spec.medianResponseHours,
    responseDays: 5,
    availability: { weekly: spec.free ? WEEKDAYS : [], blockedDates: [], timezone: 'Asia/Ho_Chi_Minh', sessionMinutes: 60, minNoticeHours: 24 },
    updatedAt: NOW,
  };
}

/**
 * A mentor no hard filter removes for a startup speaking Vietnamese and
 * meeting in any mode; half fit any startup fully; rated and answering, so
 * that ties are rare.
 */
const passingMentorArb = fc.tuple(mentorArb, fc.boolean(), fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true })).map(([spec, fitsAll, rating, medianResponseHours]) => ({
  ...spec,
  rating,
  medianResponseHours,
  ...(fitsAll ? { sectors: [...SECTOR_CODES], stages: [...STAGE_CODES], expertise: [...TOPIC_CODES] } : {}),
  status: 'active' as const,
  free: true,
  languages: [...new Set(['vi', ...spec.languages])],
  activeMentees: Math.min(spec.activeMentees, spec.maxActiveMentees - 1),
}));

const startupArb = fc.record({
  sectors: fc.subarray([...SECTOR_CODES], { minLength: 1, maxLength: 3 }),
  stage: fc.constantFrom(...STAGE_CODES),
  topics: fc.subarray([...TOPIC_CODES], { maxLength: 4 }),
  languages: fc.subarray(['vi', 'en'], { minLength: 1 }),
  mode: fc.constantFrom('online' as const, 'offline' as const, 'any' as const),
});
const weightsArb = fc.record(Object.fromEntries(WEIGHT_NAMES.map((name) => [name, fc.integer({ min: 0, max: 10 })]))) as fc.Arbitrary<MatchingWeights>;

function queryFor(index: CandidateIndex, s: typeof startupArb extends fc.Arbitrary<infer T> ? T : never): MatchQuery {
  return {
    startupId: '6c0000000000000000000001',
    enterpriseCode: null,
    sectors: sectorMask(s.sectors),
    stage: stageIndex(s.stage),
    topics: topicMask(s.topics),
    languages: index.languageMask(s.languages),
    languageCodes: s.languages,
    mode: s.mode,
    requested: new Set(),
    mentoring: new Set(),
  };
}

function indexOf(specs: MentorSpec[], order?: number[]): CandidateIndex {
  const index = new CandidateIndex();
  for (const i of order ?? specs.map((_, i) => i)) index.upsert(features(specs[i]!, i), NOW);
  index.refreshFreeTime(NOW);
  return index;
}

describe('matching: the score and the ranking, pure', () => {
  it('the score never falls when one criterion rises (and lies in 0–100)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        weightsArb,
        (values, i, raise, weights) => {
          const w = normalizedWeights(weights);
          const before = scoreOf(Float64Array.from(values), w);
          const higher = Float64Array.from(values);
          higher[i] = Math.min(1, higher[i]! + raise);
          const after = scoreOf(higher, w);
          expect(after).to.be.at.least(before - 1e-9);
          expect(before).to.be.within(0, 100 + 1e-9);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('each criterion rises with what it measures: more shared sectors and topics, fewer mentees, better rating, faster answers', () => {
    fc.assert(
      fc.property(mentorArb, startupArb, (spec, startup) => {
        const base = indexOf([spec]);
        const query = queryFor(base, startup);
        const v0 = criterionValues(base, 0, query, new Float64Array(CRITERIA.length));
        const better: MentorSpec = {
          ...spec,
          sectors: [...new Set([...spec.sectors, ...startup.sectors])],
          expertise: [...new Set([...spec.expertise, ...startup.topics])],
          activeMentees: Math.max(0, spec.activeMentees - 1),
          rating: spec.rating === null ? null : Math.min(5, spec.rating + 0.5),
          medianResponseHours: spec.medianResponseHours === null ? null : Math.max(0, spec.medianResponseHours - 5),
        };
        const improved = indexOf([better]);
        const v1 = criterionValues(improved, 0, queryFor(improved, startup), new Float64Array(CRITERIA.length));
        for (const i of [0, 2, 4, 5, 6]) expect(v1[i], CRITERIA[i]).to.be.at.least(v0[i]! - 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('same inputs, same order, whatever order the mentors were indexed in; the top-k scan equals a full sort', () => {
    fc.assert(
      fc.property(fc.array(mentorArb, { minLength: 1, maxLength: 40 }), startupArb, weightsArb, fc.integer({ min: 1, max: 15 }), fc.integer(), (specs, startup, weights, limit, seed) => {
        const order = specs.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 97) - ((b * 7919 + seed) % 97) || a - b);
        const one = indexOf(specs);
        const other = indexOf(specs, order);
        const idsOf = (index: CandidateIndex) =>
          rank(index, queryFor(index, startup), weights, { limit, explainExcluded: false, includeInactive: false }).ranked.map((r) => index.ids[r.slot]);
        expect(idsOf(other)).to.deep.equal(idsOf(one));

        const query = queryFor(one, startup);
        const w = normalizedWeights(weights);
        const reasons: ExclusionReason[] = [];
        const eligible = specs
          .map((_, slot) => slot)
          .filter((slot) => exclusionsOf(one, slot, query, reasons) === 0)
          .map((slot) => ({ id: one.ids[slot]!, score: scoreOf(criterionValues(one, slot, query, new Float64Array(CRITERIA.length)), w) }))
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
          .slice(0, limit)
          .map((m) => m.id);
        expect(idsOf(one)).to.deep.equal(eligible);
      }),
      { numRuns: 300 },
    );
  });

  it('a mentor is ranked exactly when no hard filter removes them; excluded ones carry every failing reason', () => {
    fc.assert(
      fc.property(fc.array(mentorArb, { minLength: 1, maxLength: 30 }), startupArb, (specs, startup) => {
        const index = indexOf(specs);
        const query = queryFor(index, startup);
        const result = rank(index, query, { ...DEFAULT_WEIGHTS }, { limit: 100, explainExcluded: true, includeInactive: true });
        const ranked = new Set(result.ranked.map((r) => r.slot));
        specs.forEach((spec, slot) => {
          const expected: string[] = [];
          if (spec.status !== 'active') expected.push('inactive');
          if (Math.min(spec.activeMentees, spec.maxActiveMentees) >= spec.maxActiveMentees) expected.push('at_capacity');
          if (!spec.languages.some((l) => startup.languages.includes(l))) expected.push('no_shared_language');
          if (!spec.free) expected.push('no_free_time');
          const servesMode = startup.mode === 'any' || (startup.mode === 'online' ? spec.mode !== 'offline' : spec.mode !== 'online' && spec.local);
          if (!servesMode) expected.push('mode_location');
          const excluded = result.excluded!.items.find((e) => e.slot === slot);
          expect(ranked.has(slot)).to.equal(expected.length === 0);
          expect(excluded?.reasons ?? []).to.deep.equal(expected);
        });
      }),
      { numRuns: 300 },
    );
  });

  const rarely = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);

  it('the bounded ranking (stops once no one left can reach the top) equals the full scan: same mentors, scores and count, before and after the index changes', () => {
    const STARTUP = '6c0000000000000000000001';
    fc.assert(
      fc.property(
        // Most mentors pass the hard filters, so the top fills and the bound has work to do.
        fc.array(fc.tuple(fc.oneof({ arbitrary: passingMentorArb, weight: 4 }, { arbitrary: mentorArb, weight: 1 }), rarely, rarely, fc.boolean()), { minLength: 1, maxLength: 80 }),
        startupArb.map((startup) => ({ ...startup, languages: ['vi'] })),
        weightsArb,
        fc.integer({ min: 0, max: 12 }),
        fc.record({ includeInactive: fc.boolean(), hideConflicts: fc.boolean() }),
        fc.array(fc.tuple(fc.nat(), mentorArb), { maxLength: 5 }),
        (mentors, startup, weights, limit, flags, changes) => {
          const index = new CandidateIndex();
          const featuresAt = (spec: MentorSpec, i: number, conflicted: boolean) => ({
            ...features(spec, i),
            conflicts: { startupIds: conflicted ? [STARTUP] : [], enterpriseCodes: [] },
          });
          // Each mentor twice when `twin` (equal scores, ordered by id), indexed last id first (slot order is not id order).
          const specs = mentors.flatMap(([spec, conflicted, asked, twin]) => Array.from({ length: twin ? 2 : 1 }, () => ({ spec, conflicted, asked })));
          for (let i = specs.length - 1; i >= 0; i--) index.upsert(featuresAt(specs[i]!.spec, i, specs[i]!.conflicted), NOW);
          const query = { ...queryFor(index, startup), requested: new Set(specs.flatMap(({ asked }, i) => (asked ? [features(specs[i]!.spec, i).id] : []))) };
          const options: RankOptions = { limit, explainExcluded: false, ...flags };
          const same = () => {
            const bounded = rankByBound(index, query, weights, options);
            const scanned = rankByScan(index, query, weights, options);
            expect(bounded.ranked.map((r) => [index.ids[r.slot], r.score])).to.deep.equal(scanned.ranked.map((r) => [index.ids[r.slot], r.score]));
            expect(bounded.considered).to.equal(scanned.considered);
          };
          same();
          // Changed, added and removed mentors: the bounded order is rebuilt, never served stale.
          for (const [at, spec] of changes) {
            const i = at % (specs.length + 1);
            if (at % 7 === 0 && i < specs.length) index.remove(features(specs[i]!.spec, i).id);
            else index.upsert(featuresAt(spec, i, false), NOW);
            same();
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

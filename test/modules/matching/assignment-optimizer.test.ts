/**
 * The cohort-wide assignment optimizer, pure (no database): exact against a
 * brute-force search on small cohorts, feasible and truthful on every input,
 * never below greedy, deterministic, and still exact when the top-T mentors
 * kept per startup do not contain the optimum (the certificate's path).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  greedyAssignment,
  optimalAssignment,
  type Assignment,
  type AssignmentProblem,
} from '../../../server/modules/matching/assignment-optimizer.js';

/** A problem given as a plain matrix, so that fast-check can build, shrink and print it. */
interface Cohort {
  demand: number[];
  capacity: number[];
  /** scores[s][m]: 0..1000, or -1 for an excluded pair. */
  scores: number[][];
}

function problemOf(cohort: Cohort): AssignmentProblem {
  return {
    startupCount: cohort.demand.length,
    mentorCount: cohort.capacity.length,
    demand: Int32Array.from(cohort.demand),
    capacity: Int32Array.from(cohort.capacity),
    score: (s, m) => cohort.scores[s]![m]!,
  };
}

/** Scores with many ties (a few fixed values) and many excluded pairs. */
const pairScore = fc.oneof(
  { arbitrary: fc.constant(-1), weight: 3 },
  { arbitrary: fc.constantFrom(0, 100, 500, 900, 1000), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 1000 }), weight: 3 },
);

function cohortArbitrary(size: { startups: [number, number]; mentors: [number, number]; demand: number; capacity: number }): fc.Arbitrary<Cohort> {
  return fc
    .record({
      startups: fc.integer({ min: size.startups[0], max: size.startups[1] }),
      mentors: fc.integer({ min: size.mentors[0], max: size.mentors[1] }),
    })
    .chain(({ startups, mentors }) =>
      fc.record({
        demand: fc.array(fc.integer({ min: 0, max: size.demand }), { minLength: startups, maxLength: startups }),
        capacity: fc.array(fc.integer({ min: 0, max: size.capacity }), { minLength: mentors, maxLength: mentors }),
        scores: fc.array(fc.array(pairScore, { minLength: mentors, maxLength: mentors }), { minLength: startups, maxLength: startups }),
      }),
    );
}

const smallCohort = cohortArbitrary({ startups: [1, 4], mentors: [1, 5], demand: 2, capacity: 3 });
const mediumCohort = cohortArbitrary({ startups: [30, 30], mentors: [60, 60], demand: 3, capacity: 3 });
/** More demand than room: the optimizer routes from the mentors' side. */
const scarceCohort = cohortArbitrary({ startups: [30, 30], mentors: [15, 15], demand: 3, capacity: 3 });

/** The same cohort with the roles swapped: mentors demand, startups offer room. */
const transposed = (cohort: Cohort): Cohort => ({
  demand: cohort.capacity,
  capacity: cohort.demand,
  scores: cohort.capacity.map((_, m) => cohort.demand.map((_, s) => cohort.scores[s]![m]!)),
});

/**
 * A cohort where everyone wants the same few mentors: a shared quality decides
 * most of the score, each mentor takes one startup, and some pairs are excluded.
 */
const contestedCohort = fc
  .record({
    startups: fc.integer({ min: 2, max: 30 }),
    mentors: fc.integer({ min: 2, max: 40 }),
    seed: fc.integer(),
  })
  .chain(({ startups, mentors }) =>
    fc.record({
      demand: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: startups, maxLength: startups }),
      capacity: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: mentors, maxLength: mentors }),
      quality: fc.array(fc.integer({ min: 0, max: 800 }), { minLength: mentors, maxLength: mentors }),
      fit: fc.array(fc.array(fc.integer({ min: -40, max: 200 }), { minLength: mentors, maxLength: mentors }), { minLength: startups, maxLength: startups }),
    }),
  )
  .map(({ demand, capacity, quality, fit }): Cohort => ({
    demand,
    capacity,
    scores: fit.map((row) => row.map((f, m) => (f < 0 ? -1 : quality[m]! + f))),
  }));

/** The best (total, then pair count) over every feasible assignment, by exhaustive search. */
function bruteForce(cohort: Cohort): { total: number; pairCount: number } {
  const capacityLeft = [...cohort.capacity];
  const startupCount = cohort.demand.length;
  let best = { total: -1, pairCount: -1 };
  const visit = (s: number, total: number, pairCount: number): void => {
    if (s === startupCount) {
      if (total > best.total || (total === best.total && pairCount > best.pairCount)) best = { total, pairCount };
      return;
    }
    // Every set of at most demand[s] distinct eligible mentors with room, in increasing index order.
    const choose = (from: number, left: number, total: number, pairCount: number): void => {
      visit(s + 1, total, pairCount);
      if (left === 0) return;
      for (let m = from; m < capacityLeft.length; m++) {
        const score = cohort.scores[s]![m]!;
        if (score < 0 || capacityLeft[m] === 0) continue;
        capacityLeft[m]!--;
        choose(m + 1, left - 1, total + score, pairCount + 1);
        capacityLeft[m]!++;
      }
    };
    choose(0, cohort.demand[s]!, total, pairCount);
  };
  visit(0, 0, 0);
  return best;
}

/** Every rule an assignment must keep, checked from the cohort itself. */
function expectFeasibleAndTruthful(cohort: Cohort, assignment: Assignment): void {
  const startupCount = cohort.demand.length;
  expect(assignment.mentorsOf).to.have.length(startupCount);
  expect(assignment.unserved).to.have.length(startupCount);
  const used = new Array<number>(cohort.capacity.length).fill(0);
  let total = 0;
  let pairCount = 0;
  for (let s = 0; s < startupCount; s++) {
    const mentors = [...assignment.mentorsOf[s]!];
    expect(mentors.length, `startup ${s} over its demand`).to.be.at.most(cohort.demand[s]!);
    expect(new Set(mentors).size, `startup ${s} has a mentor twice`).to.equal(mentors.length);
    expect(assignment.unserved[s], `unserved[${s}]`).to.equal(cohort.demand[s]! - mentors.length);
    for (const m of mentors) {
      expect(m).to.be.within(0, cohort.capacity.length - 1);
      const score = cohort.scores[s]![m]!;
      expect(score, `excluded pair (${s}, ${m}) used`).to.be.at.least(0);
      used[m]!++;
      total += score;
      pairCount++;
    }
    // Best score first; ties: lower mentor index first.
    for (let i = 1; i < mentors.length; i++) {
      const [previous, current] = [mentors[i - 1]!, mentors[i]!];
      const [previousScore, currentScore] = [cohort.scores[s]![previous]!, cohort.scores[s]![current]!];
      expect(previousScore > currentScore || (previousScore === currentScore && previous < current), `order of startup ${s}`).to.equal(true);
    }
  }
  for (let m = 0; m < cohort.capacity.length; m++) expect(used[m], `mentor ${m} over capacity`).to.be.at.most(cohort.capacity[m]!);
  expect(assignment.total).to.equal(total);
  expect(assignment.pairCount).to.equal(pairCount);
}

const plain = (assignment: Assignment) => ({
  mentorsOf: assignment.mentorsOf.map((mentors) => [...mentors]),
  total: assignment.total,
  pairCount: assignment.pairCount,
  unserved: [...assignment.unserved],
});

describe('matching: cohort-wide assignment optimizer', () => {
  it('optimal: equals a brute-force search over every feasible assignment (total, then pair count), whatever T', () => {
    fc.assert(
      fc.property(smallCohort, fc.integer({ min: 1, max: 6 }), (cohort, candidatesPerStartup) => {
        const best = bruteForce(cohort);
        for (const optimal of [optimalAssignment(problemOf(cohort)), optimalAssignment(problemOf(cohort), { candidatesPerStartup })]) {
          expect({ total: optimal.total, pairCount: optimal.pairCount }).to.deep.equal(best);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('optimal and greedy: never exceed a mentor’s capacity or a startup’s demand, never use an excluded pair or a pair twice, and report unserved and total truthfully', () => {
    fc.assert(
      fc.property(fc.oneof(smallCohort, mediumCohort, scarceCohort, contestedCohort), (cohort) => {
        expectFeasibleAndTruthful(cohort, optimalAssignment(problemOf(cohort)));
        expectFeasibleAndTruthful(cohort, optimalAssignment(problemOf(cohort), { candidatesPerStartup: 1 }));
        expectFeasibleAndTruthful(cohort, greedyAssignment(problemOf(cohort)));
      }),
      { numRuns: 300 },
    );
  });

  it('optimal: total at least greedy’s on 30 × 60 and 30 × 15 cohorts, and the same total and pair count as a solve on the full graph', () => {
    fc.assert(
      fc.property(fc.oneof(mediumCohort, scarceCohort), (cohort) => {
        const optimal = optimalAssignment(problemOf(cohort));
        // Rows are per startup or, routed from the mentors' side, per mentor: T covers both in full.
        const everyPair = Math.max(cohort.demand.length, cohort.capacity.length);
        const fullGraph = optimalAssignment(problemOf(cohort), { candidatesPerStartup: everyPair });
        expect(optimal.total).to.be.at.least(greedyAssignment(problemOf(cohort)).total);
        expect({ total: optimal.total, pairCount: optimal.pairCount }).to.deep.equal({ total: fullGraph.total, pairCount: fullGraph.pairCount });
      }),
      { numRuns: 60 },
    );
  });

  it('optimal: the same total and pair count with startups and mentors swapped (routed from either side)', () => {
    fc.assert(
      fc.property(fc.oneof(smallCohort, mediumCohort, scarceCohort, contestedCohort), fc.integer({ min: 1, max: 4 }), (cohort, candidatesPerStartup) => {
        const optimal = optimalAssignment(problemOf(cohort), { candidatesPerStartup });
        const swapped = optimalAssignment(problemOf(transposed(cohort)), { candidatesPerStartup });
        expectFeasibleAndTruthful(transposed(cohort), swapped);
        expect({ total: swapped.total, pairCount: swapped.pairCount }).to.deep.equal({ total: optimal.total, pairCount: optimal.pairCount });
      }),
      { numRuns: 150 },
    );
  });

  it('optimal and greedy: deterministic — the same input twice gives identical results', () => {
    fc.assert(
      fc.property(fc.oneof(smallCohort, mediumCohort, contestedCohort), (cohort) => {
        expect(plain(optimalAssignment(problemOf(cohort)))).to.deep.equal(plain(optimalAssignment(problemOf(cohort))));
        expect(plain(optimalAssignment(problemOf(cohort), { candidatesPerStartup: 1 }))).to.deep.equal(
          plain(optimalAssignment(problemOf(cohort), { candidatesPerStartup: 1 })),
        );
        expect(plain(greedyAssignment(problemOf(cohort)))).to.deep.equal(plain(greedyAssignment(problemOf(cohort))));
      }),
      { numRuns: 100 },
    );
  });

  it('greedy: the same pairs as a plain sort of every eligible pair (score desc, then startup, then mentor)', () => {
    fc.assert(
      fc.property(fc.oneof(smallCohort, mediumCohort, contestedCohort), (cohort) => {
        const pairs: { s: number; m: number; score: number }[] = [];
        cohort.scores.forEach((row, s) => row.forEach((score, m) => score >= 0 && pairs.push({ s, m, score })));
        pairs.sort((a, b) => b.score - a.score || a.s - b.s || a.m - b.m);
        const demandLeft = [...cohort.demand];
        const capacityLeft = [...cohort.capacity];
        const expected: number[][] = cohort.demand.map(() => []);
        for (const { s, m } of pairs) {
          if (demandLeft[s]! > 0 && capacityLeft[m]! > 0) {
            demandLeft[s]!--;
            capacityLeft[m]!--;
            expected[s]!.push(m);
          }
        }
        expect(plain(greedyAssignment(problemOf(cohort))).mentorsOf).to.deep.equal(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('mentorsOf: best score first, ties by lower mentor index', () => {
    const cohort: Cohort = { demand: [3], capacity: [1, 1, 1, 1], scores: [[700, 900, 700, 100]] };
    expect(plain(optimalAssignment(problemOf(cohort))).mentorsOf).to.deep.equal([[1, 0, 2]]);
    expect(plain(greedyAssignment(problemOf(cohort))).mentorsOf).to.deep.equal([[1, 0, 2]]);
  });

  it('greedy: strictly worse than optimal when the best pair blocks a startup’s only option (900 vs 1650)', () => {
    // Startup 0 likes mentor 0 most (900) but also mentor 1 (800); startup 1 can only have mentor 0 (850).
    const cohort: Cohort = { demand: [1, 1], capacity: [1, 1], scores: [[900, 800], [850, -1]] };
    const greedy = greedyAssignment(problemOf(cohort));
    const optimal = optimalAssignment(problemOf(cohort));
    expect(plain(greedy)).to.deep.equal({ mentorsOf: [[0], []], total: 900, pairCount: 1, unserved: [0, 1] });
    expect(plain(optimal)).to.deep.equal({ mentorsOf: [[1], [0]], total: 1650, pairCount: 2, unserved: [0, 0] });
  });

  it('optimal: maximises the total first, even when that leaves a startup unserved; then takes pairs scoring 0', () => {
    // Serving startup 1 (600 with mentor 0) would move startup 0 to a 0-score mentor: 600 < 1000.
    const totalFirst: Cohort = { demand: [1, 1], capacity: [1, 1], scores: [[1000, 0], [600, -1]] };
    expect(plain(optimalAssignment(problemOf(totalFirst)))).to.deep.equal({ mentorsOf: [[0], []], total: 1000, pairCount: 1, unserved: [0, 1] });
    // A 0-score pair costs the total nothing and adds a pair: taken.
    const zeroPair: Cohort = { demand: [2], capacity: [1, 1], scores: [[0, 400]] };
    expect(plain(optimalAssignment(problemOf(zeroPair)))).to.deep.equal({ mentorsOf: [[1, 0]], total: 400, pairCount: 2, unserved: [0] });
  });

  it('optimal: exact when the top-T mentors alone are not optimal (the certificate adds the pruned pairs it needs)', () => {
    // Five startups, one mentor each; all rank mentor 0 first, so with T = 1 the subgraph can serve only one of them.
    const cohort: Cohort = {
      demand: [1, 1, 1, 1, 1],
      capacity: [1, 1, 1, 1, 1],
      scores: [
        [1000, 900, 100, 100, 100],
        [990, 100, 880, 100, 100],
        [980, 100, 100, 870, 100],
        [970, 100, 100, 100, 860],
        [960, 100, 100, 100, 100],
      ],
    };
    const topOnly: Cohort = { ...cohort, scores: cohort.scores.map((row) => row.map((score, m) => (m === 0 ? score : -1))) };
    expect(bruteForce(topOnly)).to.deep.equal({ total: 1000, pairCount: 1 });
    expect(bruteForce(cohort)).to.deep.equal({ total: 900 + 880 + 870 + 860 + 960, pairCount: 5 });
    const optimal = optimalAssignment(problemOf(cohort), { candidatesPerStartup: 1 });
    expect(plain(optimal)).to.deep.equal({ mentorsOf: [[1], [2], [3], [4], [0]], total: 4470, pairCount: 5, unserved: [0, 0, 0, 0, 0] });
  });

  it('optimal: exact on contested cohorts with T = 1 or 2, against brute force when small and the full graph otherwise', () => {
    fc.assert(
      fc.property(contestedCohort, fc.integer({ min: 1, max: 2 }), (cohort, candidatesPerStartup) => {
        const pruned = optimalAssignment(problemOf(cohort), { candidatesPerStartup });
        const small = cohort.demand.length <= 4 && cohort.capacity.length <= 6;
        const exact = small ? bruteForce(cohort) : optimalAssignment(problemOf(cohort), { candidatesPerStartup: cohort.capacity.length });
        expect({ total: pruned.total, pairCount: pruned.pairCount }).to.deep.equal({ total: exact.total, pairCount: exact.pairCount });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a score outside 0..1000 or -1, and demand or capacity of the wrong length', () => {
    const cohort: Cohort = { demand: [1], capacity: [1], scores: [[1001]] };
    expect(() => optimalAssignment(problemOf(cohort))).to.throw(RangeError, /score\(0, 0\) = 1001/);
    expect(() => greedyAssignment(problemOf({ ...cohort, scores: [[0.5]] }))).to.throw(RangeError);
    expect(() => optimalAssignment({ ...problemOf({ ...cohort, scores: [[10]] }), startupCount: 2 })).to.throw(RangeError, /demand/);
  });

  it('optimal: a capacity or demand beyond what is reachable ("no limit") changes nothing but unserved', () => {
    const cohort: Cohort = { demand: [5, 1], capacity: [1_000_000_000, 2], scores: [[800, 300], [700, -1]] };
    expect(plain(optimalAssignment(problemOf(cohort)))).to.deep.equal({ mentorsOf: [[0, 1], [0]], total: 1800, pairCount: 3, unserved: [3, 0] });
    expect(plain(optimalAssignment(problemOf(transposed(cohort))))).to.deep.equal({ mentorsOf: [[0, 1], [0]], total: 1800, pairCount: 3, unserved: [999_999_998, 1] });
  });

  it('an empty cohort, or one without demand or capacity, gets an empty assignment', () => {
    for (const cohort of [
      { demand: [], capacity: [], scores: [] },
      { demand: [0, 0], capacity: [2], scores: [[500], [600]] },
      { demand: [2], capacity: [0, 0], scores: [[500, 600]] },
    ] satisfies Cohort[]) {
      for (const assignment of [optimalAssignment(problemOf(cohort)), greedyAssignment(problemOf(cohort))]) {
        expect(assignment.total).to.equal(0);
        expect(assignment.pairCount).to.equal(0);
        expect([...assignment.unserved]).to.deep.equal(cohort.demand);
      }
    }
  });
});

/**
 * A cohort's assignment problem in the optimiser's terms: every admitted
 * startup against every mentor of the candidate index, each pair scored
 * once into a matrix (tenths of a point; −1 where a hard filter excludes
 * it), each startup's demand (mentors still to find, counting those it
 * already has or asked) and each mentor's free places.
 */
import { STATUS_CODES, type CandidateIndex } from './candidate-index.js';
import type { AssignmentProblem } from './assignment-optimizer.js';
import type { MatchSubject } from './match-subjects.js';
import { CRITERIA, criterionValues, EXCLUSION_REASONS, exclusionsOf, normalizedWeights, scoreOf, type ExclusionReason, type MatchQuery } from './scoring.js';
import { matchQueryFor } from './usecases/rank-mentors.js';

export interface CohortProblem {
  problem: AssignmentProblem;
  /** Index slot of each mentor column. */
  slots: Int32Array;
  queries: MatchQuery[];
  /** Per startup: how many mentors each hard filter excluded. */
  exclusions: Array<Record<ExclusionReason, number>>;
  /** Per startup: mentors no hard filter excluded. */
  eligible: Int32Array;
}

export function buildCohortProblem(index: CandidateIndex, subjects: readonly MatchSubject[], mentorsPerStartup: number): CohortProblem {
  const slots: number[] = [];
  for (let slot = 0; slot < index.size; slot++) if (!index.removed[slot] && index.status[slot] === STATUS_CODES.active) slots.push(slot);
  const mentorCount = slots.length;
  const startupCount = subjects.length;
  const scores = new Int16Array(startupCount * mentorCount);
  const values = new Float64Array(CRITERIA.length);
  const reasons: ExclusionReason[] = [];
  const queries = subjects.map((subject) => matchQueryFor(index, subject, subject.needs, 'any'));
  const exclusions = subjects.map(() => Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>);
  const eligible = new Int32Array(startupCount);
  const demand = new Int32Array(startupCount);

  for (let s = 0; s < startupCount; s++) {
    const subject = subjects[s]!;
    const query = queries[s]!;
    const weights = normalizedWeights(subject.weights);
    const have = new Set([...subject.mentoring, ...subject.requested]).size;
    demand[s] = Math.max(0, mentorsPerStartup - have);
    const row = s * mentorCount;
    for (let m = 0; m < mentorCount; m++) {
      const slot = slots[m]!;
      if (exclusionsOf(index, slot, query, reasons) > 0) {
        scores[row + m] = -1;
        for (const reason of reasons) exclusions[s]![reason]++;
        continue;
      }
      eligible[s]!++;
      scores[row + m] = Math.round(10 * scoreOf(criterionValues(index, slot, query, values), weights));
    }
  }
  const capacity = Int32Array.from(slots, (slot) => Math.max(0, index.maxActiveMentees[slot]! - index.activeMentees[slot]!));
  return {
    problem: { startupCount, mentorCount, demand, capacity, score: (s, m) => scores[s * mentorCount + m]! },
    slots: Int32Array.from(slots),
    queries,
    exclusions,
    eligible,
  };
}

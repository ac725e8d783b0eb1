import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { managedCohort } from '../../cohorts/cohort-access.js';
import { withDefaultWeights } from '../../cohorts/matching-weights.js';
import { activeStartupIdsOfCohort } from '../../cohorts/usecases/active-cohorts-of-startup.js';
import { greedyAssignment, optimalAssignment } from '../assignment-optimizer.js';
import { buildCohortProblem } from '../assignment-problem.js';
import { candidateIndex } from '../candidate-index-sync.js';
import type { ProposeAssignmentDto } from '../dto/proposal.dto.js';
import { reasonFor } from '../match-reasons.js';
import { loadSubjects } from '../match-subjects.js';
import { proposalsRepository, type ProposalPair, type ProposalRecord } from '../proposals.repository.js';
import { CRITERIA, criterionValues, normalizedWeights } from '../scoring.js';

const tenths = (n: number) => Math.round(n) / 10;

/**
 * A manager asks for a cohort-wide proposal (SPEC §4): every startup active
 * in the cohort gets up to `mentorsPerStartup` mentors (counting those it
 * has or asked), within every mentor's free places and the hard filters,
 * with the highest total score — exactly (assignment-optimizer.ts) — and
 * the greedy total beside it. Startups left short are listed with why.
 * Nothing is requested until the manager applies it.
 */
export async function proposeAssignment(actor: AuthUser, cohortId: string, input: ProposeAssignmentDto): Promise<ProposalRecord> {
  const cohort = await managedCohort(actor, cohortId);
  const startupIds = await activeStartupIdsOfCohort(cohort._id);
  const [index, subjects] = await Promise.all([candidateIndex.index(), loadSubjects(startupIds, withDefaultWeights(cohort.weights), cohortId)]);

  const startedAt = performance.now();
  const built = buildCohortProblem(index, subjects, input.mentorsPerStartup);
  const optimal = optimalAssignment(built.problem);
  const greedy = greedyAssignment(built.problem);
  const computeMs = Math.round(performance.now() - startedAt);

  const pairs: ProposalPair[] = [];
  const values = new Float64Array(CRITERIA.length);
  subjects.forEach((subject, s) => {
    const weights = normalizedWeights(subject.weights);
    for (const m of optimal.mentorsOf[s]!) {
      const slot = built.slots[m]!;
      criterionValues(index, slot, built.queries[s]!, values);
      pairs.push({
        startupId: new mongoose.Types.ObjectId(subject.startupId),
        mentorId: new mongoose.Types.ObjectId(index.ids[slot]!),
        startupName: subject.name,
        mentorName: index.names[slot]!,
        score: tenths(built.problem.score(s, m)),
        reason: reasonFor(index, slot, built.queries[s]!, values, weights),
      });
    }
  });
  const unserved = subjects.flatMap((subject, s) => {
    const missing = optimal.unserved[s]!;
    if (missing === 0) return [];
    const eligibleMentors = built.eligible[s]!;
    const exclusions = Object.fromEntries(Object.entries(built.exclusions[s]!).filter(([, n]) => n > 0));
    // Too few mentors pass the filters at all, or enough pass but their places went to better-scoring pairs.
    const why = eligibleMentors < built.problem.demand[s]! ? 'too_few_eligible' : 'capacity_used_elsewhere';
    return [{ startupId: new mongoose.Types.ObjectId(subject.startupId), startupName: subject.name, missing, eligibleMentors, why, exclusions }];
  });

  return proposalsRepository.create({
    cohortId: cohort._id,
    createdBy: new mongoose.Types.ObjectId(actor.id),
    mentorsPerStartup: input.mentorsPerStartup,
    pairs,
    total: tenths(optimal.total),
    optimalTotal: tenths(optimal.total),
    greedyTotal: tenths(greedy.total),
    unserved,
    computeMs,
  });
}

import type mongoose from 'mongoose';
import { admissionsRepository } from '../admissions.repository.js';
import { cohortsRepository } from '../cohorts.repository.js';
import { withDefaultWeights, type MatchingWeights } from '../matching-weights.js';

/** A cohort a startup is active in, as matching and mentor requests need it. */
export interface StartupCohort {
  cohortId: string;
  managerIds: string[];
  /** The cohort's matching weights, defaults filled in. */
  weights: MatchingWeights;
  admittedAt: Date;
}

/** The cohorts a startup is active in, most recent admission first (its weights apply to matching). */
export async function activeCohortsOfStartup(startupId: string): Promise<StartupCohort[]> {
  const admissions = await admissionsRepository.findActiveByStartup(startupId);
  const cohorts = await Promise.all(admissions.map((admission) => cohortsRepository.findById(admission.cohortId.toHexString())));
  return admissions
    .map((admission, i) => ({ admission, cohort: cohorts[i] }))
    .filter((row) => row.cohort !== undefined)
    .map(({ admission, cohort }) => ({
      cohortId: cohort!._id.toHexString(),
      managerIds: cohort!.managerIds.map((id) => id.toHexString()),
      weights: withDefaultWeights(cohort!.weights),
      admittedAt: admission.admittedAt,
    }))
    .sort((a, b) => b.admittedAt.getTime() - a.admittedAt.getTime());
}

/** Startups active in a cohort this manager manages: what a manager follows. */
export async function startupIdsManagedBy(managerId: string): Promise<string[]> {
  return admissionsRepository.activeStartupIdsIn(await cohortsRepository.idsManagedBy(managerId));
}

/** Startups active in one cohort. */
export async function activeStartupIdsOfCohort(cohortId: mongoose.Types.ObjectId): Promise<string[]> {
  return admissionsRepository.activeStartupIdsIn([cohortId]);
}

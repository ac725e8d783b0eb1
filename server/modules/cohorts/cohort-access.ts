/**
 * Loading a cohort on behalf of a caller: the visibility and management
 * rules of cohorts.policy.ts applied, with the lookups they need.
 */
import type { AuthUser } from '../../core/auth/auth-user.js';
import { Forbidden, NotFound } from '../../core/errors.js';
import { startupsRepository } from '../startups/startups.repository.js';
import { admissionsRepository } from './admissions.repository.js';
import { cohortsPolicy } from './cohorts.policy.js';
import { cohortsRepository, type CohortRecord } from './cohorts.repository.js';

/** Ids of the startups the caller is a member of. */
export async function ownStartupIds(actor: AuthUser): Promise<string[]> {
  return startupsRepository.idsWithMember(actor.id);
}

const cohortNotFound = () => new NotFound('cohort_not_found', 'No cohort with this id.');

/** Whether the caller may see this cohort (staff: all; founders: where one of their startups was admitted). */
async function canSeeCohort(actor: AuthUser, cohort: CohortRecord): Promise<boolean> {
  const founderWasAdmitted = cohortsPolicy.seesOnlyAdmittedCohorts(actor)
    ? await admissionsRepository.anyAdmitted(cohort._id, await ownStartupIds(actor))
    : false;
  return cohortsPolicy.canRead(actor, founderWasAdmitted);
}

/** The cohort if the caller may see it; 404 otherwise. */
export async function visibleCohort(actor: AuthUser, id: string): Promise<CohortRecord> {
  const cohort = await cohortsRepository.findById(id);
  if (!cohort || !(await canSeeCohort(actor, cohort))) throw cohortNotFound();
  return cohort;
}

/** The cohort if the caller manages it; 404 when they cannot see it, 403 when they see it but do not manage it. */
export async function managedCohort(actor: AuthUser, id: string): Promise<CohortRecord> {
  return assertManages(actor, await cohortsRepository.findById(id));
}

/**
 * The same check on a cohort already read (undefined: there is none):
 * managers pass without another query; others are told 403 or 404.
 */
export async function assertManages(actor: AuthUser, cohort: CohortRecord | undefined): Promise<CohortRecord> {
  if (cohort && cohortsPolicy.canManage(actor, cohort)) return cohort;
  if (!cohort || !(await canSeeCohort(actor, cohort))) throw cohortNotFound();
  throw new Forbidden('not_cohort_manager', 'Only this cohort’s managers or an admin may do this.');
}

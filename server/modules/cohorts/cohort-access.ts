/**
 * Loading a cohort on behalf of a caller: the visibility and management
 * rules of cohorts.policy.ts applied, with the lookups they need.
 */
import type { AuthUser } from '../../core/auth/auth-user.js';
import { Forbidden, NotFound } from '../../core/http/errors.js';
import { startupsRepository } from '../startups/startups.repository.js';
import { admissionsRepository } from './admissions.repository.js';
import { cohortsPolicy } from './cohorts.policy.js';
import { cohortsRepository, type CohortRecord } from './cohorts.repository.js';

/** Ids of the startups the caller is a member of. */
export async function ownStartupIds(actor: AuthUser): Promise<string[]> {
  return (await startupsRepository.idsWithMember(actor.id)).map((id) => id.toHexString());
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
  const cohort = await visibleCohort(actor, id);
  if (!cohortsPolicy.canManage(actor, cohort)) {
    throw new Forbidden('not_cohort_manager', 'Only this cohort’s managers or an admin may do this.');
  }
  return cohort;
}

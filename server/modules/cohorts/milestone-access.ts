/**
 * Who may follow (read and update) one admission's milestones: the
 * startup's members, the cohort's managers, admins. Staff who are none of
 * these can see cohorts and startups anyway, so they get 403; anyone else
 * gets 404 so that ids do not leak.
 */
import { isStaff, type AuthUser } from '../../core/auth/auth-user.js';
import { Forbidden, NotFound, type AppError } from '../../core/errors.js';
import type { AdmissionRecord } from './admissions.repository.js';
import { cohortsRepository, type CohortRecord } from './cohorts.repository.js';
import { startupsRepository, type StartupRecord } from '../startups/startups.repository.js';
import { milestonesPolicy } from './milestones.policy.js';

export interface MilestoneScope {
  admission: AdmissionRecord;
  cohort: CohortRecord;
  startup: StartupRecord;
}

/** The admission's cohort and startup, if the caller may follow its milestones; `notFound` is thrown to those who may not see them. */
export async function followedScope(actor: AuthUser, admission: AdmissionRecord, notFound: () => AppError): Promise<MilestoneScope> {
  const [cohort, startup] = await Promise.all([
    cohortsRepository.findById(admission.cohortId.toHexString()),
    startupsRepository.findById(admission.startupId.toHexString()),
  ]);
  if (!cohort || !startup) throw notFound();
  if (!milestonesPolicy.canFollow(actor, cohort, startup)) {
    if (isStaff(actor)) throw new Forbidden('not_cohort_manager', 'Only the startup’s team, this cohort’s managers or an admin may do this.');
    throw notFound();
  }
  return { admission, cohort, startup };
}

export const milestoneNotFound = () => new NotFound('milestone_not_found', 'No milestone with this id.');

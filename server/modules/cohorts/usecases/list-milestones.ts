import type { AuthUser } from '../../../core/auth/auth-user.js';
import { NotFound } from '../../../core/errors.js';
import { admissionsRepository } from '../admissions.repository.js';
import type { ListMilestonesQuery } from '../dto/list-milestones.query.js';
import { followedScope } from '../milestone-access.js';
import { milestonesRepository, type MilestoneRecord } from '../milestones.repository.js';

const admissionNotFound = () => new NotFound('admission_not_found', 'This startup has no admission to this cohort.');

/** One startup's milestones in one cohort, in template order, for its team, the cohort's managers and admins. */
export async function listMilestones(actor: AuthUser, query: ListMilestonesQuery): Promise<MilestoneRecord[]> {
  const admission = await admissionsRepository.findByPair(query.cohortId, query.startupId);
  if (!admission) throw admissionNotFound();
  // Read the milestones while the access check reads the cohort and the startup; shown only if it passes.
  const [, milestones] = await Promise.all([followedScope(actor, admission, admissionNotFound), milestonesRepository.findByAdmission(admission._id)]);
  return milestones;
}

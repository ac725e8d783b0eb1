import type { AuthUser } from '../../../core/auth/auth-user.js';
import { admissionsRepository } from '../admissions.repository.js';
import { followedScope, milestoneNotFound } from '../milestone-access.js';
import { milestonesRepository, type MilestoneRecord } from '../milestones.repository.js';

/** One milestone, for its startup's team, the cohort's managers and admins. */
export async function getMilestone(actor: AuthUser, id: string): Promise<MilestoneRecord> {
  const milestone = await milestonesRepository.findById(id);
  const admission = milestone && (await admissionsRepository.findById(milestone.admissionId));
  if (!milestone || !admission) throw milestoneNotFound();
  await followedScope(actor, admission, milestoneNotFound);
  return milestone;
}

import { admissionsRepository } from '../admissions.repository.js';
import { milestonesRepository, type MilestoneRecord } from '../milestones.repository.js';

/**
 * A startup's milestones in every cohort it is active in, oldest admission
 * first, each in template order. No access check: the caller's module has
 * decided who may see them (sessions: the parties of one of its sessions,
 * so that a mentor can name one in an action item).
 */
export async function milestonesOfStartup(startupId: string): Promise<MilestoneRecord[]> {
  const admissions = await admissionsRepository.findActiveByStartup(startupId);
  return (await Promise.all(admissions.map((admission) => milestonesRepository.findByAdmission(admission._id)))).flat();
}

import type { AuthUser } from '../../../core/auth/auth-user.js';
import { milestonesRepository } from '../../milestones/milestones.repository.js';
import { startupsRepository } from '../../startups/startups.repository.js';
import { admissionsRepository } from '../admissions.repository.js';
import { buildBoard } from '../cohort-board.js';
import type { CohortBoardView } from '../cohort-board.view.js';
import { managedCohort } from '../cohort-access.js';

/**
 * The board of one cohort for its managers and admins: each admitted
 * startup's progress, overdue items and next due date, plus totals.
 * 404 to those who cannot see the cohort, 403 to those who see it but do not manage it.
 */
export async function getCohortBoard(actor: AuthUser, cohortId: string, today: string): Promise<CohortBoardView> {
  const cohort = await managedCohort(actor, cohortId);
  const [admissions, milestones] = await Promise.all([
    admissionsRepository.findByCohort(cohort._id),
    milestonesRepository.factsByCohort(cohort._id),
  ]);
  const startups = await startupsRepository.findByIds(admissions.map((a) => a.startupId.toHexString()));
  const startupNames = new Map(startups.map((s) => [s._id.toHexString(), s.name]));
  return buildBoard({ cohort, admissions, startupNames, milestones, today });
}

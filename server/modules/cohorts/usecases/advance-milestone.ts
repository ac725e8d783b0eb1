/**
 * A milestone moved forward by something done elsewhere — an action item
 * from a mentoring session, marked done (sessions/usecases/mark-action-item.ts).
 *
 * The authority is the action item's, not the caller's: its mentor named
 * this startup's milestone, and whoever may tick the item (the mentor, the
 * startup's team, an admin) sets the move off. Everything else is the
 * milestone route's: the same transition rules (`assertMayMove`), only while
 * the admission is active, one guarded update on the revision read
 * (`commitMilestoneChange`), the same `milestone.updated` event and history
 * entry (by the caller).
 *
 * It never throws for a rule: it answers what happened — moved, already
 * there (or past it: an action item never reopens a done milestone), or
 * refused with the problem code the milestone route would have given. A
 * concurrent change of the milestone is read again and judged afresh, up to
 * three times.
 */
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { AppError } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { admissionsRepository } from '../admissions.repository.js';
import { cohortsRepository } from '../cohorts.repository.js';
import type { MilestoneState } from '../milestone.model.js';
import { milestonesRepository, type MilestoneRecord } from '../milestones.repository.js';
import { admissionNotActive, assertMayMove, commitMilestoneChange } from './update-milestone.js';

export type MilestoneAdvance =
  | { outcome: 'moved' | 'already_there'; milestone: MilestoneRecord }
  /** `reason`: a problem code (`invalid_transition`, `admission_not_active`, `milestone_not_found`, `concurrent_update`, …). */
  | { outcome: 'refused'; reason: string; milestone: MilestoneRecord | undefined };

const ATTEMPTS = 3;

/** Forward only: `in_progress` is reached by a milestone that is done too. */
const reached = (state: MilestoneState, to: 'in_progress' | 'done') => state === to || (to === 'in_progress' && state === 'done');

/** Moves the startup's milestone `milestoneId` to `to`, unless it is there already or a rule says no. */
export async function advanceMilestone(
  actor: AuthUser,
  target: { milestoneId: string; startupId: string; to: 'in_progress' | 'done' },
  deps: UseCaseDeps,
): Promise<MilestoneAdvance> {
  for (let attempt = 1; ; attempt++) {
    const milestone = await milestonesRepository.findById(target.milestoneId);
    const admission = milestone && (await admissionsRepository.findById(milestone.admissionId));
    if (!milestone || !admission || milestone.startupId.toHexString() !== target.startupId) return { outcome: 'refused', reason: 'milestone_not_found', milestone: undefined };
    if (admission.status !== 'active') return { outcome: 'refused', reason: admissionNotActive(admission.status).code, milestone };
    if (reached(milestone.state, target.to)) return { outcome: 'already_there', milestone };
    try {
      const cohort = await cohortsRepository.findById(milestone.cohortId.toHexString());
      assertMayMove(actor, { managerIds: cohort?.managerIds ?? [] }, milestone.state, target.to);
      return { outcome: 'moved', milestone: await commitMilestoneChange(actor, milestone, { state: target.to }, deps) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'concurrent_update' && attempt < ATTEMPTS) continue;
      return { outcome: 'refused', reason: error.code, milestone: (await milestonesRepository.findById(target.milestoneId)) ?? milestone };
    }
  }
}

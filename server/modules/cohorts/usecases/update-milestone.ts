import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden, Invalid, RuleViolated } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { admissionsRepository } from '../admissions.repository.js';
import type { UpdateMilestoneDto } from '../dto/update-milestone.dto.js';
import type { MilestoneState } from '../milestone.model.js';
import type { CohortManagers } from '../cohorts.policy.js';
import { followedScope, milestoneNotFound } from '../milestone-access.js';
import { isAllowedTransition, milestonesPolicy, touchesWaived, TRANSITIONS } from '../milestones.policy.js';
import { milestonesRepository, type MilestoneRecord } from '../milestones.repository.js';

export interface Wanted {
  /** The new state, when it differs from the current one. */
  state?: MilestoneState;
  /** The new note, when it differs from the current one. */
  note?: string;
}

/** What the patch would actually change; sending the current value changes nothing. */
function wantedChange(milestone: MilestoneRecord, patch: UpdateMilestoneDto): Wanted {
  return {
    ...(patch.state !== undefined && patch.state !== milestone.state ? { state: patch.state } : {}),
    ...(patch.note !== undefined && patch.note !== (milestone.note ?? '') ? { note: patch.note } : {}),
  };
}

/** The transition rules of every milestone move (this route's and an action item's, advance-milestone.ts). */
export function assertMayMove(actor: AuthUser, cohort: CohortManagers, from: MilestoneState, to: MilestoneState): void {
  if (!isAllowedTransition(from, to)) {
    throw new Conflict(
      'invalid_transition',
      `A ${from} milestone cannot become ${to}.`,
      [{ field: 'state', code: 'invalid_transition', message: `From ${from}: ${TRANSITIONS[from].join(', ')}.` }],
      { allowed: TRANSITIONS[from] },
    );
  }
  if (touchesWaived(from, to) && !milestonesPolicy.canWaive(actor, cohort)) {
    throw new Forbidden('waive_needs_manager', 'Only the cohort’s managers or an admin may waive a milestone or bring it back.');
  }
}

export function admissionNotActive(status: string): RuleViolated {
  return new RuleViolated('admission_not_active', `The startup’s admission is ${status}; its milestones no longer change.`, [], { admissionStatus: status });
}

/**
 * Moves a milestone along its states and/or replaces its note. Only while
 * the startup's admission is active: checked here, and by the update itself
 * once the ending admission has frozen its milestones. The change applies only to the
 * revision read, so of two concurrent updates exactly one applies; the
 * other gets 409 `concurrent_update` with the milestone's current state.
 */
export async function updateMilestone(
  actor: AuthUser,
  id: string,
  patch: UpdateMilestoneDto,
  deps: UseCaseDeps,
): Promise<MilestoneRecord> {
  if (patch.state === undefined && patch.note === undefined) {
    throw new Invalid('validation_failed', 'Send state, note or both.', [{ field: 'state', code: 'required', message: 'Send state, note or both.' }]);
  }
  const milestone = await milestonesRepository.findById(id);
  const admission = milestone && (await admissionsRepository.findById(milestone.admissionId));
  if (!milestone || !admission) throw milestoneNotFound();
  const scope = await followedScope(actor, admission, milestoneNotFound);
  if (admission.status !== 'active') throw admissionNotActive(admission.status);

  const wanted = wantedChange(milestone, patch);
  if (wanted.state === undefined && wanted.note === undefined) return milestone;
  if (wanted.state !== undefined) assertMayMove(actor, scope.cohort, milestone.state, wanted.state);
  return commitMilestoneChange(actor, milestone, wanted, deps);
}

/**
 * The change itself, shared with advance-milestone.ts: one guarded update
 * on the revision read (409 `concurrent_update` to the loser of a race,
 * 422 once the admission has frozen its milestones), then
 * `milestone.updated`. The caller has checked who may, and the transition.
 */
export async function commitMilestoneChange(actor: AuthUser, milestone: MilestoneRecord, wanted: Wanted, deps: UseCaseDeps): Promise<MilestoneRecord> {
  const change = await milestonesRepository.change(milestone, { to: wanted.state ?? milestone.state, note: wanted.note, at: deps.now(), by: actor.id });
  if (!change.applied && change.current?.frozen) {
    throw admissionNotActive((await admissionsRepository.findById(milestone.admissionId))?.status ?? 'ended');
  }
  if (!change.applied) {
    throw new Conflict('concurrent_update', 'Someone else changed this milestone at the same moment; reload it and try again.', [], {
      milestoneState: change.current?.state ?? null,
      revision: change.current?.revision ?? null,
    });
  }
  const updated = change.record;
  await deps.bus.emit('milestone.updated', {
    milestoneId: updated._id.toHexString(),
    cohortId: updated.cohortId.toHexString(),
    startupId: updated.startupId.toHexString(),
    changed: Object.keys(wanted),
    state: updated.state,
  });
  return updated;
}

/**
 * Ending an admission: active → withdrawn | graduated (a manager) or
 * aged_out (the eligibility sweep). Shared by those use cases so the
 * history entry and the event are written the same way.
 */
import type { AuthUser } from '../../core/auth/auth-user.js';
import { Conflict, NotFound } from '../../core/errors.js';
import type { UseCaseDeps } from '../../core/use-case-deps.js';
import type { AdmissionStatus } from './admission.model.js';
import { admissionsRepository, type AdmissionRecord } from './admissions.repository.js';
import { managedCohort } from './cohort-access.js';
import { milestonesRepository } from './milestones.repository.js';

/** Where an admission may go from `active`; every other status is final. */
export type EndStatus = Exclude<AdmissionStatus, 'active'>;

/**
 * Ends an active admission; undefined when it was not active any more (or
 * a racing move won). Emits `cohort.progressed` when it moved.
 */
export async function endAdmission(
  admission: AdmissionRecord,
  to: EndStatus,
  by: { userId: string | null; reason?: string },
  deps: UseCaseDeps,
): Promise<AdmissionRecord | undefined> {
  const moved = await admissionsRepository.end(admission._id, { to, at: deps.now(), by: by.userId, reason: by.reason });
  if (!moved.applied) return undefined;
  // A milestone change that read the admission as active may still be in flight; from here it is refused.
  await milestonesRepository.freezeAdmission(admission._id);
  await deps.bus.emit('cohort.progressed', { cohortId: admission.cohortId.toHexString(), startupId: admission.startupId.toHexString(), status: to });
  return moved.record;
}

/** A manager (or admin) ends a startup's admission to their cohort; 409 `invalid_transition` with the current status unless it is active. */
export async function endAdmissionAsManager(actor: AuthUser, cohortId: string, startupId: string, to: EndStatus, deps: UseCaseDeps): Promise<AdmissionRecord> {
  await managedCohort(actor, cohortId);
  const admission = await admissionsRepository.findByPair(cohortId, startupId);
  if (!admission) throw new NotFound('admission_not_found', 'This startup is not admitted to this cohort.');
  const ended = await endAdmission(admission, to, { userId: actor.id }, deps);
  if (ended) return ended;
  const current = (await admissionsRepository.findById(admission._id)) ?? admission;
  throw new Conflict('invalid_transition', `An admission that is ${current.status} cannot become ${to}; only active admissions end.`, [], {
    currentStatus: current.status,
  });
}

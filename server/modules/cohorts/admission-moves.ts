/**
 * Ending an admission: active → withdrawn | graduated (a manager) or
 * aged_out (the eligibility sweep). Shared by those use cases so the
 * ledger, the history entry and the event are written the same way.
 */
import type { AuthUser } from '../../core/auth/auth-user.js';
import type { EventBus } from '../../core/events/event-bus.js';
import { Conflict, NotFound } from '../../core/http/errors.js';
import type { AdmissionStatus } from './admission.model.js';
import { admissionsRepository, type AdmissionRecord } from './admissions.repository.js';
import { managedCohort } from './cohort-access.js';

export interface MoveDeps {
  bus: EventBus;
  now(): Date;
}

/** Where an admission may go from `active`; every other status is final. */
export type EndStatus = Exclude<AdmissionStatus, 'active'>;

const invalidTransition = (from: string, to: string) =>
  new Conflict('invalid_transition', `An admission that is ${from} cannot become ${to}; only active admissions end.`, [], { currentStatus: from });

/**
 * Ends an active admission; false when it was not active any more (or
 * another change claimed it first). Emits `cohort.progressed` when it moved.
 */
export async function endAdmission(
  admission: AdmissionRecord,
  to: EndStatus,
  by: { userId: string | null; reason?: string },
  deps: MoveDeps,
): Promise<boolean> {
  if (admission.status !== 'active') return false;
  const moved = await admissionsRepository.move(admission, { to, at: deps.now(), by: by.userId, reason: by.reason });
  if (!moved) return false;
  await deps.bus.emit('cohort.progressed', {
    cohortId: admission.cohortId.toHexString(),
    startupId: admission.startupId.toHexString(),
    status: to,
    occurredAt: deps.now().toISOString(),
  });
  return true;
}

/** A manager (or admin) ends a startup's admission to their cohort; 409 `invalid_transition` unless it is active. */
export async function endAdmissionAsManager(
  actor: AuthUser,
  cohortId: string,
  startupId: string,
  to: EndStatus,
  deps: MoveDeps,
): Promise<AdmissionRecord> {
  await managedCohort(actor, cohortId);
  const admission = await admissionsRepository.findByPair(cohortId, startupId);
  if (!admission) throw new NotFound('admission_not_found', 'This startup is not admitted to this cohort.');
  if (!(await endAdmission(admission, to, { userId: actor.id }, deps))) {
    const current = (await admissionsRepository.findById(admission._id)) ?? admission;
    throw invalidTransition(current.status, to);
  }
  return (await admissionsRepository.findById(admission._id))!;
}

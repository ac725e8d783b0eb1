import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden, NotFound } from '../../../core/errors.js';
import { activitiesRepository, type ActivityRecord } from '../activities.repository.js';
import { ledgerPolicy } from '../ledger.policy.js';

/** One activity with its attendance (staff). */
export async function getActivity(actor: AuthUser, id: string): Promise<ActivityRecord> {
  if (!ledgerPolicy.canReadLedger(actor)) throw new Forbidden('forbidden', 'Only managers and admins read the ledger.');
  const activity = await activitiesRepository.findById(id);
  if (!activity) throw new NotFound('activity_not_found', 'No such activity.');
  return activity;
}

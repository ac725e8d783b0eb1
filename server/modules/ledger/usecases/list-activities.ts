import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { Page } from '../../../core/db/pages.js';
import { Forbidden } from '../../../core/errors.js';
import { activitiesRepository, type ActivityRecord } from '../activities.repository.js';
import type { ListActivitiesQuery } from '../dto/activity-queries.dto.js';
import { ledgerPolicy } from '../ledger.policy.js';

/** Activities by kind, dates, attendee startup or text, one page at a time (staff). */
export async function listActivities(actor: AuthUser, query: ListActivitiesQuery): Promise<Page<ActivityRecord>> {
  if (!ledgerPolicy.canReadLedger(actor)) throw new Forbidden('forbidden', 'Only managers and admins read the ledger.');
  const from = [query.from, query.year ? `${query.year}-01-01` : undefined].filter(Boolean).sort().at(-1);
  const to = [query.to, query.year ? `${query.year}-12-31` : undefined].filter(Boolean).sort()[0];
  return activitiesRepository.list(
    { kind: query.kind, from, to, startupId: query.startupId ? new mongoose.Types.ObjectId(query.startupId) : undefined, q: query.q },
    query,
  );
}

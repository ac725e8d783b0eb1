import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { EventBus } from '../../../core/events/event-bus.js';
import { Forbidden } from '../../../core/http/errors.js';
import { todayInVietnam } from '../../../core/time/calendar-date.js';
import type { UpdateStartupDto } from '../dto/startup-fields.dto.js';
import { assertStartupRules } from '../startup-rules.js';
import { startupsPolicy } from '../startups.policy.js';
import { startupsRepository, type StartupRecord } from '../startups.repository.js';
import { getStartup } from './get-startup.js';
import { toStoredFields } from '../startup-fields.js';

/**
 * PATCH: applies the given fields (null removes an optional one), checks
 * the rules on the result, and stores it with derived fields recomputed.
 */
export async function updateStartup(
  actor: AuthUser,
  id: string,
  patch: UpdateStartupDto,
  deps: { bus: EventBus; now(): Date },
): Promise<StartupRecord> {
  const current = await getStartup(actor, id);
  if (!startupsPolicy.canEdit(actor, current)) throw new Forbidden('forbidden', 'Only the startup’s team or an admin may edit it.');

  const changed = Object.entries(patch).filter(([, value]) => value !== undefined).map(([key]) => key);
  const merged = { ...current, ...patch };
  assertStartupRules(merged, todayInVietnam(deps.now()));
  const stored = toStoredFields(merged);
  const unset = Object.entries(stored)
    .filter(([, value]) => value === undefined)
    .map(([key]) => key);
  const set = Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== undefined));
  const updated = await startupsRepository.update(current._id, set, unset);
  await deps.bus.emit('startup.updated', { startupId: id, changed, occurredAt: new Date().toISOString() });
  return updated!;
}

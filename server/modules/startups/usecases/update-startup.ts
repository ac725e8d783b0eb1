import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden } from '../../../core/errors.js';
import { todayInVietnam } from '../../../core/time/calendar-date.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { UpdateStartupDto } from '../dto/startup-fields.dto.js';
import { toStoredFields } from '../startup-fields.js';
import { assertStartupRules } from '../startup-rules.js';
import { startupsPolicy } from '../startups.policy.js';
import { startupsRepository, type StartupRecord } from '../startups.repository.js';
import { getStartup } from './get-startup.js';

/** Attempts before giving up when other edits keep landing between our read and our write. */
const MAX_ATTEMPTS = 3;

/**
 * PATCH: applies the given fields (null removes an optional one), checks
 * the rules on the result, and stores it with derived fields recomputed.
 * The write is conditional on the revision read: when another edit landed
 * in between, the patch is applied again to the startup as it now is (the
 * rules checked again), and only if that keeps failing the answer is 409
 * `concurrent_update` with the current revision.
 */
export async function updateStartup(actor: AuthUser, id: string, patch: UpdateStartupDto, deps: UseCaseDeps): Promise<StartupRecord> {
  const changed = Object.entries(patch).filter(([, value]) => value !== undefined).map(([key]) => key);
  let current = await getStartup(actor, id);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (!startupsPolicy.canEdit(actor, current)) throw new Forbidden('forbidden', 'Only the startup’s team or an admin may edit it.');
    if (changed.length === 0) return current;
    const merged = { ...current, ...patch };
    assertStartupRules(merged, todayInVietnam(deps.now()));
    const stored = toStoredFields(merged);
    const unset = Object.entries(stored).filter(([, value]) => value === undefined).map(([key]) => key);
    const set = Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== undefined));

    const update = await startupsRepository.update(current, set, unset);
    if (update.applied) {
      await deps.bus.emit('startup.updated', { startupId: id, changed });
      return update.record;
    }
    current = update.current ?? (await getStartup(actor, id));
  }
  throw new Conflict('concurrent_update', 'The startup is being changed by someone else right now; reload it and try again.', [], {
    revision: current.revision,
  });
}

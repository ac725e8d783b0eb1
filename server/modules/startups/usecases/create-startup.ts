import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/errors.js';
import { todayInVietnam } from '../../../core/time/calendar-date.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { CreateStartupDto } from '../dto/startup-fields.dto.js';
import { toStoredFields } from '../startup-fields.js';
import { assertStartupRules } from '../startup-rules.js';
import { startupsPolicy } from '../startups.policy.js';
import { startupsRepository, type StartupRecord } from '../startups.repository.js';

/** A founder registers a startup and becomes its owner. */
export async function createStartup(actor: AuthUser, input: CreateStartupDto, deps: UseCaseDeps): Promise<StartupRecord> {
  if (!startupsPolicy.canCreate(actor)) throw new Forbidden('forbidden', 'Only founders (role startup) register startups.');
  assertStartupRules(input, todayInVietnam(deps.now()));
  const startup = await startupsRepository.create(toStoredFields(input), actor.id, deps.now());
  await deps.bus.emit('startup.created', { startupId: startup._id.toHexString() });
  return startup;
}

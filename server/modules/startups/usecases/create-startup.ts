import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { EventBus } from '../../../core/events/event-bus.js';
import { Forbidden } from '../../../core/http/errors.js';
import { todayInVietnam } from '../../../core/time/calendar-date.js';
import type { CreateStartupDto } from '../dto/startup-fields.dto.js';
import { assertStartupRules } from '../startup-rules.js';
import { startupsPolicy } from '../startups.policy.js';
import { startupsRepository, type StartupRecord } from '../startups.repository.js';
import { toStoredFields } from '../startup-fields.js';

/** A founder registers a startup and becomes its owner. */
export async function createStartup(actor: AuthUser, input: CreateStartupDto, deps: { bus: EventBus; now(): Date }): Promise<StartupRecord> {
  if (!startupsPolicy.canCreate(actor)) throw new Forbidden('forbidden', 'Only founders (role startup) register startups.');
  assertStartupRules(input, todayInVietnam(deps.now()));
  const startup = await startupsRepository.create(toStoredFields(input), actor.id);
  await deps.bus.emit('startup.created', { startupId: startup._id.toHexString(), occurredAt: new Date().toISOString() });
  return startup;
}

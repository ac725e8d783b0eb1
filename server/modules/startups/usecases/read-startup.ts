import type { AuthUser } from '../../../core/auth/auth-user.js';
import { NotFound } from '../../../core/errors.js';
import { startupsPolicy } from '../startups.policy.js';
import { startupsRepository, type StartupRecord } from '../startups.repository.js';

/** Whether a mentor has dealt with the startup (requests answers it; startups does not import requests). */
export type MentorOfStartup = (startupId: string, mentorUserId: string) => Promise<boolean>;

/**
 * GET /startups/{id}: the startup for its team and staff, and for a mentor it
 * asked or who mentors it (who needs to know whom they answer). 404 otherwise.
 * Changing it still takes getStartup's narrower rule.
 */
export async function readStartup(actor: AuthUser, id: string, mentorOf: MentorOfStartup): Promise<StartupRecord> {
  const startup = await startupsRepository.findById(id);
  if (startup && startupsPolicy.canRead(actor, startup)) return startup;
  if (startup && startupsPolicy.mayMentorRead(actor) && (await mentorOf(id, actor.id))) return startup;
  throw new NotFound('startup_not_found', 'No startup with this id.');
}

import type { AuthUser } from '../../../core/auth/auth-user.js';
import { NotFound } from '../../../core/errors.js';
import { startupsPolicy } from '../startups.policy.js';
import { startupsRepository, type StartupRecord } from '../startups.repository.js';

/** The startup if the caller may see it; 404 otherwise (ids do not leak). */
export async function getStartup(actor: AuthUser, id: string): Promise<StartupRecord> {
  const startup = await startupsRepository.findById(id);
  if (!startup || !startupsPolicy.canRead(actor, startup)) throw new NotFound('startup_not_found', 'No startup with this id.');
  return startup;
}

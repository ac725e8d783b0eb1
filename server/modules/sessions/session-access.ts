/** Loading a session on behalf of a caller, with its startup's parties: 404 when the caller may not see it. */
import type { AuthUser } from '../../core/auth/auth-user.js';
import { NotFound } from '../../core/errors.js';
import { startupParties, type StartupWithParties } from '../requests/startup-parties.js';
import { SESSION_STATUSES, type SessionStatus } from './session.model.js';
import { sessionsPolicy } from './sessions.policy.js';
import { sessionsRepository, type SessionRecord } from './sessions.repository.js';

export const sessionNotFound = () => new NotFound('session_not_found', 'No session with this id.');

export type VisibleSession = SessionRecord & { status: SessionStatus };

/** Whether the API shows a session in this state (never `pending` or `abandoned`). */
export const shown = (session: SessionRecord): session is VisibleSession => (SESSION_STATUSES as readonly string[]).includes(session.status);

export async function visibleSession(actor: AuthUser, id: string): Promise<{ session: VisibleSession; parties: StartupWithParties }> {
  const session = await sessionsRepository.findById(id);
  const parties = session && shown(session) ? await startupParties(session.startupId.toHexString()) : undefined;
  if (!session || !shown(session) || !parties || !sessionsPolicy.canSee(actor, parties, session)) throw sessionNotFound();
  return { session, parties };
}

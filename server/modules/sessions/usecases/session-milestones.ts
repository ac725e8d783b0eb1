import type { AuthUser } from '../../../core/auth/auth-user.js';
import { milestonesOfStartup } from '../../cohorts/usecases/milestones-of-startup.js';
import type { MilestoneRecord } from '../../cohorts/milestones.repository.js';
import { visibleSession } from '../session-access.js';

/**
 * GET /sessions/{id}/milestones: the milestones of the session's startup in
 * its active cohorts, for whoever sees the session — so that its mentor, who
 * cannot list a startup's milestones otherwise, can name one in an action
 * item (and ticking that item moves it).
 */
export async function sessionMilestones(actor: AuthUser, id: string): Promise<MilestoneRecord[]> {
  const { session } = await visibleSession(actor, id);
  return milestonesOfStartup(session.startupId.toHexString());
}

/**
 * Who may see a startup's matches (issue: startups their own, managers
 * their cohorts', mentors never others' scores). Pure.
 */
import type { AuthUser } from '../../core/auth/auth-user.js';
import type { MatchSubject } from './match-subjects.js';

export const matchingPolicy = {
  /** May know the startup exists (else 404): its team and staff. */
  canSeeStartup: (actor: AuthUser, subject: Pick<MatchSubject, 'memberIds'>) =>
    actor.role === 'manager' || actor.role === 'admin' || (actor.role === 'startup' && subject.memberIds.includes(actor.id)),
  /** May see its ranked mentors: its team, its cohorts' managers, admins. */
  canSeeMatches: (actor: AuthUser, subject: Pick<MatchSubject, 'memberIds' | 'managerIds'>) =>
    actor.role === 'admin' ||
    (actor.role === 'startup' && subject.memberIds.includes(actor.id)) ||
    (actor.role === 'manager' && subject.managerIds.includes(actor.id)),
  /** Pending and paused mentors show among the excluded for staff only. */
  seesInactiveMentors: (actor: AuthUser) => actor.role === 'manager' || actor.role === 'admin',
  /**
   * A mentor's conflicts of interest are theirs and staff's to see (as on
   * the profile): for anyone else a mentor excluded by one is simply not
   * listed, so a founder never learns that a mentor declared one about them.
   */
  seesConflicts: (actor: AuthUser) => actor.role === 'manager' || actor.role === 'admin',
};

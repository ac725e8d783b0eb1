/**
 * Who may do what with mentoring sessions (SPEC §1, §5), pure: the
 * startup's team and its cohorts' managers book for it; every party sees,
 * cancels and reschedules; the mentor completes; a party on either side
 * reports a no-show; the mentor keeps a private note and sets action items,
 * which either side ticks. "Cannot see" answers 404, "sees but may not" 403.
 */
import type { AuthUser } from '../../core/auth/auth-user.js';
import type { StartupParties } from '../requests/requests.policy.js';

const isMember = (actor: AuthUser, parties: StartupParties) => actor.role === 'startup' && parties.memberIds.includes(actor.id);
const managesIt = (actor: AuthUser, parties: StartupParties) => actor.role === 'manager' && parties.managerIds.includes(actor.id);
const isTheMentor = (actor: AuthUser, session: { mentorUserId: { toString(): string } }) => actor.role === 'mentor' && session.mentorUserId.toString() === actor.id;

function canSee(actor: AuthUser, parties: StartupParties, session: { mentorUserId: { toString(): string } }): boolean {
  return actor.role === 'admin' || isMember(actor, parties) || managesIt(actor, parties) || isTheMentor(actor, session);
}

export const sessionsPolicy = {
  /** A founder learns only of their own startups; staff may know any. */
  canSeeStartup: (actor: AuthUser, parties: StartupParties) => actor.role !== 'startup' || isMember(actor, parties),
  canBook: (actor: AuthUser, parties: StartupParties) => actor.role === 'admin' || isMember(actor, parties) || managesIt(actor, parties),
  /** Its parties — the team, the cohort's managers, the mentor — and admins. */
  canSee,
  /** Cancel and reschedule: whoever may see it. */
  canChange: canSee,
  canComplete: (actor: AuthUser, session: { mentorUserId: { toString(): string } }) => actor.role === 'admin' || isTheMentor(actor, session),
  /** The mentor or the team (those who were to meet), or an admin. */
  canReportNoShow: (actor: AuthUser, parties: StartupParties, session: { mentorUserId: { toString(): string } }) =>
    actor.role === 'admin' || isMember(actor, parties) || isTheMentor(actor, session),
  /** The mentor's private note: the mentor alone writes it (it is their word, not the programme's). */
  canWriteNote: (actor: AuthUser, session: { mentorUserId: { toString(): string } }) => isTheMentor(actor, session),
  /** …and reads it, with admins (who operate the platform); never the startup's team or the cohort's managers. */
  canReadNote: (actor: AuthUser, session: { mentorUserId: { toString(): string } }) => actor.role === 'admin' || isTheMentor(actor, session),
  /** Action items are the mentor's to set (or an admin's, on their behalf). */
  canAddActionItem: (actor: AuthUser, session: { mentorUserId: { toString(): string } }) => actor.role === 'admin' || isTheMentor(actor, session),
  /** Marked done (or not) by those who met: the mentor and the team, or an admin; managers follow them. */
  canMarkActionItem: (actor: AuthUser, parties: StartupParties, session: { mentorUserId: { toString(): string } }) =>
    actor.role === 'admin' || isMember(actor, parties) || isTheMentor(actor, session),
};

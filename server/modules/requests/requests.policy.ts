/**
 * Who may do what with mentor requests and mentorships (SPEC §1, §4).
 * Pure functions of the caller and the parties of the startup involved:
 * its team, the managers of the cohorts it is active in. "Cannot see"
 * answers 404 so ids do not leak; "can see but not do this" answers 403.
 */
import type { AuthUser } from '../../core/auth/auth-user.js';

/** The people around one startup. */
export interface StartupParties {
  memberIds: readonly string[];
  /** Managers of the cohorts the startup is active in. */
  managerIds: readonly string[];
}

/** The mentor side of a request or mentorship. */
export interface MentorSide {
  mentorUserId: { toString(): string };
}

const isMember = (actor: AuthUser, parties: StartupParties) => actor.role === 'startup' && parties.memberIds.includes(actor.id);
const managesIt = (actor: AuthUser, parties: StartupParties) => actor.role === 'manager' && parties.managerIds.includes(actor.id);
const isTheMentor = (actor: AuthUser, side: MentorSide) => actor.role === 'mentor' && side.mentorUserId.toString() === actor.id;

export const requestsPolicy = {
  /** The team asks for its startup; a manager of its cohort on its behalf; an admin for anyone. */
  canRequestFor: (actor: AuthUser, parties: StartupParties) => actor.role === 'admin' || isMember(actor, parties) || managesIt(actor, parties),
  /** The team, the mentor asked, the startup's cohort managers and admins. */
  canSee: (actor: AuthUser, parties: StartupParties, side: MentorSide) =>
    actor.role === 'admin' || isMember(actor, parties) || managesIt(actor, parties) || isTheMentor(actor, side),
  /** Only the mentor asked answers (or an admin). */
  canAnswer: (actor: AuthUser, side: MentorSide) => actor.role === 'admin' || isTheMentor(actor, side),
  /** The team withdraws, as does whoever asked (a manager on the startup's behalf), or an admin. */
  canWithdraw: (actor: AuthUser, parties: StartupParties, requestedBy: { toString(): string }) =>
    actor.role === 'admin' || isMember(actor, parties) || requestedBy.toString() === actor.id,
  /** Either side ends a mentorship; so may the cohort's managers and admins. */
  canEnd: (actor: AuthUser, parties: StartupParties, side: MentorSide) =>
    actor.role === 'admin' || isMember(actor, parties) || managesIt(actor, parties) || isTheMentor(actor, side),
};

/**
 * Who may do what with a startup (SPEC §1). Pure functions of the caller
 * and the record. "Cannot see" answers 404 so ids do not leak; "can see
 * but not change" answers 403.
 */
import { isStaff, type AuthUser } from '../../core/auth/auth-user.js';

export interface StartupMembership {
  members: ReadonlyArray<{ userId: { toString(): string }; role: string }>;
}

export const isMember = (user: AuthUser, startup: StartupMembership) =>
  startup.members.some((m) => m.userId.toString() === user.id);

export const isOwner = (user: AuthUser, startup: StartupMembership) =>
  startup.members.some((m) => m.userId.toString() === user.id && m.role === 'owner');

export const startupsPolicy = {
  /** Founders register their own startups. */
  canCreate: (user: AuthUser) => user.role === 'startup',
  /** Staff list every startup; founders list their own; mentors read, one by one, the startups that asked them (see readStartup). */
  canList: (user: AuthUser) => user.role !== 'mentor',
  /** Lists hold only the caller's own startups, except for staff. */
  listsOnlyOwn: (user: AuthUser) => !isStaff(user),
  canRead: (user: AuthUser, startup: StartupMembership) => isStaff(user) || isMember(user, startup),
  /** Besides those: a mentor the startup is asking, or who accepted, mentors or mentored it, to answer and prepare. */
  mayMentorRead: (user: AuthUser) => user.role === 'mentor',
  /** The team edits its startup; admins may fix anything. Managers follow, they do not edit. */
  canEdit: (user: AuthUser, startup: StartupMembership) => user.role === 'admin' || isMember(user, startup),
  canManageMembers: (user: AuthUser, startup: StartupMembership) => user.role === 'admin' || isOwner(user, startup),
};

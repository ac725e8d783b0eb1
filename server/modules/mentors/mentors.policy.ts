/**
 * Who may read and change a mentor profile (SPEC §1, §3). Pure functions
 * of the caller and the record. "Cannot see" answers 404 so hidden
 * profiles do not leak; "can see but not change" answers 403.
 */
import { isStaff, type AuthUser } from '../../core/auth/auth-user.js';

export interface MentorOwnership {
  userId: { toString(): string };
  status: string;
}

export const isProfileOwner = (user: AuthUser, mentor: MentorOwnership) => mentor.userId.toString() === user.id;

export const mentorsPolicy = {
  /** Mentors create their own profile; staff approve it, they do not write it. */
  canCreate: (user: AuthUser) => user.role === 'mentor',
  /** Active profiles are public to signed-in users; others only to their owner and staff. */
  canRead: (user: AuthUser, mentor: MentorOwnership) => mentor.status === 'active' || isStaff(user) || isProfileOwner(user, mentor),
  /** Staff see profiles in every status and may filter lists by status. */
  canSeeEveryStatus: (user: AuthUser) => isStaff(user),
  /** The mentor edits their profile; admins may fix anything. Managers approve, they do not edit. */
  canEdit: (user: AuthUser, mentor: MentorOwnership) => user.role === 'admin' || isProfileOwner(user, mentor),
  canApprove: (user: AuthUser) => isStaff(user),
  /** Conflicts of interest name startups: only the mentor and staff see them. */
  canSeeConflicts: (user: AuthUser, mentor: MentorOwnership) => isStaff(user) || isProfileOwner(user, mentor),
  /** Pausing and resuming is the mentor's own decision, nobody else's. */
  canPauseOrResume: (user: AuthUser, mentor: MentorOwnership) => isProfileOwner(user, mentor),
};

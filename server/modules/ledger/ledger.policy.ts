/**
 * Who may keep the programme's ledger (SPEC §1, §8). Managers and admins
 * record activities, attendance and certifications, and read reports;
 * only admins change the plan's targets. Founders see their own startups'
 * certifications (shown on the profile).
 */
import { isStaff, type AuthUser } from '../../core/auth/auth-user.js';

export const ledgerPolicy = {
  canRecord: (user: AuthUser) => isStaff(user),
  canReadLedger: (user: AuthUser) => isStaff(user),
  canSetTargets: (user: AuthUser) => user.role === 'admin',
  /** Founders list only their own startups' certifications; mentors none. */
  canListCertifications: (user: AuthUser) => user.role !== 'mentor',
  listsOnlyOwnCertifications: (user: AuthUser) => !isStaff(user),
};

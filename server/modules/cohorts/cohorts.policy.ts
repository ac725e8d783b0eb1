/**
 * Who may do what with a cohort (SPEC §1, §6). Pure functions of the
 * caller and the record. "Cannot see" answers 404 so ids do not leak;
 * "can see but not do" answers 403.
 */
import { isStaff, type AuthUser } from '../../core/auth/auth-user.js';

export interface CohortManagers {
  managerIds: ReadonlyArray<{ toString(): string }>;
}


export const isCohortManager = (user: AuthUser, cohort: CohortManagers) =>
  user.role === 'manager' && cohort.managerIds.some((id) => id.toString() === user.id);

export const cohortsPolicy = {
  canCreate: (user: AuthUser) => isStaff(user),
  /**
   * Staff see every cohort; founders see the cohorts their startups were
   * admitted to (any status: history stays visible); mentors none for now.
   */
  canRead: (user: AuthUser, founderWasAdmitted: boolean) => isStaff(user) || (user.role === 'startup' && founderWasAdmitted),
  /** Admissions, status changes and the board: the cohort's own managers, and admins. */
  canManage: (user: AuthUser, cohort: CohortManagers) => user.role === 'admin' || isCohortManager(user, cohort),
  /** Whether founders' cohorts must be looked up through their startups' admissions. */
  seesOnlyAdmittedCohorts: (user: AuthUser) => user.role === 'startup',
  /** Mentors follow cohorts through mentorships, which arrive later. */
  seesNoCohorts: (user: AuthUser) => user.role === 'mentor',
};

/**
 * Milestone states and who may move them (SPEC §6). Pure: the caller, the
 * cohort and the startup in, a yes or no out.
 */
import type { AuthUser } from '../../core/auth/auth-user.js';
import { cohortsPolicy, type CohortManagers } from './cohorts.policy.js';
import { isMember, type StartupMembership } from '../startups/startups.policy.js';
import type { MilestoneState } from './milestone.model.js';

/** From each state, the states a milestone may move to. */
export const TRANSITIONS: Readonly<Record<MilestoneState, readonly MilestoneState[]>> = {
  planned: ['in_progress', 'done', 'blocked', 'waived'],
  in_progress: ['done', 'blocked', 'planned', 'waived'],
  blocked: ['in_progress', 'planned', 'waived'],
  done: ['in_progress'], // reopen
  waived: ['planned'],
};

export const isAllowedTransition = (from: MilestoneState, to: MilestoneState) => TRANSITIONS[from].includes(to);

/** Waiving (or un-waiving) changes what the startup is held to: a manager's decision. */
export const touchesWaived = (from: MilestoneState, to: MilestoneState) => from === 'waived' || to === 'waived';

/** Open milestones still count toward "overdue" and "next due". */
export const isOpen = (state: string) => state !== 'done' && state !== 'waived';

export const milestonesPolicy = {
  /** Read and update: the startup's members, the cohort's managers, admins. */
  canFollow: (user: AuthUser, cohort: CohortManagers, startup: StartupMembership) =>
    cohortsPolicy.canManage(user, cohort) || isMember(user, startup),
  canWaive: (user: AuthUser, cohort: CohortManagers) => cohortsPolicy.canManage(user, cohort),
};

/**
 * Who may follow which live room: the REST policies, applied to rooms
 * (SPEC §7). Admins follow every room. Otherwise:
 * - `startup:<id>`: its team and the managers of the cohorts it is active
 *   in. Not its mentors: the room carries the startup's dealings with every
 *   mentor (requests, declines, sessions), which REST shows a mentor only
 *   for their own; a mentor follows their mentees' milestones in their own
 *   room instead;
 * - `cohort:<id>`: the cohort's managers (founders and mentors never);
 * - `mentor:<id>`: that mentor (role mentor): their requests, mentorships,
 *   sessions, and their mentees' milestones and progress.
 * A room that does not exist is refused like a forbidden one.
 */
import mongoose from 'mongoose';
import type { AuthUser } from '../../core/auth/auth-user.js';
import type { RoomGuard } from '../../core/realtime/socket-server.js';
import { cohortsPolicy } from '../cohorts/cohorts.policy.js';
import { cohortsRepository } from '../cohorts/cohorts.repository.js';
import { mentorsRepository } from '../mentors/mentors.repository.js';
import { startupParties } from '../requests/startup-parties.js';

async function mayFollowStartup(user: AuthUser, startupId: string): Promise<boolean> {
  const parties = await startupParties(startupId);
  if (!parties) return false;
  if (user.role === 'admin') return true;
  if (user.role === 'startup') return parties.memberIds.includes(user.id);
  if (user.role === 'manager') return parties.managerIds.includes(user.id);
  return false;
}

async function mayFollowCohort(user: AuthUser, cohortId: string): Promise<boolean> {
  const cohort = await cohortsRepository.findById(cohortId);
  return Boolean(cohort && cohortsPolicy.canManage(user, cohort));
}

async function mayFollowMentor(user: AuthUser, mentorId: string): Promise<boolean> {
  const mentor = await mentorsRepository.findById(mentorId);
  return Boolean(mentor && (user.role === 'admin' || (user.role === 'mentor' && mentor.userId.toHexString() === user.id)));
}

export const mayJoinRoom: RoomGuard = (user, kind, id) => {
  if (!mongoose.isValidObjectId(id)) return Promise.resolve(false);
  switch (kind) {
    case 'startup':
      return mayFollowStartup(user, id);
    case 'cohort':
      return mayFollowCohort(user, id);
    case 'mentor':
      return mayFollowMentor(user, id);
    default: {
      // A new kind of room is refused until it has its rule here (and its row in test/socket-authorization.test.ts).
      const unknown: never = kind;
      void unknown;
      return Promise.resolve(false);
    }
  }
};

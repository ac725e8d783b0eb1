/**
 * Who may follow which live room: the REST policies, applied to rooms
 * (SPEC §7). Admins follow every room. Otherwise:
 * - `startup:<id>`: its team, the managers of the cohorts it is active in,
 *   and the mentors with an active mentorship with it;
 * - `cohort:<id>`: the cohort's managers (founders and mentors never);
 * - `mentor:<id>`: that mentor.
 * A room that does not exist is refused like a forbidden one.
 */
import mongoose from 'mongoose';
import type { AuthUser } from '../../core/auth/auth-user.js';
import type { RoomGuard } from '../../core/realtime/socket-server.js';
import { cohortsPolicy } from '../cohorts/cohorts.policy.js';
import { cohortsRepository } from '../cohorts/cohorts.repository.js';
import { mentorsRepository } from '../mentors/mentors.repository.js';
import { mentorshipsRepository } from '../requests/mentorships.repository.js';
import { startupParties } from '../requests/startup-parties.js';

async function mayFollowStartup(user: AuthUser, startupId: string): Promise<boolean> {
  const parties = await startupParties(startupId);
  if (!parties) return false;
  if (user.role === 'admin') return true;
  if (user.role === 'startup') return parties.memberIds.includes(user.id);
  if (user.role === 'manager') return parties.managerIds.includes(user.id);
  const mentor = await mentorsRepository.findByUserId(user.id);
  return Boolean(mentor && (await mentorshipsRepository.findActive(parties.startup._id, mentor._id)));
}

async function mayFollowCohort(user: AuthUser, cohortId: string): Promise<boolean> {
  const cohort = await cohortsRepository.findById(cohortId);
  return Boolean(cohort && cohortsPolicy.canManage(user, cohort));
}

async function mayFollowMentor(user: AuthUser, mentorId: string): Promise<boolean> {
  const mentor = await mentorsRepository.findById(mentorId);
  return Boolean(mentor && (user.role === 'admin' || mentor.userId.toHexString() === user.id));
}

export const mayJoinRoom: RoomGuard = (user, kind, id) => {
  if (!mongoose.isValidObjectId(id)) return Promise.resolve(false);
  if (kind === 'startup') return mayFollowStartup(user, id);
  if (kind === 'cohort') return mayFollowCohort(user, id);
  return mayFollowMentor(user, id);
};

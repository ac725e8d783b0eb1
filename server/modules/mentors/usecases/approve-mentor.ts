import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden, NotFound } from '../../../core/errors.js';
import { usersRepository } from '../../users/users.repository.js';
import { mentorsPolicy } from '../mentors.policy.js';
import { mentorsRepository, type MentorRecord } from '../mentors.repository.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { changeMentorStatus } from './change-mentor-status.js';

/** A manager or admin approves a pending mentor whose account is active: `pending` → `active`, recording who and when. */
export async function approveMentor(approver: AuthUser, id: string, deps: UseCaseDeps): Promise<MentorRecord> {
  if (!mentorsPolicy.canApprove(approver)) throw new Forbidden('forbidden_role', 'Only managers and admins approve mentors.');
  const mentor = await mentorsRepository.findById(id);
  if (!mentor) throw new NotFound('mentor_not_found', 'No mentor with this id.');
  // A deactivated account could not answer requests (deactivating one pauses its profile, mentors.listeners.ts).
  if ((await usersRepository.findById(mentor.userId.toHexString()))?.status === 'deactivated') {
    throw new Conflict('account_deactivated', 'This mentor’s account is deactivated; an admin must reactivate it first.');
  }

  const now = deps.now();
  const approved = await changeMentorStatus(mentor, 'approve', { userId: approver.id, at: now }, { approvedAt: now, approvedBy: approver.id });
  await deps.bus.emit('mentor.approved', { mentorId: approved._id.toHexString(), userId: approved.userId.toHexString() });
  return approved;
}

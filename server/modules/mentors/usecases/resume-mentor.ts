import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/errors.js';
import { mentorsPolicy } from '../mentors.policy.js';
import type { MentorRecord } from '../mentors.repository.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { changeMentorStatus } from './change-mentor-status.js';
import { getMentor } from './get-mentor.js';

/**
 * The mentor comes back: `paused` → `active`. Only from paused: a pending
 * mentor cannot make themselves active, that takes a manager's approval.
 */
export async function resumeMentor(caller: AuthUser, id: string, deps: UseCaseDeps): Promise<MentorRecord> {
  const mentor = await getMentor(caller, id);
  if (!mentorsPolicy.canPauseOrResume(caller, mentor)) throw new Forbidden('not_profile_owner', 'Only the mentor may resume their profile.');

  const resumed = await changeMentorStatus(mentor, 'resume', { userId: caller.id, at: deps.now() });
  await deps.bus.emit('mentor.statusChanged', { mentorId: resumed._id.toHexString(), status: resumed.status });
  return resumed;
}

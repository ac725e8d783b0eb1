import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/errors.js';
import { mentorsPolicy } from '../mentors.policy.js';
import type { MentorRecord } from '../mentors.repository.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { changeMentorStatus } from './change-mentor-status.js';
import { getMentor } from './get-mentor.js';

/** The mentor steps back for a while: `active` → `paused` (no new matches until they resume). */
export async function pauseMentor(caller: AuthUser, id: string, deps: UseCaseDeps): Promise<MentorRecord> {
  const mentor = await getMentor(caller, id);
  if (!mentorsPolicy.canPauseOrResume(caller, mentor)) throw new Forbidden('not_profile_owner', 'Only the mentor may pause their profile.');

  const paused = await changeMentorStatus(mentor, 'pause', { userId: caller.id, at: deps.now() });
  await deps.bus.emit('mentor.statusChanged', { mentorId: paused._id.toHexString(), status: paused.status });
  return paused;
}

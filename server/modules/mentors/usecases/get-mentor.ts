import type { AuthUser } from '../../../core/auth/auth-user.js';
import { NotFound } from '../../../core/errors.js';
import { mentorsPolicy } from '../mentors.policy.js';
import { mentorsRepository, type MentorRecord } from '../mentors.repository.js';

/**
 * The profile with this id as the viewer may see it. A profile that is not
 * active is visible only to its mentor and to staff; for everyone else it
 * does not exist (404), exactly like an unknown or malformed id.
 */
export async function getMentor(viewer: AuthUser, id: string): Promise<MentorRecord> {
  const mentor = await mentorsRepository.findById(id);
  if (!mentor || !mentorsPolicy.canRead(viewer, mentor)) throw new NotFound('mentor_not_found', 'No mentor with this id.');
  return mentor;
}

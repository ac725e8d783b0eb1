import type { AuthUser } from '../../../core/auth/auth-user.js';
import { NotFound } from '../../../core/errors.js';
import { mentorsRepository, type MentorRecord } from '../mentors.repository.js';

/** The caller's own profile, whatever its status; 404 until they create one. */
export async function getOwnMentorProfile(caller: AuthUser): Promise<MentorRecord> {
  const mentor = await mentorsRepository.findByUserId(caller.id);
  if (!mentor) throw new NotFound('mentor_profile_not_found', 'You have no mentor profile yet; create it with POST /mentors.');
  return mentor;
}

import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { CreateMentorDto } from '../dto/create-mentor.dto.js';
import { mentorsPolicy } from '../mentors.policy.js';
import { mentorsRepository, type MentorRecord } from '../mentors.repository.js';

/**
 * Creates the caller's own mentor profile, `pending` until a manager
 * approves it. The name defaults to the account's. One profile per user:
 * the unique index on `userId` decides, so of two concurrent creates
 * exactly one wins and the other gets 409 `mentor_profile_exists`.
 */
export async function createMentorProfile(caller: AuthUser, input: CreateMentorDto, deps: UseCaseDeps): Promise<MentorRecord> {
  if (!mentorsPolicy.canCreate(caller)) throw new Forbidden('forbidden_role', 'Only mentors have a mentor profile.');
  const created = await mentorsRepository.create(caller.id, { ...input, name: input.name ?? caller.name });
  if (!created) throw new Conflict('mentor_profile_exists', 'You already have a mentor profile; change it with PATCH /mentors/{id}.');
  await deps.bus.emit('mentor.created', { mentorId: created._id.toHexString(), userId: caller.id });
  return created;
}

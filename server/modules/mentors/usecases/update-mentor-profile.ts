import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { MentorProfileFieldsDto } from '../dto/mentor-profile-fields.dto.js';
import { mentorsPolicy } from '../mentors.policy.js';
import { mentorsRepository, type MentorProfileFields, type MentorRecord } from '../mentors.repository.js';
import { getMentor } from './get-mentor.js';

/** Attempts before giving up when other edits keep landing between our read and our write. */
const MAX_ATTEMPTS = 3;

/**
 * The mentor (or an admin) changes profile fields. Each write is
 * conditional on the revision read, so a concurrent edit is never lost
 * half-way (nested members merged over a stale copy, stale search text):
 * the patch is applied again to the profile as it now is, and only if that
 * keeps failing the answer is 409 `concurrent_update` with the current revision.
 */
export async function updateMentorProfile(caller: AuthUser, id: string, patch: MentorProfileFieldsDto, deps: UseCaseDeps): Promise<MentorRecord> {
  let current = await getMentor(caller, id);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (!mentorsPolicy.canEdit(caller, current)) throw new Forbidden('not_profile_owner', 'Only the mentor or an admin may change this profile.');
    const changes = mergePatch(current, patch);
    if (Object.keys(changes).length === 0) return current;
    const update = await mentorsRepository.updateProfile(current, changes);
    if (update.applied) {
      await deps.bus.emit('mentor.updated', { mentorId: id, changed: Object.keys(changes) });
      return update.record;
    }
    current = update.current ?? (await getMentor(caller, id));
  }
  throw new Conflict('concurrent_update', 'The profile is being changed by someone else right now; try again.', [], { revision: current.revision });
}

/** Only the members that were sent (a DTO instance holds no others, but undefined is dropped to be sure). */
const sent = <T extends object>(patch: T) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;

/**
 * The stored values that change: top-level fields replace what is stored;
 * the members of the nested groups are merged over the stored group.
 */
function mergePatch(current: MentorRecord, patch: MentorProfileFieldsDto): Partial<MentorProfileFields> {
  const { location, conflicts, capacity, availability, ...topLevel } = sent(patch);
  const changes: Partial<MentorProfileFields> = { ...topLevel };
  if (location) changes.location = { ...current.location, ...sent(location) };
  if (conflicts) {
    const stored = { startupIds: (current.conflicts?.startupIds ?? []).map(String), enterpriseCodes: current.conflicts?.enterpriseCodes ?? [] };
    changes.conflicts = { ...stored, ...sent(conflicts) };
  }
  if (capacity) changes.capacity = { ...current.capacity, ...sent(capacity) };
  if (availability) changes.availability = { ...current.availability, ...sent(availability) };
  return changes;
}

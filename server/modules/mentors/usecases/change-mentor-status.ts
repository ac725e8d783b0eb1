import { Conflict, NotFound } from '../../../core/errors.js';
import { MENTOR_TRANSITIONS, type MentorTransition } from '../mentor-profile.js';
import { mentorsRepository, type MentorRecord } from '../mentors.repository.js';

/**
 * Shared by approve, pause and resume: moves the profile along `transition`
 * with one guarded update, so exactly one of racing calls wins; the others
 * get 409 `invalid_transition` naming the status the profile is in now.
 * Returns the profile as changed.
 */
export async function changeMentorStatus(
  mentor: MentorRecord,
  transition: MentorTransition,
  by: { userId: string; at: Date },
  extra: Record<string, unknown> = {},
): Promise<MentorRecord> {
  const { from, to } = MENTOR_TRANSITIONS[transition];
  const change = await mentorsRepository.changeStatus(mentor._id, { from, to, by: by.userId, at: by.at }, extra);
  if (change.applied) return change.record;
  if (!change.current) throw new NotFound('mentor_not_found', 'No mentor with this id.');
  throw new Conflict('invalid_transition', `${transition} needs a ${from} mentor; this one is ${change.current.status}.`, [], {
    mentorStatus: change.current.status,
  });
}

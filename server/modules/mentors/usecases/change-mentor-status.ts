import type { EventBus } from '../../../core/events/event-bus.js';
import { Conflict, NotFound } from '../../../core/http/errors.js';
import { MENTOR_TRANSITIONS, type MentorTransition } from '../mentor-profile.js';
import { mentorsRepository, type MentorRecord } from '../mentors.repository.js';

/** What approve, pause and resume need: the bus to announce the change, and the app's clock. */
export interface MentorStatusDeps {
  bus: EventBus;
  now(): Date;
}

/**
 * Shared by approve, pause and resume: moves the profile along `transition`.
 * The repository's transition claim lets exactly one of racing calls win;
 * the others get 409 `invalid_transition`, naming the status the profile
 * is in. Returns the profile as it now is.
 */
export async function changeMentorStatus(
  mentor: MentorRecord,
  transition: MentorTransition,
  by: { userId: string; at: Date },
  extra: Record<string, unknown> = {},
): Promise<MentorRecord> {
  const { from, to } = MENTOR_TRANSITIONS[transition];
  const moved = await mentorsRepository.changeStatus(mentor, { from, to, by: by.userId, at: by.at }, extra);
  const current = await mentorsRepository.findById(mentor._id.toHexString());
  if (!current) throw new NotFound('mentor_not_found', 'No mentor with this id.');
  if (!moved) {
    throw new Conflict('invalid_transition', `${transition} needs a ${from} mentor; this one is ${current.status}.`, [], {
      mentorStatus: current.status,
    });
  }
  return current;
}

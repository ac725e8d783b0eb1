import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { mentorsRepository } from '../../mentors/mentors.repository.js';
import type { EndMentorshipDto } from '../dto/end-mentorship.dto.js';
import { visibleMentorship } from '../request-access.js';
import { requestsPolicy } from '../requests.policy.js';
import { mentorshipsRepository, type MentorshipRecord } from '../mentorships.repository.js';

/** Either side (or the cohort's managers, or an admin) ends an active mentorship; the mentee place is given back. */
export async function endMentorship(actor: AuthUser, id: string, input: EndMentorshipDto, deps: UseCaseDeps): Promise<MentorshipRecord> {
  const { mentorship, parties } = await visibleMentorship(actor, id);
  if (!requestsPolicy.canEnd(actor, parties, mentorship)) throw new Forbidden('not_mentorship_party', 'Only the startup’s team, the mentor, the cohort’s managers or an admin may end this mentorship.');
  const ended = await mentorshipsRepository.end(mentorship._id, { at: deps.now(), by: actor.id, reason: input.reason });
  if (!ended.applied) throw new Conflict('mentorship_ended', 'This mentorship has already ended.', [], { mentorshipStatus: ended.current?.status ?? 'gone' });
  await mentorsRepository.releaseMenteePlace(mentorship.mentorId);
  await deps.bus.emit('mentorship.ended', {
    mentorshipId: id,
    startupId: mentorship.startupId.toHexString(),
    mentorId: mentorship.mentorId.toHexString(),
    mentorUserId: mentorship.mentorUserId.toHexString(),
    cohortIds: parties.cohortIds,
  });
  return ended.record;
}

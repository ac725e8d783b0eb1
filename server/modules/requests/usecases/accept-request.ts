import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { mentorsRepository } from '../../mentors/mentors.repository.js';
import { visibleRequest } from '../request-access.js';
import { requestsPolicy } from '../requests.policy.js';
import { mentorshipsRepository, type MentorshipRecord } from '../mentorships.repository.js';
import { requestsRepository, type MentorRequestRecord } from '../requests.repository.js';
import { refreshResponseStats } from '../response-stats.js';

export const requestClosed = (status: string) =>
  new Conflict('request_closed', `This request is ${status}; only a pending request can change.`, [], { status });

/**
 * The mentor accepts: a mentee place is taken first, by one atomic update
 * guarded by capacity (so many accepts at once never exceed it: the losers
 * get 409 `mentor_at_capacity`), then the request closes as accepted
 * (guarded by `pending`; a request withdrawn meanwhile gives the place
 * back), then the mentorship starts, keyed by the request so it exists once.
 */
export async function acceptRequest(actor: AuthUser, id: string, deps: UseCaseDeps): Promise<{ request: MentorRequestRecord; mentorship: MentorshipRecord }> {
  const { request, parties } = await visibleRequest(actor, id);
  if (!requestsPolicy.canAnswer(actor, request)) throw new Forbidden('not_the_mentor', 'Only the mentor asked may answer this request.');
  if (request.status !== 'pending') throw requestClosed(request.status);

  const place = await mentorsRepository.takeMenteePlace(request.mentorId);
  if (!place?.taken) {
    throw new Conflict('mentor_at_capacity', 'Every mentee place of this mentor is taken; end a mentorship first.', [], {
      activeMentees: place?.activeMentees ?? null,
      maxActiveMentees: place?.maxActiveMentees ?? null,
    });
  }
  const now = deps.now();
  const closed = await requestsRepository.close(request._id, {
    to: 'accepted',
    at: now,
    by: actor.id,
    responseHours: Math.max(0, (now.getTime() - request.requestedAt.getTime()) / 3_600_000),
  });
  if (!closed.applied) {
    await mentorsRepository.releaseMenteePlace(request.mentorId);
    throw requestClosed(closed.current?.status ?? 'gone');
  }
  const started = await mentorshipsRepository.start({
    startupId: request.startupId,
    mentorId: request.mentorId,
    mentorUserId: request.mentorUserId,
    requestId: request._id,
    ...(request.proposalId ? { proposalId: request.proposalId } : {}),
    startedAt: now,
    startedBy: new mongoose.Types.ObjectId(actor.id),
  });
  // The pair was already mentored (a manager assigned it directly meanwhile): that mentorship holds its own place.
  if (!started.created) await mentorsRepository.releaseMenteePlace(request.mentorId);
  const mentorship = started.record!;
  await requestsRepository.linkMentorship(request._id, mentorship._id);
  await refreshResponseStats(request.mentorId);

  const ids = { requestId: id, startupId: request.startupId.toHexString(), mentorId: request.mentorId.toHexString(), mentorUserId: request.mentorUserId.toHexString(), cohortIds: parties.cohortIds };
  await deps.bus.emit('request.accepted', { ...ids, mentorshipId: mentorship._id.toHexString() });
  if (started.created) {
    const { requestId: _request, ...rest } = ids;
    await deps.bus.emit('mentorship.started', { ...rest, mentorshipId: mentorship._id.toHexString(), requestId: id });
  }
  return { request: { ...closed.record, mentorshipId: mentorship._id }, mentorship };
}

import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { mentorsRepository } from '../../mentors/mentors.repository.js';
import { visibleRequest } from '../request-access.js';
import { requestsPolicy } from '../requests.policy.js';
import { mentorshipsRepository, type MentorshipRecord } from '../mentorships.repository.js';
import { releaseUnlessStarted, takeMenteePlace } from '../pairing.js';
import { requestsRepository, type MentorRequestRecord } from '../requests.repository.js';

export const requestClosed = (status: string) =>
  new Conflict('request_closed', `This request is ${status}; only a pending request can change.`, [], { requestStatus: status });

/** Why a guarded answer did not apply: the request changed, or its time ran out while still pending. */
export const closedStatus = (current: MentorRequestRecord | undefined) => (current?.status === 'pending' ? 'expired' : (current?.status ?? 'gone'));

/**
 * The mentor accepts, before the request's time is up: a mentee place is
 * taken first, by one atomic update guarded by capacity (so many accepts at
 * once never exceed it: the losers get 409 `mentor_at_capacity`), then the
 * request closes as accepted with the id its mentorship will have (guarded
 * by `pending`; a request withdrawn meanwhile gives the place back), then
 * the mentorship starts under that id, so it exists once. Should the start
 * fail, the place goes back and the request is pending again.
 */
export async function acceptRequest(actor: AuthUser, id: string, deps: UseCaseDeps): Promise<{ request: MentorRequestRecord; mentorship: MentorshipRecord }> {
  const { request, parties } = await visibleRequest(actor, id);
  if (!requestsPolicy.canAnswer(actor, request)) throw new Forbidden('not_the_mentor', 'Only the mentor asked may answer this request.');
  const now = deps.now();
  if (request.status !== 'pending') throw requestClosed(request.status);
  if (request.expiresAt.getTime() <= now.getTime()) throw requestClosed('expired');

  await takeMenteePlace(request.mentorId);
  const mentorshipId = new mongoose.Types.ObjectId();
  const closed = await requestsRepository.close(request._id, {
    to: 'accepted',
    at: now,
    by: actor.id,
    responseHours: Math.max(0, (now.getTime() - request.requestedAt.getTime()) / 3_600_000),
    mentorshipId,
    beforeExpiry: true,
  });
  if (!closed.applied) {
    await mentorsRepository.releaseMenteePlace(request.mentorId);
    throw requestClosed(closedStatus(closed.current));
  }

  let started: Awaited<ReturnType<typeof mentorshipsRepository.start>>;
  try {
    started = await mentorshipsRepository.start({
      _id: mentorshipId,
      startupId: request.startupId,
      mentorId: request.mentorId,
      mentorUserId: request.mentorUserId,
      requestId: request._id,
      ...(request.proposalId ? { proposalId: request.proposalId } : {}),
      startedAt: now,
      startedBy: new mongoose.Types.ObjectId(actor.id),
    });
  } catch (error) {
    if (await releaseUnlessStarted(request.mentorId, mentorshipId)) {
      await requestsRepository.reopen(request._id, mentorshipId, { startupId: request.startupId.toHexString(), mentorId: request.mentorId.toHexString() }).catch(() => false);
    }
    throw error;
  }
  // The pair was already mentored (a manager assigned it directly meanwhile): that mentorship holds its own place.
  if (!started.created) await mentorsRepository.releaseMenteePlace(request.mentorId);
  if (!started.record) {
    await requestsRepository.reopen(request._id, mentorshipId, { startupId: request.startupId.toHexString(), mentorId: request.mentorId.toHexString() });
    throw new Conflict('mentorship_changed', 'The pair’s mentorship ended while this request was being accepted; accept again.');
  }
  const mentorship = started.record;
  if (!started.created) await requestsRepository.linkMentorship(request._id, mentorship._id);

  const ids = { requestId: id, startupId: request.startupId.toHexString(), mentorId: request.mentorId.toHexString(), mentorUserId: request.mentorUserId.toHexString(), cohortIds: parties.cohortIds };
  await deps.bus.emit('request.accepted', { ...ids, mentorshipId: mentorship._id.toHexString() });
  if (started.created) {
    const { requestId: _request, ...rest } = ids;
    await deps.bus.emit('mentorship.started', { ...rest, mentorshipId: mentorship._id.toHexString(), requestId: id });
  }
  return { request: { ...closed.record, mentorshipId: mentorship._id }, mentorship };
}

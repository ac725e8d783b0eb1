import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { DeclineRequestDto } from '../dto/decline-request.dto.js';
import { visibleRequest } from '../request-access.js';
import { requestsPolicy } from '../requests.policy.js';
import { requestsRepository, type MentorRequestRecord } from '../requests.repository.js';
import { closedStatus, requestClosed } from './accept-request.js';

/** The mentor declines, saying why, before the request's time is up; counts toward their answer time like an accept. */
export async function declineRequest(actor: AuthUser, id: string, input: DeclineRequestDto, deps: UseCaseDeps): Promise<MentorRequestRecord> {
  const { request, parties } = await visibleRequest(actor, id);
  if (!requestsPolicy.canAnswer(actor, request)) throw new Forbidden('not_the_mentor', 'Only the mentor asked may answer this request.');
  const now = deps.now();
  if (request.status !== 'pending') throw requestClosed(request.status);
  if (request.expiresAt.getTime() <= now.getTime()) throw requestClosed('expired');
  const closed = await requestsRepository.close(request._id, {
    to: 'declined',
    at: now,
    by: actor.id,
    declineReason: input.reason,
    responseHours: Math.max(0, (now.getTime() - request.requestedAt.getTime()) / 3_600_000),
    beforeExpiry: true,
  });
  if (!closed.applied) throw requestClosed(closedStatus(closed.current));
  await deps.bus.emit('request.declined', {
    requestId: id,
    startupId: request.startupId.toHexString(),
    mentorId: request.mentorId.toHexString(),
    mentorUserId: request.mentorUserId.toHexString(),
    cohortIds: parties.cohortIds,
    reason: input.reason,
  });
  return closed.record;
}

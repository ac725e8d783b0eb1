import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { visibleRequest } from '../request-access.js';
import { requestsPolicy } from '../requests.policy.js';
import { requestsRepository, type MentorRequestRecord } from '../requests.repository.js';
import { requestClosed } from './accept-request.js';

/** The startup takes its request back while it is pending. */
export async function withdrawRequest(actor: AuthUser, id: string, deps: UseCaseDeps): Promise<MentorRequestRecord> {
  const { request, parties } = await visibleRequest(actor, id);
  if (!requestsPolicy.canWithdraw(actor, parties, request.requestedBy)) {
    throw new Forbidden('not_startup_party', 'Only the startup’s team, whoever asked, or an admin may withdraw this request.');
  }
  if (request.status !== 'pending') throw requestClosed(request.status);
  const closed = await requestsRepository.close(request._id, { to: 'withdrawn', at: deps.now(), by: actor.id });
  if (!closed.applied) throw requestClosed(closed.current?.status ?? 'gone');
  await deps.bus.emit('request.withdrawn', {
    requestId: id,
    startupId: request.startupId.toHexString(),
    mentorId: request.mentorId.toHexString(),
    mentorUserId: request.mentorUserId.toHexString(),
    cohortIds: parties.cohortIds,
  });
  return closed.record;
}

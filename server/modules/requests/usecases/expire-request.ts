import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { requestsRepository, type MentorRequestRecord } from '../requests.repository.js';

/**
 * Expires a pending request whose time is up (the expiry job). Returns the
 * request when it is expired — now or by an earlier run — so the job can
 * make sure the startup is told exactly once; undefined when there is
 * nothing to expire (gone, answered, withdrawn, or not due yet).
 */
export async function expireRequest(requestId: string, deps: UseCaseDeps): Promise<MentorRequestRecord | undefined> {
  const request = await requestsRepository.findById(requestId);
  if (!request) return undefined;
  if (request.status === 'expired') return request;
  if (request.status !== 'pending' || request.expiresAt.getTime() > deps.now().getTime()) return undefined;
  const closed = await requestsRepository.close(request._id, { to: 'expired', at: deps.now(), by: null });
  if (closed.applied) return closed.record;
  return closed.current?.status === 'expired' ? closed.current : undefined;
}

/**
 * Ids the sweep that backs up the per-request jobs works through: pending
 * requests due at `now`, and expired ones whose startup was not told.
 */
export async function dueRequestIds(now: Date, limit = 500): Promise<string[]> {
  const [due, untold] = await Promise.all([requestsRepository.findDue(now, limit), requestsRepository.findExpiredUntold(limit)]);
  return [...new Set([...due, ...untold].map((request) => request._id.toHexString()))];
}

/** Records that the startup was told of this expiry: true only for the first run that does (it alone announces it). */
export async function recordExpiryTold(request: MentorRequestRecord, deps: UseCaseDeps): Promise<boolean> {
  return requestsRepository.markExpiryTold(request._id, deps.now());
}

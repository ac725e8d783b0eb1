/**
 * Loading a request or a mentorship on behalf of a caller, with the
 * parties of its startup: 404 when the caller may not see it.
 */
import type { AuthUser } from '../../core/auth/auth-user.js';
import { NotFound } from '../../core/errors.js';
import { requestsPolicy } from './requests.policy.js';
import { mentorshipsRepository, type MentorshipRecord } from './mentorships.repository.js';
import { requestsRepository, type MentorRequestRecord } from './requests.repository.js';
import { startupParties, type StartupWithParties } from './startup-parties.js';

export const requestNotFound = () => new NotFound('request_not_found', 'No mentor request with this id.');
export const mentorshipNotFound = () => new NotFound('mentorship_not_found', 'No mentorship with this id.');

/** The request and its startup's parties, if the caller may see it. */
export async function visibleRequest(actor: AuthUser, id: string): Promise<{ request: MentorRequestRecord; parties: StartupWithParties }> {
  const request = await requestsRepository.findById(id);
  const parties = request && (await startupParties(request.startupId.toHexString()));
  if (!request || !parties || !requestsPolicy.canSee(actor, parties, request)) throw requestNotFound();
  return { request, parties };
}

/** The mentorship and its startup's parties, if the caller may see it. */
export async function visibleMentorship(actor: AuthUser, id: string): Promise<{ mentorship: MentorshipRecord; parties: StartupWithParties }> {
  const mentorship = await mentorshipsRepository.findById(id);
  const parties = mentorship && (await startupParties(mentorship.startupId.toHexString()));
  if (!mentorship || !parties || !requestsPolicy.canSee(actor, parties, mentorship)) throw mentorshipNotFound();
  return { mentorship, parties };
}

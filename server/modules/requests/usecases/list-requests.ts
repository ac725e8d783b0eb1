import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { Page } from '../../../core/db/pages.js';
import { startupIdsManagedBy } from '../../cohorts/usecases/active-cohorts-of-startup.js';
import { startupsRepository } from '../../startups/startups.repository.js';
import type { ListMentorshipsQuery, ListRequestsQuery } from '../dto/list-requests.query.js';
import { mentorshipsRepository, type MentorshipListCriteria, type MentorshipRecord } from '../mentorships.repository.js';
import { requestsRepository, type MentorRequestRecord, type RequestListCriteria } from '../requests.repository.js';

/**
 * What the caller may see, as list criteria: a founder their startups', a
 * mentor what was asked of them, a manager the startups active in their
 * cohorts, an admin everything; narrowed by the query's startupId.
 */
export async function visibleScope(actor: AuthUser, startupId: string | undefined): Promise<{ startupIds?: string[]; mentorUserId?: string }> {
  const narrow = (ids: string[]) => (startupId ? ids.filter((id) => id === startupId) : ids);
  switch (actor.role) {
    case 'startup':
      return { startupIds: narrow(await startupsRepository.idsWithMember(actor.id)) };
    case 'mentor':
      return { mentorUserId: actor.id, ...(startupId ? { startupIds: [startupId] } : {}) };
    case 'manager':
      return { startupIds: narrow(await startupIdsManagedBy(actor.id)) };
    case 'admin':
      return startupId ? { startupIds: [startupId] } : {};
  }
}

/** GET /mentor-requests: one page of the requests the caller may see. */
export async function listRequests(actor: AuthUser, query: ListRequestsQuery): Promise<Page<MentorRequestRecord>> {
  const criteria: RequestListCriteria = { ...(await visibleScope(actor, query.startupId)), mentorId: query.mentorId, status: query.status };
  return requestsRepository.list(criteria, { limit: query.limit, cursor: query.cursor });
}

/** GET /mentorships: one page of the mentorships the caller may see. */
export async function listMentorships(actor: AuthUser, query: ListMentorshipsQuery): Promise<Page<MentorshipRecord>> {
  const criteria: MentorshipListCriteria = { ...(await visibleScope(actor, query.startupId)), mentorId: query.mentorId, status: query.status };
  return mentorshipsRepository.list(criteria, { limit: query.limit, cursor: query.cursor });
}

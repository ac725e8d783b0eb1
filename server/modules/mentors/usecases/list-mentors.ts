import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/errors.js';
import type { Page } from '../../../core/db/pages.js';
import type { ListMentorsQueryDto } from '../dto/list-mentors-query.dto.js';
import type { MentorStatus } from '../mentor-profile.js';
import { mentorsPolicy } from '../mentors.policy.js';
import { mentorsRepository, type MentorSummaryRecord } from '../mentors.repository.js';

/**
 * A page of mentor profiles in `_id` order, narrowed by the query's filters
 * and its text search. Staff see every status and may filter by it; others
 * see active mentors only.
 */
export async function listMentors(viewer: AuthUser, query: ListMentorsQueryDto): Promise<Page<MentorSummaryRecord>> {
  const { sector, stage, topic, language, mode, q } = query;
  return mentorsRepository.list({ sector, stage, topic, language, mode, q, statuses: statusesFor(viewer, query.status) }, query);
}

function statusesFor(viewer: AuthUser, requested: MentorStatus | undefined): readonly MentorStatus[] | undefined {
  if (mentorsPolicy.canSeeEveryStatus(viewer)) return requested ? [requested] : undefined;
  // A non-staff caller asking for pending or paused mentors is refused (403) rather than
  // answered with an empty or active-only page, so a client cannot mistake one for the other.
  if (requested && requested !== 'active') {
    throw new Forbidden('status_filter_forbidden', 'Only managers and admins may list mentors that are not active.', [
      { field: 'status', code: 'forbidden', message: 'Only managers and admins may filter by a status other than active.' },
    ]);
  }
  return ['active'];
}

import { DateTime } from 'luxon';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { Page } from '../../../core/db/pages.js';
import { addDays, VIETNAM_ZONE } from '../../../core/time/calendar-date.js';
import { visibleScope } from '../../requests/usecases/list-requests.js';
import type { ListSessionsQuery } from '../dto/list-sessions.query.js';
import { sessionsRepository, type SessionRecord } from '../sessions.repository.js';

const canThoDayStart = (day: string) => DateTime.fromISO(day, { zone: VIETNAM_ZONE }).toJSDate();

/** GET /sessions: one page of the sessions the caller may see (a founder their startups', a mentor theirs, a manager their cohorts', an admin all). */
export async function listSessions(actor: AuthUser, query: ListSessionsQuery): Promise<Page<SessionRecord>> {
  return sessionsRepository.list(
    {
      ...(await visibleScope(actor, query.startupId)),
      mentorId: query.mentorId,
      status: query.status,
      from: query.from ? canThoDayStart(query.from) : undefined,
      to: query.to ? canThoDayStart(addDays(query.to, 1)) : undefined,
    },
    { limit: query.limit, cursor: query.cursor },
  );
}

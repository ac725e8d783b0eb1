import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';
import { StartupMentorPageQuery } from '../../requests/dto/list-requests.query.js';
import { SESSION_STATUSES, type SessionStatus } from '../session.model.js';

/** GET /sessions: what the caller may see, narrowed. */
export class ListSessionsQuery extends StartupMentorPageQuery {
  @IsOptional()
  @IsIn(SESSION_STATUSES, { message: `status must be one of: ${SESSION_STATUSES.join(', ')}` })
  status?: SessionStatus;

  /** Sessions starting on or after this Can Tho day. */
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  /** Sessions starting on or before this Can Tho day. */
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

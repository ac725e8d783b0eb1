import { IsIn, IsMongoId, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../core/http/pagination.js';
import { REQUEST_STATUSES, type RequestStatus } from '../mentor-request.model.js';
import { MENTORSHIP_STATUSES, type MentorshipStatus } from '../mentorship.model.js';

/** Paging and the startup and mentor filters shared by the lists of this module and of sessions. */
export class StartupMentorPageQuery extends PageQueryDto {
  @IsOptional()
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId?: string;

  @IsOptional()
  @IsMongoId({ message: 'mentorId must be a mentor id' })
  mentorId?: string;
}

/** GET /mentor-requests: what the caller may see, narrowed by startup, mentor and status. */
export class ListRequestsQuery extends StartupMentorPageQuery {
  @IsOptional()
  @IsIn(REQUEST_STATUSES, { message: `status must be one of: ${REQUEST_STATUSES.join(', ')}` })
  status?: RequestStatus;
}

/** GET /mentorships. */
export class ListMentorshipsQuery extends StartupMentorPageQuery {
  @IsOptional()
  @IsIn(MENTORSHIP_STATUSES, { message: `status must be one of: ${MENTORSHIP_STATUSES.join(', ')}` })
  status?: MentorshipStatus;
}

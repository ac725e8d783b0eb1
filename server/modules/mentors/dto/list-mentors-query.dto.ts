import { IsIn, IsOptional } from 'class-validator';
import { LANGUAGE_CODES } from '../../../core/taxonomy/languages.js';
import { ListQueryDto } from '../../../core/http/pagination.js';
import { SECTOR_CODES, STAGE_CODES, TOPIC_CODES, type Sector, type Stage, type Topic } from '../../../core/taxonomy/taxonomy.js';
import { MENTOR_MODES, MENTOR_STATUSES, type MentorMode, type MentorStatus } from '../mentor-profile.js';

/** GET /mentors: a page of profiles, each filter narrowing it further. */
export class ListMentorsQueryDto extends ListQueryDto {
  /** Mentors who work with this sector. */
  @IsOptional() @IsIn(SECTOR_CODES) sector?: Sector;
  /** Mentors who help startups at this stage. */
  @IsOptional() @IsIn(STAGE_CODES) stage?: Stage;
  /** Mentors with this topic among their expertise. */
  @IsOptional() @IsIn(TOPIC_CODES) topic?: Topic;
  /** Mentors who speak this ISO 639-1 language. */
  @IsOptional()
  @IsIn(LANGUAGE_CODES, { message: 'language must be a two-letter ISO 639-1 code such as vi' })
  language?: string;
  /** Staff only: others always see active mentors, and asking for another status is a 403. */
  @IsOptional() @IsIn(MENTOR_STATUSES) status?: MentorStatus;
  /** Mentors who meet this way; `online` and `offline` include mentors who do both. */
  @IsOptional() @IsIn(MENTOR_MODES) mode?: MentorMode;
}

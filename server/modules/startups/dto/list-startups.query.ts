import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ListQueryDto } from '../../../core/http/pagination.js';
import { SECTOR_CODES, STAGE_CODES, TOPIC_CODES } from '../../../core/taxonomy/taxonomy.js';
import { STARTUP_KINDS } from '../eligibility.js';

/** GET /startups filters (combine with `q`, `limit`, `cursor`). */
export class ListStartupsQuery extends ListQueryDto {
  @IsOptional() @IsIn(SECTOR_CODES) sector?: string;
  @IsOptional() @IsIn(STAGE_CODES) stage?: string;
  @IsOptional() @IsIn(STARTUP_KINDS) kind?: string;
  @IsOptional() @IsIn(TOPIC_CODES) need?: string;

  /** true: only startups eligible today; false: only ineligible ones. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'eligible must be true or false' })
  eligible?: boolean;
}

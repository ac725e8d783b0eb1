import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ListQueryDto } from '../../../core/http/pagination.js';

/** GET /cohorts filters (combine with `q`, `limit`, `cursor`). */
export class ListCohortsQuery extends ListQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

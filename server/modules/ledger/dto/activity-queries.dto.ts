import { IsIn, IsMongoId, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ListQueryDto } from '../../../core/http/pagination.js';
import { DateParam, YearParam } from './period-params.js';
import { ACTIVITY_KINDS, type ActivityKind } from '../activity-kinds.js';

/** GET /activities filters (combine with `q`, `limit`, `cursor`). */
export class ListActivitiesQuery extends ListQueryDto {
  @IsOptional()
  @IsIn(ACTIVITY_KINDS, { message: `kind must be one of: ${ACTIVITY_KINDS.join(', ')}` })
  kind?: ActivityKind;

  /** Activities starting in this year. */
  @YearParam()
  year?: number;

  /** Activities starting on or after this date. */
  @DateParam()
  from?: string;

  /** Activities starting on or before this date. */
  @DateParam()
  to?: string;

  /** Activities this startup attended. */
  @IsOptional()
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId?: string;
}

export const IMPORT_MODES = ['append', 'replace'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * The longest CSV accepted in one import, in characters: about 150 attendees
 * (a longer list goes in parts, `mode: append`). Even written as JSON escapes
 * (12 bytes for a character outside the BMP) it fits the 100 kB body limit,
 * so any CSV past it is refused by name (400), never as a body too large.
 */
export const MAX_CSV_LENGTH = 8000;

/**
 * POST /activities/{id}/attendance/import: a CSV with a header row naming
 * its columns — `name` (required), `email`, `startupId`, `organisation` — in
 * any order, comma- or semicolon-separated, quotes as RFC 4180.
 */
export class ImportAttendanceDto {
  /** The file's text; a byte-order mark at its start is ignored. */
  @IsString()
  @MinLength(1, { message: 'csv must not be empty' })
  @MaxLength(MAX_CSV_LENGTH)
  csv!: string;

  /** `append` (default) adds the rows not already there; `replace` replaces the whole list. */
  @IsOptional()
  @IsIn(IMPORT_MODES, { message: 'mode must be append or replace' })
  mode?: ImportMode;
}

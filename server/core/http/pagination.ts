/**
 * List queries: `?limit=&cursor=&q=` → `{ items, nextCursor }` (SPEC §10).
 * Each module's list query DTO extends this one with its filters; the page
 * itself is read by the repository (core/db/pages.ts).
 */
import { Type } from 'class-transformer';
import { IsInt, IsMongoId, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?limit=&cursor=`: the paging of every list. */
export class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @IsOptional()
  @IsMongoId({ message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

/** Base of every searchable list query DTO; modules extend it with their filters. */
export class ListQueryDto extends PageQueryDto {
  /** Text search; diacritics and case are ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

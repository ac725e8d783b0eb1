/**
 * Cursor pagination: `?limit=&cursor=` → `{ items, nextCursor }`. Lists are
 * ordered by `_id` (stable, indexed); the cursor is the last `_id` seen.
 * Filters combine with the cursor, so a page never repeats or skips a row.
 */
import { Type } from 'class-transformer';
import { IsInt, IsMongoId, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import mongoose from 'mongoose';

/** Base of every list query DTO; modules extend it with their filters. */
export class ListQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @IsOptional()
  @IsMongoId({ message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  /** Text search; diacritics and case are ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The filter that starts a page after `cursor`. */
export function afterCursor(cursor: string | undefined): Record<string, unknown> {
  return cursor ? { _id: { $gt: new mongoose.Types.ObjectId(cursor) } } : {};
}

/**
 * Runs a page query: `find` receives the full filter and `limit + 1`, so we
 * know whether there is a next page without counting.
 */
export async function paginate<D extends { _id: mongoose.Types.ObjectId }, V>(
  query: { limit: number; cursor?: string },
  filter: Record<string, unknown>,
  find: (filter: Record<string, unknown>, limit: number) => Promise<D[]>,
  present: (doc: D) => V,
): Promise<Page<V>> {
  // $and, not a spread: the filter may constrain _id itself (a caller's visible ids).
  const docs = await find(query.cursor ? { $and: [filter, afterCursor(query.cursor)] } : filter, query.limit + 1);
  const hasMore = docs.length > query.limit;
  const pageDocs = hasMore ? docs.slice(0, query.limit) : docs;
  return {
    items: pageDocs.map(present),
    nextCursor: hasMore ? pageDocs[pageDocs.length - 1]!._id.toHexString() : null,
  };
}

/**
 * One page of a list in `_id` order (stable, indexed): `limit + 1` rows are
 * read so that we know whether a next page exists without counting. The
 * cursor is the last `_id` of the previous page; it is combined with the
 * caller's filter by `$and`, so a cursor can never widen what a caller sees.
 */
import mongoose from 'mongoose';

export interface Page<T> {
  items: T[];
  /** The `cursor` of the next page; null on the last one. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  /** The `nextCursor` of the previous page (already validated as an ObjectId). */
  cursor?: string;
}

export async function findPage<R extends { _id: mongoose.Types.ObjectId }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: mongoose.Model<any>,
  filter: Record<string, unknown>,
  page: PageRequest,
): Promise<Page<R>> {
  const conditions = [filter, page.cursor ? { _id: { $gt: new mongoose.Types.ObjectId(page.cursor) } } : {}].filter((c) => Object.keys(c).length > 0);
  const query = conditions.length > 1 ? { $and: conditions } : (conditions[0] ?? {});
  const rows = (await model.find(query).sort({ _id: 1 }).limit(page.limit + 1).lean()) as R[];
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!._id.toHexString() : null };
}

/** Maps a page's items, keeping its cursor. */
export const mapPage = <T, U>(page: Page<T>, present: (item: T) => U): Page<U> => ({ items: page.items.map(present), nextCursor: page.nextCursor });

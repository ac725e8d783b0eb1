/**
 * The one way a record changes state under concurrency (DATABASE.md rule 1):
 * a single atomic conditional update on the record's id and what the caller
 * expects it to hold — a status (`{ status: 'pending' }`) or the revision it
 * read (`{ revision: 3 }`). Of racing callers exactly one matches; each of
 * the others gets the record as it is now, so that it can answer 409 with
 * the current state. History is appended in the same update (`$push`), so
 * a change and its history entry are never seen apart.
 */
import type mongoose from 'mongoose';

export type GuardedUpdate<R> = { applied: true; record: R } | { applied: false; current: R | undefined };

/**
 * Applies `update` to the record with this id only while it matches
 * `expected`. `applied: false` with `current: undefined` means there is no
 * such record (any more).
 */
export async function updateIfMatches<R>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: mongoose.Model<any>,
  id: mongoose.Types.ObjectId,
  expected: Record<string, unknown>,
  update: mongoose.UpdateQuery<unknown>,
): Promise<GuardedUpdate<R>> {
  const record = (await model.findOneAndUpdate({ _id: id, ...expected }, update, { new: true, runValidators: true }).lean()) as R | null;
  if (record) return { applied: true, record };
  const current = (await model.findById(id).lean()) as R | null;
  return { applied: false, current: current ?? undefined };
}

/**
 * Race-safe state changes. A conditional update (`{ _id, status: from }`)
 * is not atomic on FerretDB: of six concurrent approvals of one mentor,
 * several went through. So a change is first written to a ledger whose
 * unique key is (record id, revision): exactly one of racing changes can
 * claim a revision (DATABASE.md, rule 1). The claimant then applies it to
 * the record, moving the revision on. A loser finishes the winner's change
 * too, so a writer that died between claim and update leaves nothing half
 * done. The ledger is kept: it is the record's history of changes.
 */
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../http/problem.js';

/**
 * Claims `change` in `ledger` and applies it. `key` selects the ledger row
 * for this record and revision. `apply` must be idempotent (match the
 * record on its revision). Returns false when another change won.
 */
export async function applyOnce<C extends object>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ledger: Model<any>,
  change: C,
  key: Record<string, unknown>,
  apply: (change: C) => Promise<void>,
): Promise<boolean> {
  try {
    await ledger.create(change);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const winner = (await ledger.findOne(key).lean()) as C | null;
    if (winner) await apply(winner);
    return false;
  }
  await apply(change);
  return true;
}

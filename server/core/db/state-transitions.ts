/**
 * Race-safe state changes. A conditional update (`{ _id, status: from }`)
 * is not atomic on FerretDB: six concurrent approvals of one mentor let
 * several through. So a state change first *claims* the move out of the
 * record's current `statusVersion` by inserting a row whose unique key is
 * (entity, entityId, version). Exactly one claimant wins; it then applies
 * the change and bumps the version. Losers answer 409. The rows are also a
 * permanent log of every transition (DATABASE.md, rule 1).
 */
import mongoose, { Schema } from 'mongoose';
import { isDuplicateKey } from '../http/problem.js';

const stateTransitionSchema = new Schema(
  {
    entity: { type: String, required: true },
    entityId: { type: Schema.Types.ObjectId, required: true },
    /** The statusVersion the record had before this move. */
    version: { type: Number, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    /** Who asked; null for the system (a job). */
    by: { type: Schema.Types.ObjectId, default: null },
    at: { type: Date, required: true },
    applied: { type: Boolean, required: true, default: false },
  },
  { strict: 'throw', collection: 'state_transitions' },
);
stateTransitionSchema.index({ entity: 1, entityId: 1, version: 1 }, { unique: true });

const StateTransitionModel = mongoose.model('StateTransition', stateTransitionSchema);

export interface TransitionRequest {
  entity: string;
  entityId: mongoose.Types.ObjectId;
  /** The record's statusVersion as read. */
  version: number;
  from: string;
  to: string;
  by: string | null;
  at: Date;
}

/**
 * Claims the move, then runs `apply` (which must update the record with
 * `{ _id, statusVersion: version }` and `$inc: { statusVersion: 1 }`).
 * Returns false when another move from this version won.
 */
export async function transitionOnce(request: TransitionRequest, apply: () => Promise<void>): Promise<boolean> {
  let claim;
  try {
    claim = await StateTransitionModel.create({
      ...request,
      by: request.by ? new mongoose.Types.ObjectId(request.by) : null,
      applied: false,
    });
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
  await apply();
  await StateTransitionModel.updateOne({ _id: claim._id }, { $set: { applied: true } });
  return true;
}

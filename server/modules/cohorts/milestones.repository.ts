/** The only door to the milestones collection. */
import mongoose from 'mongoose';
import { onlyDuplicateKeys } from '../../core/db/duplicate-key.js';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { MilestoneModel, type MilestoneDocument, type MilestoneState } from './milestone.model.js';

export type MilestoneRecord = MilestoneDocument;

export interface NewMilestone {
  cohortId: mongoose.Types.ObjectId;
  startupId: mongoose.Types.ObjectId;
  admissionId: mongoose.Types.ObjectId;
  key: string;
  order: number;
  title: string;
  description: string;
  dueOn: string;
}

export interface MilestoneChange {
  to: MilestoneState;
  /** Set when the change replaces the note. */
  note?: string;
  at: Date;
  by: string;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);

export const milestonesRepository = {
  /** The collection's name, for the board's `$lookup`. */
  collectionName: MilestoneModel.collection.collectionName,

  /** Inserts planned milestones; those already there (a retried admission) are left as they are. */
  async insertMissing(milestones: readonly NewMilestone[]): Promise<void> {
    if (milestones.length === 0) return;
    try {
      await MilestoneModel.insertMany(milestones, { ordered: false });
    } catch (error) {
      if (!onlyDuplicateKeys(error)) throw error;
    }
  },

  /** Undefined for an unknown or malformed id (callers answer 404). */
  async findById(id: string): Promise<MilestoneRecord | undefined> {
    const _id = toId(id);
    if (!_id) return undefined;
    return ((await MilestoneModel.findById(_id).lean()) as MilestoneRecord | null) ?? undefined;
  },

  /** One admission's milestones in template order (at most the template's 50). */
  async findByAdmission(admissionId: mongoose.Types.ObjectId): Promise<MilestoneRecord[]> {
    return (await MilestoneModel.find({ admissionId }).sort({ order: 1 }).lean()) as MilestoneRecord[];
  },

  /** Freezes an ended admission's milestones: from now on `change` refuses them. */
  async freezeAdmission(admissionId: mongoose.Types.ObjectId): Promise<void> {
    await MilestoneModel.updateMany({ admissionId, frozen: { $ne: true } }, { $set: { frozen: true } });
  },

  /**
   * Applies one change (state and/or note) with its history entry, in one
   * atomic update, only if the milestone is still at the revision read:
   * of two concurrent changes exactly one applies, and none once the
   * milestone is frozen. `applied: false` with the milestone as it is now otherwise.
   */
  async change(milestone: Pick<MilestoneRecord, '_id' | 'revision' | 'state'>, change: MilestoneChange): Promise<GuardedUpdate<MilestoneRecord>> {
    const hasNote = typeof change.note === 'string';
    const entry = { from: milestone.state, to: change.to, at: change.at, by: new mongoose.Types.ObjectId(change.by), ...(hasNote ? { note: change.note } : {}) };
    return updateIfMatches<MilestoneRecord>(MilestoneModel, milestone._id, { revision: milestone.revision, frozen: { $ne: true } }, {
      $set: { state: change.to, ...(hasNote ? { note: change.note } : {}) },
      $inc: { revision: 1 },
      $push: { history: entry },
    });
  },
};

/** The only door to the milestones collection and its change ledger. */
import mongoose from 'mongoose';
import { isDuplicateKey } from '../../core/http/problem.js';
import { applyOnce } from '../../core/db/claimed-change.js';
import {
  MilestoneChangeModel,
  MilestoneModel,
  type MilestoneChangeDocument,
  type MilestoneDocument,
  type MilestoneState,
} from './milestone.model.js';

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

/** What the board needs of each milestone. */
export type MilestoneFacts = Pick<MilestoneRecord, '_id' | 'admissionId' | 'title' | 'dueOn' | 'state'>;

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);

/** True when every failure of a bulk insert is a duplicate key (the rows were already there). */
function onlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> }).writeErrors;
  if (Array.isArray(writeErrors) && writeErrors.length > 0) return writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
  return isDuplicateKey(error);
}

/** Writes a claimed change onto the milestone. Idempotent: once applied, the revision has moved on and nothing matches. */
async function applyChange(change: Omit<MilestoneChangeDocument, '_id'>): Promise<void> {
  const hasNote = typeof change.note === 'string';
  const entry = { from: change.from, to: change.to, at: change.at, by: change.by, ...(hasNote ? { note: change.note } : {}) };
  await MilestoneModel.updateOne(
    { _id: change.milestoneId, revision: change.revision },
    {
      $set: { state: change.to, revision: change.revision + 1, ...(hasNote ? { note: change.note } : {}) },
      // $addToSet, not $push: a roll-forward racing the original writer adds the same entry once.
      $addToSet: { history: entry },
    },
  );
}

export const milestonesRepository = {
  /** Inserts planned milestones; those already there (a retried admission) are left as they are. */
  async insertMissing(milestones: readonly NewMilestone[]): Promise<void> {
    if (milestones.length === 0) return;
    try {
      await MilestoneModel.insertMany(milestones, { ordered: false });
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
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

  /** The fields the board needs, for every milestone of a cohort (bounded: admissions × template size). */
  async factsByCohort(cohortId: mongoose.Types.ObjectId): Promise<MilestoneFacts[]> {
    return (await MilestoneModel.find({ cohortId }, { admissionId: 1, title: 1, dueOn: 1, state: 1 })
      .sort({ order: 1 })
      .lean()) as MilestoneFacts[];
  },

  /**
   * Applies one change to the milestone as read at `milestone.revision`.
   * The ledger's unique (milestoneId, revision) lets exactly one of two
   * concurrent changes claim that revision (see applyOnce). False for the loser.
   */
  async change(milestone: Pick<MilestoneRecord, '_id' | 'revision' | 'state'>, change: MilestoneChange): Promise<boolean> {
    const claim = {
      milestoneId: milestone._id,
      revision: milestone.revision,
      from: milestone.state,
      to: change.to,
      ...(change.note !== undefined ? { note: change.note } : {}),
      at: change.at,
      by: new mongoose.Types.ObjectId(change.by),
    };
    return applyOnce(MilestoneChangeModel, claim, { milestoneId: milestone._id, revision: milestone.revision }, applyChange);
  },
};

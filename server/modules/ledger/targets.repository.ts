/** The only door to the report_targets collection. */
import { Conflict } from '../../core/errors.js';
import mongoose from 'mongoose';
import { isDuplicateKey } from '../../core/db/duplicate-key.js';
import { TargetModel, type TargetDocument } from './target.model.js';

export type TargetRecord = TargetDocument;

export interface TargetChange {
  year: number;
  kpi: string;
  value: number;
  at: Date;
  by: mongoose.Types.ObjectId;
  note?: string;
}

export const targetsRepository = {
  /** Targets of these years (all years when none are given), by year then KPI. */
  async ofYears(years?: readonly number[]): Promise<TargetRecord[]> {
    const filter = years ? { year: { $in: [...years] } } : {};
    return (await TargetModel.find(filter).sort({ year: 1, kpi: 1 }).lean()) as TargetRecord[];
  },

  /**
   * Sets a target and appends the change to its history in one update;
   * creates the target when the year has none. `previous` is the value it
   * replaced, read by the same update (a concurrent edit is never lost from
   * the history: each is one `$push`).
   */
  async set(change: TargetChange): Promise<TargetRecord> {
    const entry = { value: change.value, at: change.at, by: change.by, ...(change.note ? { note: change.note } : {}) };
    for (let attempt = 0; ; attempt++) {
      const before = (await TargetModel.findOne({ year: change.year, kpi: change.kpi }, { value: 1 }).lean()) as { value: number } | null;
      try {
        if (!before) {
          return (await TargetModel.create({ year: change.year, kpi: change.kpi, value: change.value, history: [{ ...entry, previous: null }] })).toObject() as TargetRecord;
        }
        // Guarded on the value read, so that `previous` is exact; another edit in between makes us read again.
        const updated = (await TargetModel.findOneAndUpdate(
          { year: change.year, kpi: change.kpi, value: before.value },
          { $set: { value: change.value }, $push: { history: { ...entry, previous: before.value } } },
          { new: true },
        ).lean()) as TargetRecord | null;
        if (updated) return updated;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // created by someone else meanwhile: read again
      }
      if (attempt >= 10) throw new Conflict('concurrent_change', 'This target kept changing while it was being edited; read it and try again.');
    }
  },
};

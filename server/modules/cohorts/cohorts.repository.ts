/** The only door to the cohorts collection. */
import mongoose from 'mongoose';
import { CohortModel, type CohortDocument } from './cohort.model.js';
import type { MatchingWeights } from './matching-weights.js';

export type CohortRecord = CohortDocument;

export interface NewCohort {
  name: string;
  programme: string;
  year: number;
  startsOn: string;
  endsOn: string;
  managerIds: mongoose.Types.ObjectId[];
  weights: MatchingWeights;
  milestoneTemplate: Array<{ key: string; title: string; description: string; dueWeeks: number }>;
  searchText: string;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);

export const cohortsRepository = {
  async create(fields: NewCohort): Promise<CohortRecord> {
    const doc = await CohortModel.create(fields);
    return doc.toObject() as CohortRecord;
  },

  /** Undefined for an unknown or malformed id (callers answer 404). */
  async findById(id: string): Promise<CohortRecord | undefined> {
    const _id = toId(id);
    if (!_id) return undefined;
    return ((await CohortModel.findById(_id).lean()) as CohortRecord | null) ?? undefined;
  },

  /** One page, ordered by _id; `filter` is built by the use case. */
  async find(filter: Record<string, unknown>, limit: number): Promise<CohortRecord[]> {
    return (await CohortModel.find(filter).sort({ _id: 1 }).limit(limit).lean()) as CohortRecord[];
  },
};

/** The only door to the cohorts collection. */
import mongoose from 'mongoose';
import { findPage, WITHOUT_SEARCH_TEXT, type Page, type PageRequest } from '../../core/db/pages.js';
import { searchFilter } from '../../core/text/search-text.js';
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

/** What a list may be narrowed by; every given criterion must hold. */
export interface CohortListCriteria {
  /** Only these cohorts (a founder's); undefined for no limit. */
  ids?: readonly mongoose.Types.ObjectId[];
  year?: number;
  q?: string;
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

  /** Ids of the cohorts this user manages. */
  async idsManagedBy(userId: string): Promise<mongoose.Types.ObjectId[]> {
    const _id = toId(userId);
    if (!_id) return [];
    return (await CohortModel.find({ managerIds: _id }, { _id: 1 }).lean()).map((cohort) => cohort._id as mongoose.Types.ObjectId);
  },

  /** One page in `_id` order. */
  async list(criteria: CohortListCriteria, page: PageRequest): Promise<Page<CohortRecord>> {
    const filter: Record<string, unknown> = searchFilter(criteria.q);
    if (criteria.ids) filter._id = { $in: criteria.ids };
    if (criteria.year !== undefined) filter.year = criteria.year;
    return findPage<CohortRecord>(CohortModel, filter, page, WITHOUT_SEARCH_TEXT);
  },
};

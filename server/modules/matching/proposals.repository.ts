/** The only door to the assignment_proposals collection. */
import mongoose from 'mongoose';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { findPage, type Page, type PageRequest } from '../../core/db/pages.js';
import { ProposalModel, type ApplyAs, type ProposalDocument } from './proposal.model.js';

export type ProposalRecord = Omit<ProposalDocument, 'unserved'> & {
  unserved: Array<Omit<ProposalDocument['unserved'][number], 'exclusions'> & { exclusions: Record<string, number> | Map<string, number> }>;
};

export interface ProposalPair {
  startupId: mongoose.Types.ObjectId;
  mentorId: mongoose.Types.ObjectId;
  startupName: string;
  mentorName: string;
  score: number;
  reason: { vi: string; en: string };
}

export interface NewProposal {
  cohortId: mongoose.Types.ObjectId;
  createdBy: mongoose.Types.ObjectId;
  mentorsPerStartup: number;
  pairs: ProposalPair[];
  total: number;
  optimalTotal: number;
  greedyTotal: number;
  unserved: Array<{ startupId: mongoose.Types.ObjectId; startupName: string; missing: number; eligibleMentors: number; why: string; exclusions: Record<string, number> }>;
  computeMs: number;
}

export interface ApplyResult {
  startupId: mongoose.Types.ObjectId;
  mentorId: mongoose.Types.ObjectId;
  outcome: 'created' | 'failed';
  code?: string;
  requestId?: mongoose.Types.ObjectId;
  mentorshipId?: mongoose.Types.ObjectId;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);

export const proposalsRepository = {
  async create(proposal: NewProposal): Promise<ProposalRecord> {
    const doc = await ProposalModel.create({ ...proposal, status: 'draft' });
    return doc.toObject() as unknown as ProposalRecord;
  },

  /** The proposal if it belongs to this cohort; undefined otherwise or for malformed ids. */
  async findInCohort(cohortId: string, id: string): Promise<ProposalRecord | undefined> {
    const [_id, cohort] = [toId(id), toId(cohortId)];
    if (!_id || !cohort) return undefined;
    return ((await ProposalModel.findOne({ _id, cohortId: cohort }).lean()) as ProposalRecord | null) ?? undefined;
  },

  /** A cohort's proposals, one page in `_id` order. */
  async listInCohort(cohortId: mongoose.Types.ObjectId, page: PageRequest): Promise<Page<ProposalRecord>> {
    return findPage<ProposalRecord>(ProposalModel, { cohortId }, page, {});
  },

  /** Replaces the pairs of a draft, only at the revision read. */
  async edit(current: Pick<ProposalRecord, '_id' | 'revision'>, pairs: ProposalPair[], total: number): Promise<GuardedUpdate<ProposalRecord>> {
    return updateIfMatches<ProposalRecord>(ProposalModel, current._id, { status: 'draft', revision: current.revision }, {
      $set: { pairs, total, edited: true },
      $inc: { revision: 1 },
    });
  },

  /** Claims a draft for applying: of two applies at once exactly one proceeds. */
  async claim(id: mongoose.Types.ObjectId, by: string, as: ApplyAs, at: Date): Promise<GuardedUpdate<ProposalRecord>> {
    return updateIfMatches<ProposalRecord>(ProposalModel, id, { status: 'draft' }, {
      $set: { status: 'applied', appliedAt: at, appliedBy: new mongoose.Types.ObjectId(by), appliedAs: as },
      $inc: { revision: 1 },
    });
  },

  async recordResults(id: mongoose.Types.ObjectId, results: ApplyResult[]): Promise<ProposalRecord | undefined> {
    return ((await ProposalModel.findByIdAndUpdate(id, { $set: { results } }, { new: true }).lean()) as ProposalRecord | null) ?? undefined;
  },
};

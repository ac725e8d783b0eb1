/** The only door to the cohort admissions. */
import mongoose from 'mongoose';
import { insertUnlessDuplicate } from '../../core/db/duplicate-key.js';
import { findAllStored } from '../../core/db/stored.js';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { startupsRepository } from '../startups/startups.repository.js';
import { AdmissionModel, type AdmissionDocument, type AdmissionStatus } from './admission.model.js';
import type { MilestoneState } from './milestone.model.js';
import { milestonesRepository } from './milestones.repository.js';

export type AdmissionRecord = AdmissionDocument;

const ACTIVE = { status: 'active' };

export interface NewAdmission {
  cohortId: mongoose.Types.ObjectId;
  startupId: mongoose.Types.ObjectId;
  admittedAt: Date;
  admittedBy: string;
}

export interface AdmissionMove {
  to: AdmissionStatus;
  at: Date;
  /** The user making the move; null for the system. */
  by: string | null;
  reason?: string;
}

/** The admission's ids as the rest of the domain uses them. */
export interface AdmissionPair {
  cohortId: string;
  startupId: string;
}

/** One line of the cohort board: the admission, its startup's name, and what the board needs of its milestones. */
export interface BoardRow {
  _id: mongoose.Types.ObjectId;
  startupId: mongoose.Types.ObjectId;
  status: AdmissionStatus;
  startupName: string;
  milestones: Array<{ _id: mongoose.Types.ObjectId; title: string; dueOn: string; state: MilestoneState }>;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);
const toIds = (ids: readonly string[]) => ids.map(toId).filter((id): id is mongoose.Types.ObjectId => id !== undefined);

export const admissionsRepository = {
  /** Inserts an active admission; undefined when the startup is already admitted (the unique pair decides, even under races). */
  async create(admission: NewAdmission): Promise<AdmissionRecord | undefined> {
    const admittedBy = new mongoose.Types.ObjectId(admission.admittedBy);
    return insertUnlessDuplicate(async () => {
      const doc = await AdmissionModel.create({
        ...admission,
        admittedBy,
        status: 'active',
        history: [{ status: 'active', at: admission.admittedAt, by: admittedBy }],
      });
      return doc.toObject() as AdmissionRecord;
    });
  },

  /** Admissions made within [start, end) (instants), for reports. */
  async admittedBetween(start: Date, end: Date): Promise<Array<Pick<AdmissionRecord, '_id' | 'cohortId' | 'startupId' | 'admittedAt'>>> {
    return (await AdmissionModel.collection
      .find({ admittedAt: { $gte: start, $lt: end } }, { projection: { cohortId: 1, startupId: 1, admittedAt: 1 } })
      .toArray()) as unknown as Array<Pick<AdmissionRecord, '_id' | 'cohortId' | 'startupId' | 'admittedAt'>>;
  },

  /** Past admissions as they were (demo and synthetic history; live admissions go through `create`). */
  async insertHistory(rows: Array<Omit<NewAdmission, 'admittedBy'> & { admittedBy: mongoose.Types.ObjectId; status: AdmissionStatus; history: Array<{ status: AdmissionStatus; at: Date; by: mongoose.Types.ObjectId | null; reason?: string }> }>): Promise<number> {
    if (rows.length === 0) return 0;
    return (await AdmissionModel.insertMany(rows)).length;
  },

  async findById(id: string | mongoose.Types.ObjectId): Promise<AdmissionRecord | undefined> {
    const _id = typeof id === 'string' ? toId(id) : id;
    if (!_id) return undefined;
    return ((await AdmissionModel.findById(_id).lean()) as AdmissionRecord | null) ?? undefined;
  },

  /** The admission of this startup to this cohort; undefined for unknown or malformed ids. */
  async findByPair(cohortId: string, startupId: string): Promise<AdmissionRecord | undefined> {
    const [cohort, startup] = [toId(cohortId), toId(startupId)];
    if (!cohort || !startup) return undefined;
    return ((await AdmissionModel.findOne({ cohortId: cohort, startupId: startup }).lean()) as AdmissionRecord | null) ?? undefined;
  },

  async findActiveByStartup(startupId: string): Promise<AdmissionRecord[]> {
    const _id = toId(startupId);
    if (!_id) return [];
    return findAllStored<AdmissionRecord>(AdmissionModel, 'startupId', _id, ACTIVE);
  },

  /** Startups active in any of these cohorts. */
  async activeStartupIdsIn(cohortIds: readonly mongoose.Types.ObjectId[]): Promise<string[]> {
    if (cohortIds.length === 0) return [];
    const docs = await AdmissionModel.find({ cohortId: { $in: cohortIds }, status: 'active' }, { startupId: 1 }).lean();
    return [...new Set(docs.map((d) => d.startupId.toHexString()))];
  },

  /** Every active admission's (cohort, startup) pair. */
  async findActivePairs(): Promise<AdmissionPair[]> {
    const docs = await AdmissionModel.find({ status: 'active' }, { cohortId: 1, startupId: 1 }).sort({ _id: 1 }).lean();
    return docs.map((d) => ({ cohortId: d.cohortId.toHexString(), startupId: d.startupId.toHexString() }));
  },

  /** Cohorts that any of these startups has been admitted to (any status). */
  async cohortIdsOfStartups(startupIds: readonly string[]): Promise<mongoose.Types.ObjectId[]> {
    const ids = toIds(startupIds);
    if (ids.length === 0) return [];
    return AdmissionModel.distinct('cohortId', { startupId: { $in: ids } });
  },

  /** Whether any of these startups has been admitted to the cohort (any status). */
  async anyAdmitted(cohortId: mongoose.Types.ObjectId, startupIds: readonly string[]): Promise<boolean> {
    const ids = toIds(startupIds);
    if (ids.length === 0) return false;
    return (await AdmissionModel.exists({ cohortId, startupId: { $in: ids } })) !== null;
  },

  /**
   * Ends an active admission and appends the history entry, in one atomic
   * update: of racing moves exactly one applies. `applied: false` when the
   * admission was not active (any more), with the admission as it is now.
   */
  async end(id: mongoose.Types.ObjectId, move: AdmissionMove): Promise<GuardedUpdate<AdmissionRecord>> {
    const entry = { status: move.to, at: move.at, by: move.by ? new mongoose.Types.ObjectId(move.by) : null, ...(move.reason ? { reason: move.reason } : {}) };
    return updateIfMatches<AdmissionRecord>(AdmissionModel, id, { status: 'active' }, { $set: { status: move.to }, $push: { history: entry } });
  },

  /** Every admission of a cohort with its startup's name and its milestones' board facts: one query. */
  async boardRows(cohortId: string): Promise<BoardRow[]> {
    const _id = toId(cohortId);
    if (!_id) return [];
    return AdmissionModel.aggregate<BoardRow>([
      { $match: { cohortId: _id } },
      { $lookup: { from: startupsRepository.collectionName, localField: 'startupId', foreignField: '_id', as: 'startup' } },
      { $lookup: { from: milestonesRepository.collectionName, localField: '_id', foreignField: 'admissionId', as: 'milestones' } },
      {
        $project: {
          startupId: 1,
          status: 1,
          startupName: { $arrayElemAt: ['$startup.name', 0] },
          milestones: { $map: { input: '$milestones', as: 'm', in: { _id: '$$m._id', title: '$$m.title', dueOn: '$$m.dueOn', state: '$$m.state' } } },
        },
      },
      { $sort: { _id: 1 } },
    ]);
  },
};

/** The only door to the cohort admissions and their change ledger. */
import mongoose from 'mongoose';
import { applyOnce } from '../../core/db/claimed-change.js';
import {
  AdmissionChangeModel,
  AdmissionModel,
  type AdmissionChangeDocument,
  type AdmissionDocument,
  type AdmissionStatus,
} from './admission.model.js';

export type AdmissionRecord = AdmissionDocument;

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

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);
const toIds = (ids: readonly string[]) => ids.map(toId).filter((id): id is mongoose.Types.ObjectId => id !== undefined);

/** Writes a claimed change onto the admission. Idempotent: a second run finds the revision moved on and matches nothing. */
async function applyChange(change: Omit<AdmissionChangeDocument, '_id'>): Promise<void> {
  const entry = { status: change.to, at: change.at, by: change.by ?? null, ...(change.reason ? { reason: change.reason } : {}) };
  await AdmissionModel.updateOne(
    { _id: change.admissionId, revision: change.revision },
    // $addToSet, not $push: a roll-forward racing the original writer adds the same entry once.
    { $set: { status: change.to, revision: change.revision + 1 }, $addToSet: { history: entry } },
  );
}

export const admissionsRepository = {
  /** Inserts an active admission; a second one for the pair surfaces as the driver's E11000. */
  async create(admission: NewAdmission): Promise<AdmissionRecord> {
    const admittedBy = new mongoose.Types.ObjectId(admission.admittedBy);
    const doc = await AdmissionModel.create({
      ...admission,
      admittedBy,
      status: 'active',
      history: [{ status: 'active', at: admission.admittedAt, by: admittedBy }],
    });
    return doc.toObject() as AdmissionRecord;
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

  /** Every admission of a cohort, any status (bounded by the cohort's size). */
  async findByCohort(cohortId: mongoose.Types.ObjectId): Promise<AdmissionRecord[]> {
    return (await AdmissionModel.find({ cohortId }).sort({ _id: 1 }).lean()) as AdmissionRecord[];
  },

  async findActiveByStartup(startupId: string): Promise<AdmissionRecord[]> {
    const _id = toId(startupId);
    if (!_id) return [];
    return (await AdmissionModel.find({ startupId: _id, status: 'active' }).sort({ _id: 1 }).lean()) as AdmissionRecord[];
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
   * Moves the admission from the status it had at `admission.revision`.
   * The ledger's unique (admissionId, revision) decides concurrent moves
   * (see applyOnce). Returns false when another move took it first.
   */
  async move(admission: Pick<AdmissionRecord, '_id' | 'revision' | 'status'>, move: AdmissionMove): Promise<boolean> {
    const change = {
      admissionId: admission._id,
      revision: admission.revision,
      from: admission.status,
      to: move.to,
      at: move.at,
      by: move.by ? new mongoose.Types.ObjectId(move.by) : null,
      ...(move.reason ? { reason: move.reason } : {}),
    };
    return applyOnce(AdmissionChangeModel, change, { admissionId: admission._id, revision: admission.revision }, applyChange);
  },
};

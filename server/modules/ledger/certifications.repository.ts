/** The only door to the certifications collection. */
import mongoose from 'mongoose';
import { insertUnlessDuplicate } from '../../core/db/duplicate-key.js';
import { findPage, type Page, type PageRequest } from '../../core/db/pages.js';
import { CertificationModel, type CertificationDocument, type CertificationKind } from './certification.model.js';

export type CertificationRecord = CertificationDocument;

export interface NewCertification {
  startupId: mongoose.Types.ObjectId;
  kind: CertificationKind;
  title: string;
  number?: string;
  issuer: string;
  issuedOn: string;
  recordedBy: mongoose.Types.ObjectId;
}

export interface CertificationListCriteria {
  /** Only these startups' (a founder's); undefined for no limit. */
  startupIds?: readonly mongoose.Types.ObjectId[];
  kind?: CertificationKind;
  from?: string;
  to?: string;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);
const withStKey = (c: NewCertification) => ({ ...c, ...(c.kind === 'st_enterprise' ? { stKey: c.startupId } : {}) });

export const certificationsRepository = {
  /** Undefined when the startup already has an S&T certificate (the unique `stKey`). */
  async create(certification: NewCertification): Promise<CertificationRecord | undefined> {
    return insertUnlessDuplicate(async () => (await CertificationModel.create(withStKey(certification))).toObject() as CertificationRecord);
  },

  /** Many at once (demo and synthetic data); duplicates of an S&T certificate are refused as one. */
  async insertMany(rows: NewCertification[]): Promise<number> {
    if (rows.length === 0) return 0;
    return (await CertificationModel.insertMany(rows.map(withStKey))).length;
  },

  async findById(id: string): Promise<CertificationRecord | undefined> {
    const _id = toId(id);
    if (!_id) return undefined;
    return ((await CertificationModel.findById(_id).lean()) as CertificationRecord | null) ?? undefined;
  },

  async findStOf(startupId: mongoose.Types.ObjectId): Promise<CertificationRecord | undefined> {
    return ((await CertificationModel.findOne({ stKey: startupId }).lean()) as CertificationRecord | null) ?? undefined;
  },

  async list(criteria: CertificationListCriteria, page: PageRequest): Promise<Page<CertificationRecord>> {
    const filter: Record<string, unknown> = {};
    if (criteria.startupIds) filter.startupId = { $in: criteria.startupIds };
    if (criteria.kind) filter.kind = criteria.kind;
    if (criteria.from || criteria.to) filter.issuedOn = { ...(criteria.from ? { $gte: criteria.from } : {}), ...(criteria.to ? { $lte: criteria.to } : {}) };
    return findPage<CertificationRecord>(CertificationModel, filter, page, {});
  },

  async delete(id: mongoose.Types.ObjectId): Promise<boolean> {
    return (await CertificationModel.deleteOne({ _id: id })).deletedCount === 1;
  },

  /** Certificates of a kind issued within [from, to], for reports. */
  async issuedBetween(kind: CertificationKind, from: string, to: string): Promise<CertificationRecord[]> {
    return (await CertificationModel.collection.find({ kind, issuedOn: { $gte: from, $lte: to } }).toArray()) as unknown as CertificationRecord[];
  },
};

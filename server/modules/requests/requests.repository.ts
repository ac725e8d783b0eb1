/** The only door to the mentor_requests collection. */
import mongoose from 'mongoose';
import { insertUnlessDuplicate, isDuplicateKey } from '../../core/db/duplicate-key.js';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { findPage, type Page, type PageRequest } from '../../core/db/pages.js';
import { MentorRequestModel, type MentorRequestDocument, type RequestStatus } from './mentor-request.model.js';

export type MentorRequestRecord = MentorRequestDocument;

export interface NewMentorRequest {
  startupId: mongoose.Types.ObjectId;
  mentorId: mongoose.Types.ObjectId;
  mentorUserId: mongoose.Types.ObjectId;
  requestedBy: mongoose.Types.ObjectId;
  message: string;
  topics: string[];
  expiresAt: Date;
  at: Date;
  proposalId?: mongoose.Types.ObjectId;
}

/** A request answered in the past, as stored (demo and synthetic history). */
export interface HistoricRequest extends Omit<NewMentorRequest, 'at' | 'proposalId'> {
  requestedAt: Date;
  status: 'accepted' | 'declined';
  respondedAt: Date;
  responseHours: number;
  mentorshipId?: mongoose.Types.ObjectId;
  history: Array<{ status: 'pending' | 'accepted' | 'declined'; at: Date; by: mongoose.Types.ObjectId | null }>;
}

/** What a list may be narrowed by; every given criterion must hold. */
export interface RequestListCriteria {
  /** Only requests of these startups (a founder's own, a manager's cohorts'). */
  startupIds?: readonly string[];
  /** Only requests answered by this mentor user. */
  mentorUserId?: string;
  mentorId?: string;
  status?: RequestStatus;
}

/** How a pending request closes. */
export interface RequestClosing {
  to: Exclude<RequestStatus, 'pending'>;
  at: Date;
  by: string | null;
  declineReason?: string;
  /** Set on accept and decline: hours since the request was made. */
  responseHours?: number;
  mentorshipId?: mongoose.Types.ObjectId;
  /** An answer (accept, decline): applies only while the request's time is not up at `at`. */
  beforeExpiry?: boolean;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);
const toIds = (ids: readonly string[]) => ids.map(toId).filter((id): id is mongoose.Types.ObjectId => id !== undefined);

/** The key of the one open request a pair may have. */
export const openPairKey = (startupId: string, mentorId: string) => `${startupId}:${mentorId}`;

function listFilter(criteria: RequestListCriteria): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (criteria.startupIds) filter.startupId = { $in: toIds(criteria.startupIds) };
  if (criteria.mentorUserId !== undefined) filter.mentorUserId = toId(criteria.mentorUserId) ?? { $in: [] };
  if (criteria.mentorId !== undefined) filter.mentorId = toId(criteria.mentorId) ?? { $in: [] };
  if (criteria.status) filter.status = criteria.status;
  return filter;
}

export const requestsRepository = {
  /** Inserts a pending request; undefined when the pair already has an open one. */
  async create(request: NewMentorRequest): Promise<MentorRequestRecord | undefined> {
    const { at, ...fields } = request;
    return insertUnlessDuplicate(async () => {
      const doc = await MentorRequestModel.create({
        ...fields,
        status: 'pending',
        requestedAt: at,
        openPair: openPairKey(fields.startupId.toHexString(), fields.mentorId.toHexString()),
        history: [{ status: 'pending', at, by: fields.requestedBy }],
      });
      return doc.toObject() as MentorRequestRecord;
    });
  },

  /** Undefined for an unknown or malformed id. */
  async findById(id: string | mongoose.Types.ObjectId): Promise<MentorRequestRecord | undefined> {
    const _id = typeof id === 'string' ? toId(id) : id;
    if (!_id) return undefined;
    return ((await MentorRequestModel.findById(_id).lean()) as MentorRequestRecord | null) ?? undefined;
  },

  /** The open request of a pair, if any (read through the unique key). */
  async findOpen(startupId: string, mentorId: string): Promise<MentorRequestRecord | undefined> {
    return ((await MentorRequestModel.findOne({ openPair: openPairKey(startupId, mentorId) }).lean()) as MentorRequestRecord | null) ?? undefined;
  },

  /** Whether the startup is asking this mentor now, or asked and was accepted (not withdrawn, declined or expired). */
  async openOrAcceptedBetween(startupId: mongoose.Types.ObjectId, mentorUserId: mongoose.Types.ObjectId): Promise<boolean> {
    return (await MentorRequestModel.exists({ startupId, mentorUserId, status: { $in: ['pending', 'accepted'] } })) !== null;
  },

  /** One page in `_id` order. */
  async list(criteria: RequestListCriteria, page: PageRequest): Promise<Page<MentorRequestRecord>> {
    return findPage<MentorRequestRecord>(MentorRequestModel, listFilter(criteria), page, {});
  },

  /** Open (startup, mentor) pairs of these startups. */
  async openPairsOf(startupIds: readonly string[]): Promise<Array<{ startupId: string; mentorId: string }>> {
    const rows = await MentorRequestModel.find({ startupId: { $in: toIds(startupIds) }, status: 'pending' }, { startupId: 1, mentorId: 1 }).lean();
    return rows.map((row) => ({ startupId: row.startupId.toHexString(), mentorId: row.mentorId.toHexString() }));
  },

  /** Pending requests whose time is up at `now` (the expiry sweep). */
  async findDue(now: Date, limit: number): Promise<MentorRequestRecord[]> {
    return (await MentorRequestModel.find({ status: 'pending', expiresAt: { $lte: now } }).sort({ expiresAt: 1 }).limit(limit).lean()) as MentorRequestRecord[];
  },

  /** Requests accepted or declined within [start, end), with their answer times, for reports. */
  async answeredBetween(start: Date, end: Date): Promise<Array<Pick<MentorRequestRecord, '_id' | 'startupId' | 'mentorId' | 'respondedAt' | 'responseHours'>>> {
    return (await MentorRequestModel.collection
      .find(
        { status: { $in: ['accepted', 'declined'] }, respondedAt: { $gte: start, $lt: end }, responseHours: { $exists: true } },
        { projection: { startupId: 1, mentorId: 1, respondedAt: 1, responseHours: 1 } },
      )
      .toArray()) as unknown as Array<Pick<MentorRequestRecord, '_id' | 'startupId' | 'mentorId' | 'respondedAt' | 'responseHours'>>;
  },

  /** Past, answered requests as they were (demo and synthetic history). */
  async insertHistory(rows: HistoricRequest[]): Promise<number> {
    if (rows.length === 0) return 0;
    return (await MentorRequestModel.insertMany(rows)).length;
  },

  /** The answer times (hours) of every request this mentor accepted or declined. */
  async responseHoursOf(mentorId: mongoose.Types.ObjectId): Promise<number[]> {
    const rows = await MentorRequestModel.find({ mentorId, status: { $in: ['accepted', 'declined'] }, responseHours: { $exists: true } }, { responseHours: 1 }).lean();
    return rows.map((row) => row.responseHours!);
  },

  /**
   * Closes a pending request in one atomic update: the status, its history
   * entry, and the pair's open key removed. Of racing closings (an accept
   * and a withdrawal, two expiries) exactly one applies; `applied: false`
   * with the request as it is now for the others.
   */
  async close(id: mongoose.Types.ObjectId, closing: RequestClosing): Promise<GuardedUpdate<MentorRequestRecord>> {
    const entry = { status: closing.to, at: closing.at, by: closing.by ? new mongoose.Types.ObjectId(closing.by) : null, ...(closing.declineReason ? { note: closing.declineReason } : {}) };
    const set: Record<string, unknown> = { status: closing.to };
    if (closing.responseHours !== undefined) Object.assign(set, { respondedAt: closing.at, responseHours: closing.responseHours });
    if (closing.declineReason) set.declineReason = closing.declineReason;
    if (closing.mentorshipId) set.mentorshipId = closing.mentorshipId;
    const guard = { status: 'pending', ...(closing.beforeExpiry ? { expiresAt: { $gt: closing.at } } : {}) };
    return updateIfMatches<MentorRequestRecord>(MentorRequestModel, id, guard, { $set: set, $unset: { openPair: 1 }, $push: { history: entry } });
  },

  /**
   * Undoes an accept whose mentorship could not be started: back to pending,
   * as it was (guarded by the mentorship it was accepted with). False when
   * it changed meanwhile or its pair has a new open request.
   */
  async reopen(id: mongoose.Types.ObjectId, mentorshipId: mongoose.Types.ObjectId, pair: { startupId: string; mentorId: string }): Promise<boolean> {
    try {
      const result = await MentorRequestModel.updateOne(
        { _id: id, status: 'accepted', mentorshipId },
        { $set: { status: 'pending', openPair: openPairKey(pair.startupId, pair.mentorId) }, $unset: { respondedAt: 1, responseHours: 1, mentorshipId: 1 }, $pop: { history: 1 } },
      );
      return result.modifiedCount === 1;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  },

  /** Expired requests whose startup has not been told yet (a run that failed half-way). */
  async findExpiredUntold(limit: number): Promise<MentorRequestRecord[]> {
    return (await MentorRequestModel.find({ status: 'expired', expiryToldAt: { $exists: false } }).sort({ expiresAt: 1 }).limit(limit).lean()) as MentorRequestRecord[];
  },

  /** Records that the startup was told of the expiry; true only for the first run that does. */
  async markExpiryTold(id: mongoose.Types.ObjectId, at: Date): Promise<boolean> {
    const result = await MentorRequestModel.updateOne({ _id: id, status: 'expired', expiryToldAt: { $exists: false } }, { $set: { expiryToldAt: at } });
    return result.modifiedCount === 1;
  },

  /** Records the mentorship an accepted request started. */
  async linkMentorship(id: mongoose.Types.ObjectId, mentorshipId: mongoose.Types.ObjectId): Promise<void> {
    await MentorRequestModel.updateOne({ _id: id, status: 'accepted' }, { $set: { mentorshipId } });
  },
};

/** The only door to the mentorships collection. */
import { findOneStored } from '../../core/db/stored.js';
import mongoose from 'mongoose';
import { isDuplicateKey } from '../../core/db/duplicate-key.js';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { findPage, type Page, type PageRequest } from '../../core/db/pages.js';
import { MentorshipModel, type MentorshipDocument, type MentorshipStatus } from './mentorship.model.js';

export type MentorshipRecord = MentorshipDocument;

export interface NewMentorship {
  /** Chosen by the caller, so that it can tell afterwards whether the insert happened. */
  _id?: mongoose.Types.ObjectId;
  startupId: mongoose.Types.ObjectId;
  mentorId: mongoose.Types.ObjectId;
  mentorUserId: mongoose.Types.ObjectId;
  requestId?: mongoose.Types.ObjectId;
  proposalId?: mongoose.Types.ObjectId;
  startedAt: Date;
  startedBy: mongoose.Types.ObjectId;
}

export interface MentorshipListCriteria {
  startupIds?: readonly string[];
  mentorUserId?: string;
  mentorId?: string;
  status?: MentorshipStatus;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);
const toIds = (ids: readonly string[]) => ids.map(toId).filter((id): id is mongoose.Types.ObjectId => id !== undefined);
const activePairKey = (startupId: mongoose.Types.ObjectId, mentorId: mongoose.Types.ObjectId) => `${startupId.toHexString()}:${mentorId.toHexString()}`;

function listFilter(criteria: MentorshipListCriteria): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (criteria.startupIds) filter.startupId = { $in: toIds(criteria.startupIds) };
  if (criteria.mentorUserId !== undefined) filter.mentorUserId = toId(criteria.mentorUserId) ?? { $in: [] };
  if (criteria.mentorId !== undefined) filter.mentorId = toId(criteria.mentorId) ?? { $in: [] };
  if (criteria.status) filter.status = criteria.status;
  return filter;
}

export const mentorshipsRepository = {
  /**
   * Starts a mentorship. `created: false` with the mentorship already there
   * when this request already started one (a retry) or the pair already has
   * an active one: both are unique keys.
   */
  async start(mentorship: NewMentorship): Promise<{ created: boolean; record: MentorshipRecord | undefined }> {
    try {
      const doc = await MentorshipModel.create({ ...mentorship, status: 'active', activePair: activePairKey(mentorship.startupId, mentorship.mentorId) });
      return { created: true, record: doc.toObject() as MentorshipRecord };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = mentorship.requestId ? await MentorshipModel.findOne({ requestId: mentorship.requestId }).lean() : null;
      const active = existing ?? (await MentorshipModel.findOne({ activePair: activePairKey(mentorship.startupId, mentorship.mentorId) }).lean());
      return { created: false, record: (active as MentorshipRecord | null) ?? undefined };
    }
  },

  async findById(id: string | mongoose.Types.ObjectId): Promise<MentorshipRecord | undefined> {
    const _id = typeof id === 'string' ? toId(id) : id;
    if (!_id) return undefined;
    return ((await MentorshipModel.findById(_id).lean()) as MentorshipRecord | null) ?? undefined;
  },

  async list(criteria: MentorshipListCriteria, page: PageRequest): Promise<Page<MentorshipRecord>> {
    return findPage<MentorshipRecord>(MentorshipModel, listFilter(criteria), page, {});
  },

  /** The pair's active mentorship, if there is one. */
  async findActive(startupId: mongoose.Types.ObjectId, mentorId: mongoose.Types.ObjectId): Promise<MentorshipRecord | undefined> {
    return findOneStored<MentorshipRecord>(MentorshipModel, 'activePair', activePairKey(startupId, mentorId));
  },

  /** Whether this mentor mentors or mentored the startup. */
  async existsBetween(startupId: mongoose.Types.ObjectId, mentorUserId: mongoose.Types.ObjectId): Promise<boolean> {
    return (await MentorshipModel.exists({ startupId, mentorUserId })) !== null;
  },

  /** Active (startup, mentor) pairs of these startups. */
  async activePairsOf(startupIds: readonly string[]): Promise<Array<{ startupId: string; mentorId: string }>> {
    const rows = await MentorshipModel.find({ startupId: { $in: toIds(startupIds) }, status: 'active' }, { startupId: 1, mentorId: 1 }).lean();
    return rows.map((row) => ({ startupId: row.startupId.toHexString(), mentorId: row.mentorId.toHexString() }));
  },

  /** Ends an active mentorship; of racing ends exactly one applies. */
  async end(id: mongoose.Types.ObjectId, ending: { at: Date; by: string; reason?: string }): Promise<GuardedUpdate<MentorshipRecord>> {
    return updateIfMatches<MentorshipRecord>(MentorshipModel, id, { status: 'active' }, {
      $set: { status: 'ended', endedAt: ending.at, endedBy: new mongoose.Types.ObjectId(ending.by), ...(ending.reason ? { endReason: ending.reason } : {}) },
      $unset: { activePair: 1 },
    });
  },
};

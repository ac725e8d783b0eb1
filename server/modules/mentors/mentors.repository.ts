/** The only door to the mentors collection; the only writer of `searchText`. */
import mongoose from 'mongoose';
import { applyOnce } from '../../core/db/claimed-change.js';
import { SECTORS, TOPICS, labelsOf, type Sector, type Stage, type Topic } from '../../core/taxonomy/taxonomy.js';
import { buildSearchText, searchFilter } from '../../core/text/search-text.js';
import { MentorModel, MentorStatusChangeModel, type MentorDocument } from './mentor.model.js';
import { modesServing, type MentorMode, type MentorStatus } from './mentor-profile.js';

export type MentorRecord = MentorDocument;

/** The profile fields a mentor edits (everything but identity, status, approval and stats). */
export interface MentorProfileFields {
  name: string;
  title?: string;
  organisation?: string;
  bio?: string;
  sectors?: Sector[];
  stages?: Stage[];
  expertise?: Topic[];
  languages: string[];
  timezone?: string;
  mode?: MentorMode;
  location?: { district?: string | null; city?: string | null };
  conflicts?: { startupIds?: string[]; enterpriseCodes?: string[] };
  capacity?: { maxActiveMentees?: number; maxSessionsPerMonth?: number };
  availability?: { weekly?: Array<{ weekday: number; start: string; end: string }>; blockedDates?: string[] };
  sessionMinutes?: number;
  bufferMinutes?: number;
  minNoticeHours?: number;
}

/** What a list may be narrowed by; every given criterion must hold. */
export interface MentorListCriteria {
  statuses?: readonly MentorStatus[];
  sector?: Sector;
  stage?: Stage;
  topic?: Topic;
  language?: string;
  mode?: MentorMode;
  q?: string;
}

type Searchable = Pick<MentorProfileFields, 'name' | 'title' | 'organisation' | 'bio' | 'location' | 'sectors' | 'expertise'>;

/** Name, title, organisation, bio, place, and both labels of each sector and topic, folded. */
function mentorSearchText(profile: Searchable): string {
  return buildSearchText([
    profile.name,
    profile.title,
    profile.organisation,
    profile.bio,
    profile.location?.district,
    profile.location?.city,
    labelsOf(SECTORS, profile.sectors ?? []),
    labelsOf(TOPICS, profile.expertise ?? []),
  ]);
}

const asRecord = (doc: unknown) => (doc as MentorRecord | null) ?? undefined;

export const mentorsRepository = {
  /** Inserts a pending profile; a second profile for the user surfaces as the driver's E11000. */
  async create(userId: string, profile: MentorProfileFields): Promise<MentorRecord> {
    const doc = await MentorModel.create({ ...profile, userId, status: 'pending', searchText: mentorSearchText(profile) });
    return doc.toObject() as MentorRecord;
  },

  /** Bulk insert for fixtures and benchmarks: profiles with the status given (demo data has active and paused ones). */
  async insertMany(rows: Array<{ userId: mongoose.Types.ObjectId; profile: MentorProfileFields; status: MentorStatus; approvedAt?: Date }>): Promise<number> {
    const docs = await MentorModel.insertMany(
      rows.map((row) => ({ ...row.profile, userId: row.userId, status: row.status, approvedAt: row.approvedAt, searchText: mentorSearchText(row.profile) })),
      { ordered: true },
    );
    return docs.length;
  },

  /** The profile with this id; undefined for an unknown or malformed id. */
  async findById(id: string): Promise<MentorRecord | undefined> {
    if (!mongoose.isValidObjectId(id)) return undefined;
    return asRecord(await MentorModel.findById(id).lean());
  },

  async findByUserId(userId: string): Promise<MentorRecord | undefined> {
    return asRecord(await MentorModel.findOne({ userId }).lean());
  },

  /** The query filter for a list (cursor excluded: `paginate` adds it). */
  listFilter(criteria: MentorListCriteria): Record<string, unknown> {
    const filter: Record<string, unknown> = { ...searchFilter(criteria.q) };
    if (criteria.statuses) filter.status = { $in: criteria.statuses };
    if (criteria.sector) filter.sectors = criteria.sector;
    if (criteria.stage) filter.stages = criteria.stage;
    if (criteria.topic) filter.expertise = criteria.topic;
    if (criteria.language) filter.languages = criteria.language;
    if (criteria.mode) filter.mode = { $in: modesServing(criteria.mode) };
    return filter;
  },

  /** One page in `_id` order, for `paginate`. */
  async findPage(filter: Record<string, unknown>, limit: number): Promise<MentorRecord[]> {
    return (await MentorModel.find(filter).sort({ _id: 1 }).limit(limit).lean()) as MentorRecord[];
  },

  /**
   * Writes `changes` over `current` and refreshes `searchText`, only if
   * nobody changed the profile since `current` was read (its `__v`).
   * False when someone did: the caller reads again and retries.
   */
  async updateProfile(current: MentorRecord, changes: Partial<MentorProfileFields>): Promise<boolean> {
    const next = { ...(current as Searchable), ...changes };
    const result = await MentorModel.updateOne(
      { _id: current._id, __v: current.__v },
      { $set: { ...changes, searchText: mentorSearchText(next) }, $inc: { __v: 1 } },
      { runValidators: true },
    );
    return result.matchedCount === 1;
  },

  /**
   * Moves the profile from `from` to `to`, setting `extra` too. The
   * ledger's unique (mentorId, revision) lets exactly one of racing moves
   * win, on FerretDB too (see applyOnce). False when it was not in `from`
   * or another move won.
   */
  async changeStatus(
    current: MentorRecord,
    move: { from: MentorStatus; to: MentorStatus; by: string | null; at: Date },
    extra: Record<string, unknown> = {},
  ): Promise<boolean> {
    if (current.status !== move.from) return false;
    const change = {
      mentorId: current._id,
      revision: current.revision ?? 0,
      from: move.from,
      to: move.to,
      set: extra,
      by: move.by ? new mongoose.Types.ObjectId(move.by) : null,
      at: move.at,
    };
    return applyOnce(MentorStatusChangeModel, change, { mentorId: change.mentorId, revision: change.revision }, async (c) => {
      await MentorModel.updateOne({ _id: c.mentorId, revision: c.revision }, { $set: { ...c.set, status: c.to, revision: c.revision + 1 } });
    });
  },
};

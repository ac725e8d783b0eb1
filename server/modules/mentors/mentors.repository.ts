/** The only door to the mentors collection; the only writer of `searchText`. */
import { findOneStored } from '../../core/db/stored.js';
import mongoose from 'mongoose';
import { insertUnlessDuplicate } from '../../core/db/duplicate-key.js';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { findPage, type Page, type PageRequest } from '../../core/db/pages.js';
import { SECTORS, TOPICS, labelsOf, type Sector, type Stage, type Topic } from '../../core/taxonomy/taxonomy.js';
import { buildSearchText, searchFilter } from '../../core/text/search-text.js';
import { MentorModel, type MentorDocument } from './mentor.model.js';
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
  responseDays?: number;
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

/** What a list shows (MentorSummaryView); a page reads only these (about half of a profile). */
const SUMMARY_FIELDS = [
  'userId', 'name', 'title', 'organisation', 'bio', 'sectors', 'stages', 'expertise', 'languages', 'timezone',
  'mode', 'location', 'capacity', 'sessionMinutes', 'status', 'stats', 'approvedAt', 'createdAt', 'updatedAt',
] as const satisfies ReadonlyArray<keyof MentorDocument>;

/** What the candidate index reads (candidate-index-sync.ts). */
const MATCHING_FIELDS = [
  'userId', 'name', 'status', 'sectors', 'stages', 'expertise', 'languages', 'timezone', 'mode', 'location', 'conflicts',
  'capacity', 'availability', 'sessionMinutes', 'minNoticeHours', 'responseDays', 'stats', 'updatedAt',
] as const satisfies ReadonlyArray<keyof MentorDocument>;

/** A profile as matching reads it. */
export type MentorMatchingRecord = Pick<MentorRecord, '_id' | (typeof MATCHING_FIELDS)[number]>;

/** A profile as a list reads it. */
export type MentorSummaryRecord = Pick<MentorRecord, '_id' | (typeof SUMMARY_FIELDS)[number]>;

const asRecord = (doc: unknown) => (doc as MentorRecord | null) ?? undefined;

/** The query filter for a list (the page's cursor is added by findPage). */
function listFilter(criteria: MentorListCriteria): Record<string, unknown> {
  const filter: Record<string, unknown> = { ...searchFilter(criteria.q) };
  if (criteria.statuses) filter.status = { $in: criteria.statuses };
  if (criteria.sector) filter.sectors = criteria.sector;
  if (criteria.stage) filter.stages = criteria.stage;
  if (criteria.topic) filter.expertise = criteria.topic;
  if (criteria.language) filter.languages = criteria.language;
  if (criteria.mode) filter.mode = { $in: modesServing(criteria.mode) };
  return filter;
}

export const mentorsRepository = {
  /** Inserts a pending profile; undefined when the user has one already (the unique index decides, even under races). */
  async create(userId: string, profile: MentorProfileFields): Promise<MentorRecord | undefined> {
    return insertUnlessDuplicate(async () => {
      const doc = await MentorModel.create({ ...profile, userId, status: 'pending', searchText: mentorSearchText(profile) });
      return doc.toObject() as MentorRecord;
    });
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
    return findOneStored<MentorRecord>(MentorModel, '_id', new mongoose.Types.ObjectId(id));
  },

  /** Names of these mentors, for reports. */
  async namesByIds(ids: readonly mongoose.Types.ObjectId[]): Promise<Array<{ _id: mongoose.Types.ObjectId; name: string }>> {
    if (ids.length === 0) return [];
    return (await MentorModel.collection.find({ _id: { $in: [...ids] } }, { projection: { name: 1 } }).toArray()) as unknown as Array<{ _id: mongoose.Types.ObjectId; name: string }>;
  },

  async findByUserId(userId: string): Promise<MentorRecord | undefined> {
    return asRecord(await MentorModel.findOne({ userId }).lean());
  },

  /** One page in `_id` order, narrowed by every criterion given. */
  async list(criteria: MentorListCriteria, page: PageRequest): Promise<Page<MentorSummaryRecord>> {
    return findPage<MentorSummaryRecord>(MentorModel, listFilter(criteria), page, Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, 1])));
  },

  /**
   * Writes `changes` over `current` and refreshes `searchText`, only if
   * nobody changed the profile since `current` was read (its revision).
   * `applied: false` when someone did: the caller reads again and retries.
   */
  async updateProfile(current: MentorRecord, changes: Partial<MentorProfileFields>): Promise<GuardedUpdate<MentorRecord>> {
    const next = { ...(current as Searchable), ...changes };
    return updateIfMatches<MentorRecord>(MentorModel, current._id, { revision: current.revision }, {
      $set: { ...changes, searchText: mentorSearchText(next) },
      $inc: { revision: 1 },
    });
  },

  /**
   * Every profile changed at or after `since` (all of them without it), with
   * only what matching reads: the candidate index loads and refreshes itself
   * from this.
   */
  async findForMatching(since?: Date): Promise<MentorMatchingRecord[]> {
    const filter = since ? { updatedAt: { $gte: since } } : {};
    return (await MentorModel.find(filter, Object.fromEntries(MATCHING_FIELDS.map((field) => [field, 1]))).lean()) as MentorMatchingRecord[];
  },

  /** One profile as matching reads it (none for an unknown or malformed id). */
  async findForMatchingById(id: string): Promise<MentorMatchingRecord[]> {
    if (!mongoose.isValidObjectId(id)) return [];
    return (await MentorModel.find({ _id: id }, Object.fromEntries(MATCHING_FIELDS.map((field) => [field, 1]))).lean()) as MentorMatchingRecord[];
  },

  /**
   * Takes one of the mentor's mentee places: one atomic `$inc` guarded by
   * the count being below the capacity read, so racing takers never exceed
   * it. Retries when the capacity itself changed meanwhile. `taken: false`
   * when the mentor is not active (`active: false`) or every place is
   * taken; undefined when there is no such mentor.
   */
  async takeMenteePlace(id: mongoose.Types.ObjectId): Promise<{ taken: boolean; active: boolean; activeMentees: number; maxActiveMentees: number } | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = (await MentorModel.findById(id, { status: 1, capacity: 1, stats: 1 }).lean()) as MentorRecord | null;
      if (!current) return undefined;
      const max = current.capacity.maxActiveMentees;
      const { activeMentees } = current.stats;
      if (current.status !== 'active' || activeMentees >= max) return { taken: false, active: current.status === 'active', activeMentees, maxActiveMentees: max };
      const taken = await MentorModel.findOneAndUpdate(
        { _id: id, status: 'active', 'capacity.maxActiveMentees': max, 'stats.activeMentees': { $lt: max } },
        { $inc: { 'stats.activeMentees': 1 } },
        { new: true, projection: { stats: 1 } },
      ).lean();
      if (taken) return { taken: true, active: true, activeMentees: (taken as MentorRecord).stats.activeMentees, maxActiveMentees: max };
    }
    const last = (await MentorModel.findById(id, { status: 1, capacity: 1, stats: 1 }).lean()) as MentorRecord | null;
    return last ? { taken: false, active: last.status === 'active', activeMentees: last.stats.activeMentees, maxActiveMentees: last.capacity.maxActiveMentees } : undefined;
  },

  /** Gives a mentee place back (a mentorship ended, or a take that could not be used); never below zero. */
  async releaseMenteePlace(id: mongoose.Types.ObjectId): Promise<void> {
    await MentorModel.updateOne({ _id: id, 'stats.activeMentees': { $gt: 0 } }, { $inc: { 'stats.activeMentees': -1 } });
  },

  /**
   * Stores the median answer time computed over `answered` answers, unless
   * a computation over more answers is already stored: answers only grow, so
   * the one that saw most is the most complete, whatever order writes land in.
   */
  async setResponseStats(id: mongoose.Types.ObjectId, medianResponseHours: number | null, answered: number): Promise<void> {
    await MentorModel.updateOne(
      { _id: id, $or: [{ 'stats.answeredRequests': { $lt: answered } }, { 'stats.answeredRequests': { $exists: false } }] },
      { $set: { 'stats.medianResponseHours': medianResponseHours, 'stats.answeredRequests': answered } },
    );
  },

  /**
   * Stores the session figures computed over `held` completed sessions and
   * `ratings` ratings, unless figures over more are already stored: both
   * only grow, so the computation that saw most is the most complete.
   */
  async setSessionStats(id: mongoose.Types.ObjectId, figures: { held: number; hours: number; rating: number | null; ratings: number }): Promise<void> {
    await MentorModel.updateOne(
      { _id: id, $or: [{ 'stats.sessionsHeld': { $lt: figures.held } }, { 'stats.sessionsHeld': figures.held, 'stats.ratingCount': { $lt: figures.ratings } }] },
      { $set: { 'stats.sessionsHeld': figures.held, 'stats.hoursHeld': figures.hours, 'stats.rating': figures.rating, 'stats.ratingCount': figures.ratings } },
    );
  },

  /**
   * Moves the profile from `from` to `to` (setting `extra` too) and records
   * the move in its status history, in one atomic update: of racing moves
   * from the same status exactly one applies. `applied: false` otherwise,
   * with the profile as it is now.
   */
  async changeStatus(
    id: mongoose.Types.ObjectId,
    move: { from: MentorStatus; to: MentorStatus; by: string | null; at: Date },
    extra: Record<string, unknown> = {},
  ): Promise<GuardedUpdate<MentorRecord>> {
    const entry = { from: move.from, to: move.to, at: move.at, by: move.by ? new mongoose.Types.ObjectId(move.by) : null };
    return updateIfMatches<MentorRecord>(MentorModel, id, { status: move.from }, { $set: { ...extra, status: move.to }, $push: { statusHistory: entry } });
  },
};

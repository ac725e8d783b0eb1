/** The only door to the startups collection (the team lives inside each startup). */
import { findOneStored } from '../../core/db/stored.js';
import mongoose from 'mongoose';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { findPage, WITHOUT_SEARCH_TEXT, type Page, type PageRequest } from '../../core/db/pages.js';
import { searchFilter } from '../../core/text/search-text.js';
import { StartupModel, type StartupDocument } from './startup.model.js';

export type StartupRecord = StartupDocument;
export type StartupMemberRecord = StartupRecord['members'][number];
/** What a startup's own fields are: everything but identity, team, revision and timestamps. */
export type StartupFields = Omit<StartupDocument, '_id' | 'createdAt' | 'updatedAt' | 'members' | 'revision'>;

/** What a list may be narrowed by; every given criterion must hold. */
export interface StartupListCriteria {
  /** Only startups whose team includes this user. */
  memberId?: string;
  sector?: string;
  stage?: string;
  kind?: string;
  need?: string;
  /** Eligible (true) or not (false) on `today`, a Vietnam date. */
  eligible?: { is: boolean; today: string };
  q?: string;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);
const toIds = (ids: readonly string[]) => ids.map(toId).filter((id): id is mongoose.Types.ObjectId => id !== undefined);

function listFilter(criteria: StartupListCriteria): Record<string, unknown> {
  const filter: Record<string, unknown> = searchFilter(criteria.q);
  if (criteria.memberId !== undefined) filter['members.userId'] = toId(criteria.memberId) ?? { $in: [] };
  if (criteria.sector) filter.sectors = criteria.sector;
  if (criteria.stage) filter.stage = criteria.stage;
  if (criteria.kind) filter.kind = criteria.kind;
  if (criteria.need) filter.needs = criteria.need;
  if (criteria.eligible?.is === true) filter.$or = [{ kind: { $ne: 'company' } }, { eligibleUntil: { $gte: criteria.eligible.today } }];
  if (criteria.eligible?.is === false) filter.eligibleUntil = { $lt: criteria.eligible.today };
  return filter;
}

const owner = (userId: mongoose.Types.ObjectId, addedAt: Date) => ({ userId, role: 'owner' as const, addedAt });

/** A startup in brief, for reports. */
export type StartupBrief = Pick<StartupRecord, '_id' | 'name' | 'kind' | 'eligibleUntil' | 'firstRegisteredOn'>;

export const startupsRepository = {
  /** The collection's name, for other modules' `$lookup`s. */
  collectionName: StartupModel.collection.collectionName,

  /** Inserts the startup with its owner as the first member. */
  async create(fields: StartupFields, ownerId: string, at: Date): Promise<StartupRecord> {
    const doc = await StartupModel.create({ ...fields, members: [owner(new mongoose.Types.ObjectId(ownerId), at)] });
    return doc.toObject() as StartupRecord;
  },

  /** Bulk insert for fixtures: each startup with its owner. */
  async insertMany(rows: Array<{ fields: StartupFields; ownerId: mongoose.Types.ObjectId }>, at: Date): Promise<StartupRecord[]> {
    const docs = await StartupModel.insertMany(
      rows.map((row) => ({ ...row.fields, members: [owner(row.ownerId, at)] })),
      { ordered: true },
    );
    return docs.map((d) => d.toObject() as StartupRecord);
  },

  /** Undefined for an unknown or malformed id. */
  async findById(id: string): Promise<StartupRecord | undefined> {
    const _id = toId(id);
    if (!_id) return undefined;
    return findOneStored<StartupRecord>(StartupModel, '_id', _id);
  },

  async findByIds(ids: readonly string[]): Promise<StartupRecord[]> {
    return (await StartupModel.find({ _id: { $in: toIds(ids) } }).lean()) as StartupRecord[];
  },

  /** What reports show of startups and judge their eligibility by: name, kind, eligibleUntil. */
  async briefsByIds(ids: readonly mongoose.Types.ObjectId[]): Promise<StartupBrief[]> {
    if (ids.length === 0) return [];
    const projection = { name: 1, kind: 1, eligibleUntil: 1, firstRegisteredOn: 1 };
    if (ids.length <= 200) return (await StartupModel.collection.find({ _id: { $in: [...ids] } }, { projection }).toArray()) as unknown as StartupBrief[];
    // Many ids (a year's report): one pass over every brief is cheaper than a long `$in` on an engine that scans (DATABASE.md).
    const wanted = new Set(ids.map((id) => id.toHexString()));
    const all = (await StartupModel.collection.find({}, { projection }).toArray()) as unknown as StartupBrief[];
    return all.filter((brief) => wanted.has(brief._id.toHexString()));
  },

  /** One page in `_id` order. */
  async list(criteria: StartupListCriteria, page: PageRequest): Promise<Page<StartupRecord>> {
    return findPage<StartupRecord>(StartupModel, listFilter(criteria), page, WITHOUT_SEARCH_TEXT);
  },

  /** Ids of the startups whose team includes this user. */
  async idsWithMember(userId: string): Promise<string[]> {
    const uid = toId(userId);
    if (!uid) return [];
    const rows = await StartupModel.find({ 'members.userId': uid }, { _id: 1 }).lean();
    return rows.map((row) => row._id.toHexString());
  },

  /**
   * Writes the startup's fields (`unset` removes some) if it is still at the
   * revision the caller read; otherwise `applied: false` with the startup as it is now.
   */
  async update(current: Pick<StartupRecord, '_id' | 'revision'>, set: Partial<StartupFields>, unset: string[] = []): Promise<GuardedUpdate<StartupRecord>> {
    const update: mongoose.UpdateQuery<unknown> = { $set: set, $inc: { revision: 1 } };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
    return updateIfMatches<StartupRecord>(StartupModel, current._id, { revision: current.revision }, update);
  },

  /** Adds a member unless the user is in the team already (one atomic update: two racing adds cannot both land). */
  async addMember(id: mongoose.Types.ObjectId, userId: string, at: Date): Promise<GuardedUpdate<StartupRecord>> {
    const uid = new mongoose.Types.ObjectId(userId);
    return updateIfMatches<StartupRecord>(StartupModel, id, { 'members.userId': { $ne: uid } }, {
      $push: { members: { userId: uid, role: 'member', addedAt: at } },
      $inc: { revision: 1 },
    });
  },

  /** Removes a member who is not the owner; `applied: false` when there was no such member. */
  async removeMember(id: mongoose.Types.ObjectId, userId: string): Promise<GuardedUpdate<StartupRecord>> {
    const uid = toId(userId);
    if (!uid) return { applied: false, current: await this.findById(id.toHexString()) };
    return updateIfMatches<StartupRecord>(StartupModel, id, { members: { $elemMatch: { userId: uid, role: 'member' } } }, {
      $pull: { members: { userId: uid, role: 'member' } },
      $inc: { revision: 1 },
    });
  },

  /** Companies whose eligibility ends between the two dates (inclusive), for the sweep. */
  async findEndingBetween(from: string, to: string): Promise<StartupRecord[]> {
    return (await StartupModel.find({ kind: 'company', eligibleUntil: { $gte: from, $lte: to } }).sort({ _id: 1 }).lean()) as StartupRecord[];
  },

  /** Of these startups, the companies whose eligibility ended before `today`. */
  async findExpiredAmong(ids: readonly string[], today: string): Promise<StartupRecord[]> {
    return (await StartupModel.find({ _id: { $in: toIds(ids) }, kind: 'company', eligibleUntil: { $lt: today } }).sort({ _id: 1 }).lean()) as StartupRecord[];
  },
};

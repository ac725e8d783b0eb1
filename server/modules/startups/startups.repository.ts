/** The only door to the startups and startup_members collections. */
import mongoose from 'mongoose';
import { isDuplicateKey } from '../../core/http/problem.js';
import { StartupMemberModel, type StartupMemberDocument } from './startup-member.model.js';
import { StartupModel, type StartupDocument } from './startup.model.js';

export type StartupMemberRecord = Pick<StartupMemberDocument, 'userId' | 'role' | 'addedAt'>;
/** A startup with its team, as use cases and policies see it. */
export type StartupRecord = StartupDocument & { members: StartupMemberRecord[] };
export type StartupFields = Omit<StartupDocument, '_id' | 'createdAt' | 'updatedAt'>;

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);

/** Attaches each startup's members with one query for the whole batch. */
async function withMembers(startups: StartupDocument[]): Promise<StartupRecord[]> {
  if (startups.length === 0) return [];
  const members = (await StartupMemberModel.find({ startupId: { $in: startups.map((s) => s._id) } })
    .sort({ addedAt: 1, _id: 1 })
    .lean()) as StartupMemberDocument[];
  const byStartup = new Map<string, StartupMemberRecord[]>();
  for (const m of members) {
    const list = byStartup.get(m.startupId.toHexString()) ?? [];
    list.push({ userId: m.userId, role: m.role, addedAt: m.addedAt });
    byStartup.set(m.startupId.toHexString(), list);
  }
  return startups.map((s) => ({ ...s, members: byStartup.get(s._id.toHexString()) ?? [] }));
}

export const startupsRepository = {
  /** Inserts the startup and its owner; removes the startup again if the owner cannot be recorded. */
  async create(fields: StartupFields, ownerId: string): Promise<StartupRecord> {
    const startup = (await StartupModel.create(fields)).toObject() as StartupDocument;
    try {
      await StartupMemberModel.create({ startupId: startup._id, userId: new mongoose.Types.ObjectId(ownerId), role: 'owner', addedAt: new Date() });
    } catch (error) {
      await StartupModel.deleteOne({ _id: startup._id });
      throw error;
    }
    return (await withMembers([startup]))[0]!;
  },

  /** Bulk insert for fixtures: each startup with its owner. */
  async insertMany(rows: Array<{ fields: StartupFields; ownerId: mongoose.Types.ObjectId }>): Promise<StartupRecord[]> {
    const startups = (await StartupModel.insertMany(rows.map((r) => r.fields), { ordered: true })).map((d) => d.toObject() as StartupDocument);
    const addedAt = new Date();
    await StartupMemberModel.insertMany(
      startups.map((s, i) => ({ startupId: s._id, userId: rows[i]!.ownerId, role: 'owner', addedAt })),
      { ordered: true },
    );
    return withMembers(startups);
  },

  async findById(id: string): Promise<StartupRecord | undefined> {
    const _id = toId(id);
    if (!_id) return undefined;
    const startup = (await StartupModel.findById(_id).lean()) as StartupDocument | null;
    return startup ? (await withMembers([startup]))[0] : undefined;
  },

  async findByIds(ids: readonly string[]): Promise<StartupRecord[]> {
    const objectIds = ids.map(toId).filter((id): id is mongoose.Types.ObjectId => id !== undefined);
    return withMembers((await StartupModel.find({ _id: { $in: objectIds } }).lean()) as StartupDocument[]);
  },

  /** One page, ordered by _id; `filter` is built by the use case. */
  async find(filter: Record<string, unknown>, limit: number): Promise<StartupRecord[]> {
    return withMembers((await StartupModel.find(filter).sort({ _id: 1 }).limit(limit).lean()) as StartupDocument[]);
  },

  /** Ids of the startups whose team includes this user. */
  async idsWithMember(userId: string): Promise<mongoose.Types.ObjectId[]> {
    const uid = toId(userId);
    if (!uid) return [];
    const rows = (await StartupMemberModel.find({ userId: uid }, { startupId: 1 }).lean()) as Array<{ startupId: mongoose.Types.ObjectId }>;
    return rows.map((r) => r.startupId);
  },

  /** Replaces the given fields; `unset` removes fields (a company becoming a group loses its code). */
  async update(id: mongoose.Types.ObjectId, set: Partial<StartupFields>, unset: string[] = []): Promise<StartupRecord | undefined> {
    const update: Record<string, unknown> = { $set: set };
    if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
    await StartupModel.updateOne({ _id: id }, update, { runValidators: true });
    return this.findById(id.toHexString());
  },

  /** Adds a member; false when already one (the unique index decides, even under races). */
  async addMember(id: mongoose.Types.ObjectId, userId: string): Promise<boolean> {
    try {
      await StartupMemberModel.create({ startupId: id, userId: new mongoose.Types.ObjectId(userId), role: 'member', addedAt: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  },

  /** Removes a non-owner member; false when there was none. */
  async removeMember(id: mongoose.Types.ObjectId, userId: string): Promise<boolean> {
    const uid = toId(userId);
    if (!uid) return false;
    const result = await StartupMemberModel.deleteOne({ startupId: id, userId: uid, role: 'member' });
    return result.deletedCount === 1;
  },

  /** Companies whose eligibility ends between the two dates (inclusive), for the sweep. */
  async findEndingBetween(from: string, to: string): Promise<StartupRecord[]> {
    return withMembers(
      (await StartupModel.find({ kind: 'company', eligibleUntil: { $gte: from, $lte: to } }).sort({ _id: 1 }).lean()) as StartupDocument[],
    );
  },
};

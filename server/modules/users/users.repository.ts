/** The only door to the users collection. */
import mongoose from 'mongoose';
import type { Role } from '../../core/auth/auth-user.js';
import { insertUnlessDuplicate } from '../../core/db/duplicate-key.js';
import { findPage, type Page, type PageRequest } from '../../core/db/pages.js';
import { buildSearchText, searchFilter } from '../../core/text/search-text.js';
import { UserModel, type UserDocument, type USER_STATUSES } from './user.model.js';

export type UserRecord = UserDocument;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Trimmed and lower-cased, as stored. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export interface NewUser {
  email: string;
  passwordHash: string;
  name: string;
  role: Role;
  locale?: 'vi' | 'en';
}

/** What an admin may change about a user. */
export interface UserChanges {
  role?: Role;
  status?: UserStatus;
  /** Only when the first admin is restored from ADMIN_PASSWORD. */
  passwordHash?: string;
}

export interface UserListCriteria {
  role?: Role;
  status?: UserStatus;
  /** Matches the name or email, diacritics and case ignored. */
  q?: string;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);

/** The stored form of a new user: email normalised, search text derived. */
const stored = (user: NewUser) => ({
  ...user,
  email: normalizeEmail(user.email),
  locale: user.locale ?? 'vi',
  searchText: buildSearchText([user.name, normalizeEmail(user.email)]),
});

export const usersRepository = {
  /** Inserts; undefined when the email is taken (the unique index decides, even under races). */
  async create(user: NewUser): Promise<UserRecord | undefined> {
    return insertUnlessDuplicate(async () => {
      const doc = await UserModel.create(stored(user));
      return doc.toObject() as UserRecord;
    });
  },

  /** Bulk insert for fixtures (hashes computed by the caller); returns the records in input order. */
  async insertMany(users: NewUser[]): Promise<UserRecord[]> {
    const docs = await UserModel.insertMany(users.map(stored), { ordered: true });
    return docs.map((d) => d.toObject() as UserRecord);
  },

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    return ((await UserModel.findOne({ email: normalizeEmail(email) }).lean()) as UserRecord | null) ?? undefined;
  },

  /** Ids of the users with these emails (any case), by normalized email: how attendance lists link people. */
  async idsByEmails(emails: readonly string[]): Promise<Map<string, mongoose.Types.ObjectId>> {
    if (emails.length === 0) return new Map();
    const rows = (await UserModel.find({ email: { $in: emails.map(normalizeEmail) } }, { email: 1 }).lean()) as Array<{ _id: mongoose.Types.ObjectId; email: string }>;
    return new Map(rows.map((row) => [row.email, row._id]));
  },

  async findById(id: string): Promise<UserRecord | undefined> {
    const _id = toId(id);
    if (!_id) return undefined;
    return ((await UserModel.findById(_id).lean()) as UserRecord | null) ?? undefined;
  },

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    const objectIds = ids.map(toId).filter((id): id is mongoose.Types.ObjectId => id !== undefined);
    return (await UserModel.find({ _id: { $in: objectIds } }).lean()) as UserRecord[];
  },

  async list(criteria: UserListCriteria, page: PageRequest): Promise<Page<UserRecord>> {
    const filter: Record<string, unknown> = searchFilter(criteria.q);
    if (criteria.role) filter.role = criteria.role;
    if (criteria.status) filter.status = criteria.status;
    return findPage<UserRecord>(UserModel, filter, page, { searchText: 0, passwordHash: 0 });
  },

  async existsWithRole(role: Role): Promise<boolean> {
    return (await UserModel.exists({ role, status: 'active' })) !== null;
  },

  async count(): Promise<number> {
    return UserModel.estimatedDocumentCount();
  },

  /** Applies an admin's changes; undefined for an unknown id. */
  async update(id: mongoose.Types.ObjectId, changes: UserChanges): Promise<UserRecord | undefined> {
    return ((await UserModel.findByIdAndUpdate(id, { $set: changes }, { new: true, runValidators: true }).lean()) as UserRecord | null) ?? undefined;
  },

  /** Ids of users changed at or after `since` (any field), for the caches of other processes. */
  async idsChangedSince(since: Date): Promise<string[]> {
    const rows = await UserModel.find({ updatedAt: { $gte: since } }, { _id: 1 }).lean();
    return rows.map((row) => row._id.toHexString());
  },

  async touchLastLogin(id: mongoose.Types.ObjectId): Promise<void> {
    // Not through mongoose timestamps: a login is not a change other processes must notice.
    await UserModel.collection.updateOne({ _id: id }, { $set: { lastLoginAt: new Date() } });
  },
};

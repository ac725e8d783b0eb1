/** The only door to the users collection. */
import mongoose from 'mongoose';
import type { Role } from '../../core/auth/auth-user.js';
import { UserModel, type UserDocument } from './user.model.js';

export type UserRecord = UserDocument;

/** Trimmed and lower-cased, as stored. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export interface NewUser {
  email: string;
  passwordHash: string;
  name: string;
  role: Role;
  locale?: 'vi' | 'en';
}

export const usersRepository = {
  /** Inserts; a taken email surfaces as the driver's E11000 (→ 409). */
  async create(user: NewUser): Promise<UserRecord> {
    const doc = await UserModel.create({
      email: normalizeEmail(user.email),
      passwordHash: user.passwordHash,
      name: user.name,
      role: user.role,
      locale: user.locale ?? 'vi',
    });
    return doc.toObject() as UserRecord;
  },

  /** Bulk insert for fixtures (hashes computed by the caller); returns the records in input order. */
  async insertMany(users: NewUser[]): Promise<UserRecord[]> {
    const docs = await UserModel.insertMany(
      users.map((u) => ({ email: normalizeEmail(u.email), passwordHash: u.passwordHash, name: u.name, role: u.role, locale: u.locale ?? 'vi' })),
      { ordered: true },
    );
    return docs.map((d) => d.toObject() as UserRecord);
  },

  async findByEmail(email: string): Promise<UserRecord | undefined> {
    return ((await UserModel.findOne({ email: normalizeEmail(email) }).lean()) as UserRecord | null) ?? undefined;
  },

  async findById(id: string): Promise<UserRecord | undefined> {
    if (!mongoose.isValidObjectId(id)) return undefined;
    return ((await UserModel.findById(id).lean()) as UserRecord | null) ?? undefined;
  },

  async existsWithRole(role: Role): Promise<boolean> {
    return (await UserModel.exists({ role, status: 'active' })) !== null;
  },

  async count(): Promise<number> {
    return UserModel.estimatedDocumentCount();
  },

  async touchLastLogin(id: mongoose.Types.ObjectId): Promise<void> {
    await UserModel.updateOne({ _id: id }, { $set: { lastLoginAt: new Date() } });
  },
};

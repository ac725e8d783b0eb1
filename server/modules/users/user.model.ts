import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ROLES } from '../../core/auth/auth-user.js';

export const USER_STATUSES = ['active', 'deactivated'] as const;
export const LOCALES = ['vi', 'en'] as const;

const userSchema = new Schema(
  {
    /** Stored trimmed and lower-cased; unique (the index is the guard, not a read-then-write). */
    email: { type: String, required: true, maxlength: 254 },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true, maxlength: 120 },
    role: { type: String, enum: ROLES, required: true },
    status: { type: String, enum: USER_STATUSES, required: true, default: 'active' },
    locale: { type: String, enum: LOCALES, required: true, default: 'vi' },
    lastLoginAt: { type: Date },
    /** Folded name and email for `?q=` (see core/text/search-text.ts); written only by the repository. */
    searchText: { type: String, required: true, default: '', select: false },
  },
  { timestamps: true, strict: 'throw' },
);

userSchema.index({ email: 1 }, { unique: true });
userSchema.index({ role: 1, status: 1 });
// Every process polls for users changed since its last look (see active-users.ts).
userSchema.index({ updatedAt: 1 });

export type UserDocument = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };

/** Only users.repository.ts imports this. */
export const UserModel = mongoose.model('User', userSchema);

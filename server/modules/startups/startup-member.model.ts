import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const MEMBER_ROLES = ['owner', 'member'] as const;

/**
 * A person in a startup's team. Its own collection, not an array in the
 * startup: the unique (startupId, userId) index keeps one membership per
 * pair even when two invitations race, which an embedded array cannot.
 */
const startupMemberSchema = new Schema(
  {
    startupId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: MEMBER_ROLES, required: true },
    addedAt: { type: Date, required: true },
  },
  { strict: 'throw', collection: 'startup_members' },
);

startupMemberSchema.index({ startupId: 1, userId: 1 }, { unique: true });
startupMemberSchema.index({ userId: 1 });

export type StartupMemberDocument = InferSchemaType<typeof startupMemberSchema> & { _id: mongoose.Types.ObjectId };

/** Only startups.repository.ts imports this. */
export const StartupMemberModel = mongoose.model('StartupMember', startupMemberSchema);

import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const MENTORSHIP_STATUSES = ['active', 'ended'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

const mentorshipSchema = new Schema(
  {
    startupId: { type: Schema.Types.ObjectId, required: true },
    mentorId: { type: Schema.Types.ObjectId, required: true },
    mentorUserId: { type: Schema.Types.ObjectId, required: true },
    /** The accepted request it came from; absent when a manager assigned it directly. Unique: one mentorship per request. */
    requestId: { type: Schema.Types.ObjectId },
    /** The assignment proposal that created it, if one did. */
    proposalId: { type: Schema.Types.ObjectId },
    status: { type: String, enum: MENTORSHIP_STATUSES, required: true, default: 'active' },
    startedAt: { type: Date, required: true },
    startedBy: { type: Schema.Types.ObjectId, required: true },
    endedAt: { type: Date },
    endedBy: { type: Schema.Types.ObjectId },
    endReason: { type: String, maxlength: 1000 },
    /** `startupId:mentorId` while active, removed when it ends: one active mentorship per pair (unique, sparse). */
    activePair: { type: String },
  },
  { timestamps: true, strict: 'throw', versionKey: false, collection: 'mentorships' },
);

mentorshipSchema.index({ requestId: 1 }, { unique: true, sparse: true });
mentorshipSchema.index({ activePair: 1 }, { unique: true, sparse: true });
mentorshipSchema.index({ startupId: 1, status: 1 });
mentorshipSchema.index({ mentorId: 1, status: 1 });

export type MentorshipDocument = InferSchemaType<typeof mentorshipSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Only mentorships.repository.ts imports this. */
export const MentorshipModel = mongoose.model('Mentorship', mentorshipSchema);

import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const NOTICE_KINDS = ['warned_90', 'warned_30', 'warned_7', 'expired'] as const;

/**
 * One record per notice the sweep has sent. The unique key
 * (startupId, eligibleUntil, kind) is what makes every notice go out once,
 * however often or concurrently the sweep runs. eligibleUntil is part of
 * the key so a corrected registration date earns fresh notices. Kept
 * forever: it is the history managers read.
 */
const eligibilityNoticeSchema = new Schema(
  {
    startupId: { type: Schema.Types.ObjectId, required: true },
    eligibleUntil: { type: String, required: true },
    kind: { type: String, enum: NOTICE_KINDS, required: true },
    /** The Vietnam date the sweep sent it on. */
    sentOn: { type: String, required: true },
    cohortIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: { createdAt: true, updatedAt: false }, strict: 'throw', collection: 'eligibility_notices' },
);

eligibilityNoticeSchema.index({ startupId: 1, eligibleUntil: 1, kind: 1 }, { unique: true });

export type EligibilityNoticeDocument = InferSchemaType<typeof eligibilityNoticeSchema> & { _id: mongoose.Types.ObjectId };

/** Only eligibility-notices.repository.ts imports this. */
export const EligibilityNoticeModel = mongoose.model('EligibilityNotice', eligibilityNoticeSchema);

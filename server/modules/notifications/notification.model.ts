import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const textSchema = new Schema({ vi: { type: String, required: true }, en: { type: String, required: true } }, { _id: false });

const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    /** The domain event it tells of, e.g. `request.expired`. */
    kind: { type: String, required: true },
    /** `<what happened>:<userId>`: unique, so a job run twice tells each person once. */
    dedupeKey: { type: String, required: true },
    title: { type: textSchema, required: true },
    body: { type: textSchema, required: true },
    /** Ids a client follows to what it is about (requestId, mentorId, …). */
    data: { type: Map, of: String, default: {} },
    readAt: { type: Date },
    /** Its email: `pending` until the email job claims it (`sending`), then `sent`, `failed` (given up) or `skipped` (no active account). Absent: never emailed (older notices). */
    emailState: { type: String, enum: ['pending', 'sending', 'sent', 'failed', 'skipped'] },
    /** Counts claims (tries), so it also tells one claim from the next. */
    emailAttempts: { type: Number },
    /** While `sending`: when the claim lapses, the end of the claiming run's job lock. Past it that worker is taken for dead and another run may take the email again. */
    emailClaimExpiresAt: { type: Date },
    emailedAt: { type: Date },
  },
  { timestamps: true, strict: 'throw', versionKey: false, collection: 'notifications' },
);

notificationSchema.index({ dedupeKey: 1 }, { unique: true });
notificationSchema.index({ userId: 1 });
notificationSchema.index({ emailState: 1 });

export type NotificationDocument = InferSchemaType<typeof notificationSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Only notifications.repository.ts imports this. */
export const NotificationModel = mongoose.model('Notification', notificationSchema);

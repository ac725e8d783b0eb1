import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { TOPIC_CODES } from '../../core/taxonomy/taxonomy.js';

/** SPEC §4: `pending` → `accepted` | `declined` | `withdrawn` | `expired`; every status but pending is final. */
export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const historyEntrySchema = new Schema(
  {
    status: { type: String, enum: REQUEST_STATUSES, required: true },
    at: { type: Date, required: true },
    /** Who made the change; null for the system (expiry). */
    by: { type: Schema.Types.ObjectId, default: null },
    /** The decline reason, when there is one. */
    note: { type: String, maxlength: 1000 },
  },
  { _id: false },
);

const mentorRequestSchema = new Schema(
  {
    startupId: { type: Schema.Types.ObjectId, required: true },
    mentorId: { type: Schema.Types.ObjectId, required: true },
    /** The mentor's user, who answers. */
    mentorUserId: { type: Schema.Types.ObjectId, required: true },
    /** Who asked: a founder of the startup or a manager on its behalf. */
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    message: { type: String, required: true, maxlength: 2000 },
    topics: { type: [{ type: String, enum: TOPIC_CODES }], default: [] },
    status: { type: String, enum: REQUEST_STATUSES, required: true, default: 'pending' },
    /** When it was asked, by the app's clock (answer times and expiry count from here). */
    requestedAt: { type: Date, required: true },
    /** When a pending request expires: requestedAt + the mentor's responseDays. */
    expiresAt: { type: Date, required: true },
    respondedAt: { type: Date },
    /** Hours from the request to the mentor's answer (accepted or declined). */
    responseHours: { type: Number },
    declineReason: { type: String, maxlength: 1000 },
    /** The mentorship an accepted request started. */
    mentorshipId: { type: Schema.Types.ObjectId },
    /** When the startup was told of its expiry: set once, after the notices, by the run that told it. */
    expiryToldAt: { type: Date },
    /** The assignment proposal that created it, if one did. */
    proposalId: { type: Schema.Types.ObjectId },
    /**
     * `startupId:mentorId` while pending, removed when the request closes:
     * a unique sparse index on it allows one open request per pair.
     */
    openPair: { type: String },
    /** Every status change, oldest first, appended by the update that makes it. */
    history: { type: [historyEntrySchema], default: [] },
  },
  { timestamps: true, strict: 'throw', versionKey: false, collection: 'mentor_requests' },
);

mentorRequestSchema.index({ openPair: 1 }, { unique: true, sparse: true });
mentorRequestSchema.index({ startupId: 1, status: 1 });
mentorRequestSchema.index({ mentorId: 1, status: 1 });
mentorRequestSchema.index({ status: 1, expiresAt: 1 });

export type MentorRequestDocument = InferSchemaType<typeof mentorRequestSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Only requests.repository.ts imports this. */
export const MentorRequestModel = mongoose.model('MentorRequest', mentorRequestSchema);

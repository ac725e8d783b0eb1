import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ACTIVITY_KINDS } from './activity-kinds.js';

/** Limits shared by the model, the DTOs and the CSV import. */
export const ACTIVITY_LIMITS = { title: 200, place: 300, description: 4000, organiser: 160, organisers: 10, attendees: 5000, name: 160 } as const;

/** One person at an activity, linked to a user (by email) and to a startup when known. */
const attendeeSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: ACTIVITY_LIMITS.name },
    /** Lower-cased; the user with this email, when there is one, is `userId`. */
    email: { type: String, maxlength: 254 },
    userId: { type: Schema.Types.ObjectId },
    startupId: { type: Schema.Types.ObjectId },
    organisation: { type: String, maxlength: ACTIVITY_LIMITS.organiser },
  },
  { _id: false },
);

const activitySchema = new Schema(
  {
    title: { type: String, required: true, maxlength: ACTIVITY_LIMITS.title },
    kind: { type: String, enum: ACTIVITY_KINDS, required: true },
    /** Can Tho calendar dates, `YYYY-MM-DD`; the activity counts in the period holding `startsOn`. */
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    organisers: { type: [String], required: true },
    place: { type: String, required: true, maxlength: ACTIVITY_LIMITS.place },
    description: { type: String, default: '', maxlength: ACTIVITY_LIMITS.description },
    attendance: { type: [attendeeSchema], default: [] },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    /** Bumped by every change; a change applies only to the revision it read (409 otherwise). */
    revision: { type: Number, required: true, default: 0 },
    /** Folded text for `?q=`; never read back. */
    searchText: { type: String, required: true, select: false },
  },
  { timestamps: true, strict: 'throw', versionKey: false, collection: 'activities' },
);

activitySchema.index({ startsOn: 1 });
activitySchema.index({ kind: 1, startsOn: 1 });
activitySchema.index({ 'attendance.startupId': 1 });

export type ActivityDocument = InferSchemaType<typeof activitySchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Only activities.repository.ts imports this. */
export const ActivityModel = mongoose.model('Activity', activitySchema);

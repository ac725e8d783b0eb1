import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/**
 * `pending` while a booking is being committed (never shown); `abandoned`
 * when a booking lost its commit or its booker vanished mid-way (never
 * shown); the rest are SPEC §5's states.
 */
export const SESSION_STATES = ['pending', 'scheduled', 'completed', 'cancelled', 'no_show', 'abandoned'] as const;
export type SessionState = (typeof SESSION_STATES)[number];
/** The states the API shows. */
export const SESSION_STATUSES = ['scheduled', 'completed', 'cancelled', 'no_show'] as const satisfies readonly SessionState[];
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** States that hold the mentor's time: a new booking may not overlap them. */
export const HOLDING_STATES = ['pending', 'scheduled', 'completed', 'no_show'] as const satisfies readonly SessionState[];

export const SESSION_MODES = ['online', 'in_person'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** One side's word on a completed session. */
const feedbackSchema = new Schema(
  { rating: { type: Number, required: true, min: 1, max: 5 }, comment: { type: String, maxlength: 2000 }, by: { type: Schema.Types.ObjectId, required: true }, at: { type: Date, required: true } },
  { _id: false },
);

const sessionSchema = new Schema(
  {
    mentorId: { type: Schema.Types.ObjectId, required: true },
    mentorUserId: { type: Schema.Types.ObjectId, required: true },
    startupId: { type: Schema.Types.ObjectId, required: true },
    mentorshipId: { type: Schema.Types.ObjectId, required: true },
    bookedBy: { type: Schema.Types.ObjectId, required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    /** `YYYY-MM` of the start in the mentor's zone: the month its monthly cap counts it in. */
    month: { type: String, required: true },
    mode: { type: String, enum: SESSION_MODES, required: true },
    link: { type: String, maxlength: 500 },
    place: { type: String, maxlength: 300 },
    topic: { type: String, required: true, maxlength: 200 },
    agenda: { type: String, maxlength: 2000 },
    status: { type: String, enum: SESSION_STATES, required: true },
    cancelledAt: { type: Date },
    cancelledBy: { type: Schema.Types.ObjectId },
    cancelReason: { type: String, maxlength: 1000 },
    completedAt: { type: Date },
    completedBy: { type: Schema.Types.ObjectId },
    /** Who reported the no-show (null: the no-show check). */
    noShowAt: { type: Date },
    noShowBy: { type: Schema.Types.ObjectId },
    /** The session this one replaced (a reschedule), and the one that replaced it. */
    replaces: { type: Schema.Types.ObjectId },
    replacedBy: { type: Schema.Types.ObjectId },
    /** After completion, once from each side: the startup's team rates the mentor, the mentor the session. */
    feedback: {
      startup: { type: feedbackSchema },
      mentor: { type: feedbackSchema },
    },
  },
  { timestamps: true, strict: 'throw', versionKey: false, collection: 'sessions' },
);

sessionSchema.index({ mentorId: 1, start: 1 });
sessionSchema.index({ startupId: 1, start: 1 });
sessionSchema.index({ mentorId: 1, month: 1 });
sessionSchema.index({ mentorId: 1, status: 1 });

export type SessionDocument = InferSchemaType<typeof sessionSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Only sessions.repository.ts imports this. */
export const SessionModel = mongoose.model('Session', sessionSchema);

/**
 * One per mentor: `rev` moves with every booking committed for them. A
 * booking reads it before it reads the mentor's sessions and commits only by
 * moving it from that value, so two bookings that each saw the other's time
 * free cannot both commit (DATABASE.md rule 1: one conditional update).
 */
const mentorCalendarSchema = new Schema({ _id: { type: Schema.Types.ObjectId, required: true }, rev: { type: Number, required: true } }, { versionKey: false, collection: 'mentorCalendars' });

export const MentorCalendarModel = mongoose.model('MentorCalendar', mentorCalendarSchema);

/**
 * A user's private calendar feed: the SHA-256 of its token (the token itself
 * is shown once and never stored). One per user; a new one replaces it,
 * deleting it revokes the URL.
 */
const calendarFeedSchema = new Schema(
  { _id: { type: Schema.Types.ObjectId, required: true }, tokenHash: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { versionKey: false, collection: 'calendarFeeds' },
);
calendarFeedSchema.index({ tokenHash: 1 }, { unique: true });

export const CalendarFeedModel = mongoose.model('CalendarFeed', calendarFeedSchema);

import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/**
 * SPEC §5's states, and `abandoned` (never shown): the new session of a
 * reschedule whose old one changed meanwhile, or a booking of an earlier
 * version that never committed.
 */
export const SESSION_STATES = ['scheduled', 'completed', 'cancelled', 'no_show', 'abandoned'] as const;
export type SessionState = (typeof SESSION_STATES)[number];
/** The states the API shows. */
export const SESSION_STATUSES = ['scheduled', 'completed', 'cancelled', 'no_show'] as const satisfies readonly SessionState[];
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** States that hold the mentor's time (and count in their month): a new booking may not overlap them. */
export const HOLDING_STATES = ['scheduled', 'completed', 'no_show'] as const satisfies readonly SessionState[];

/** What follows a scheduled session (follow-ups.ts): the notice of its booking, reminders, the feedback request, the no-show check. */
export const FOLLOW_UPS = ['announce', 'remind24h', 'remind1h', 'feedback', 'noShow'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

export const SESSION_MODES = ['online', 'in_person'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** One side's word on a completed session. */
const feedbackSchema = new Schema(
  { rating: { type: Number, required: true, min: 1, max: 5 }, comment: { type: String, maxlength: 2000 }, by: { type: Schema.Types.ObjectId, required: true }, at: { type: Date, required: true } },
  { _id: false },
);

/** The mentor's private note on a session (only the mentor and admins read it). */
const mentorNoteSchema = new Schema({ text: { type: String, required: true, maxlength: 5000 }, updatedAt: { type: Date, required: true } }, { _id: false });

/** The mentor writes notes and adds action items while a session is in one of these states (not once cancelled or missed). */
export const NOTE_STATES = ['scheduled', 'completed'] as const satisfies readonly SessionStatus[];
/** At most this many action items on one session (the guarded `$push` holds it under races). */
export const MAX_ACTION_ITEMS = 20;
/** The states an action item may move its milestone to when it is marked done: forward only. */
export const ACTION_ITEM_MOVES = ['in_progress', 'done'] as const;
export type ActionItemMove = (typeof ACTION_ITEM_MOVES)[number];
/** What marking an action item done did to its milestone. */
export const MILESTONE_MOVE_OUTCOMES = ['moved', 'already_there', 'refused'] as const;
export type MilestoneMoveOutcome = (typeof MILESTONE_MOVE_OUTCOMES)[number];

const milestoneMoveSchema = new Schema(
  {
    outcome: { type: String, enum: MILESTONE_MOVE_OUTCOMES, required: true },
    /** Why it was refused (a problem code: `invalid_transition`, `admission_not_active`, …). */
    reason: { type: String, maxlength: 60 },
    /** The milestone's state right after (absent when the milestone is gone). */
    state: { type: String, maxlength: 20 },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/** Something the startup is to do after a session, set by its mentor; done flips once per tick (a guarded update). */
const actionItemSchema = new Schema(
  {
    title: { type: String, required: true, maxlength: 200 },
    /** `YYYY-MM-DD`, a Can Tho date. */
    dueOn: { type: String, maxlength: 10 },
    /** One of the startup's milestones, moved to `moveTo` when the item is marked done. */
    milestoneId: { type: Schema.Types.ObjectId },
    moveTo: { type: String, enum: ACTION_ITEM_MOVES },
    done: { type: Boolean, required: true },
    doneAt: { type: Date },
    doneBy: { type: Schema.Types.ObjectId },
    /** What the last "done" did to the milestone; unset when the item is marked not done again. */
    milestoneMove: { type: milestoneMoveSchema },
    createdAt: { type: Date, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
  },
  // Each item keeps its own `_id`: PATCH …/action-items/{itemId} names it.
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
    /** When each follow-up still to come is due; set when it is scheduled, unset as each is done or stops applying (follow-ups.ts). */
    due: { announce: { type: Date }, remind24h: { type: Date }, remind1h: { type: Date }, feedback: { type: Date }, noShow: { type: Date } } satisfies Record<FollowUp, unknown>,
    /** After completion, once from each side: the startup's team rates the mentor, the mentor the session. */
    feedback: {
      startup: { type: feedbackSchema },
      mentor: { type: feedbackSchema },
    },
    /** The mentor's own note (scheduled or completed sessions); never shown to the startup or managers. */
    mentorNote: { type: mentorNoteSchema },
    /** At most MAX_ACTION_ITEMS, oldest first; absent until the first one. */
    actionItems: { type: [actionItemSchema], default: undefined },
  },
  { timestamps: true, strict: 'throw', versionKey: false, collection: 'sessions' },
);

sessionSchema.index({ mentorId: 1, start: 1 });
sessionSchema.index({ startupId: 1, start: 1 });
sessionSchema.index({ mentorId: 1, month: 1 });
sessionSchema.index({ mentorId: 1, status: 1 });
// The follow-up sweep asks for any due instant that has passed: one sparse index per kind serves each branch of its $or.
for (const kind of FOLLOW_UPS) sessionSchema.index({ [`due.${kind}`]: 1 }, { sparse: true });

export type SessionDocument = InferSchemaType<typeof sessionSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Only sessions.repository.ts imports this. */
export const SessionModel = mongoose.model('Session', sessionSchema);

/**
 * One per mentor: the time their sessions hold and how many each month
 * counts, so that a booking is one conditional update (DATABASE.md rule 1):
 * "add this hold if none overlaps it, buffers included, and the month is
 * under its cap" — of racing bookings for the same time exactly one
 * matches. `holds` keeps what is still to come (past ones are pruned);
 * `months` counts every session the cap counts, past ones too.
 */
const holdSchema = new Schema(
  {
    sessionId: { type: Schema.Types.ObjectId, required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    month: { type: String, required: true },
    /** When the hold was taken: one whose session never appeared is dropped once it is old. */
    at: { type: Date, required: true },
  },
  { _id: false },
);
const mentorCalendarSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    holds: { type: [holdSchema], default: [] },
    months: { type: Schema.Types.Mixed, default: {} },
    /** Moves with every hold taken or given back: what a recount of a month is guarded by. */
    rev: { type: Number, default: 0 },
  },
  { versionKey: false, collection: 'mentorCalendars', minimize: false },
);

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

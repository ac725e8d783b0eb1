import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { SECTOR_CODES, STAGE_CODES, TOPIC_CODES } from '../../core/taxonomy/taxonomy.js';
import { VIETNAM_ZONE } from '../../core/time/calendar-date.js';
import { DEFAULT_MENTOR_MODE, MENTOR_MODES, MENTOR_STATUSES, PROFILE_NUMBERS, TEXT_LIMITS } from './mentor-profile.js';

const { maxActiveMentees, maxSessionsPerMonth, sessionMinutes, bufferMinutes, minNoticeHours, responseDays } = PROFILE_NUMBERS;

const boundedInt = (limits: { min: number; max: number; default: number }) => ({
  type: Number,
  required: true,
  min: limits.min,
  max: limits.max,
  default: limits.default,
  validate: { validator: Number.isInteger, message: '{PATH} must be a whole number' },
});

const weeklyRuleSchema = new Schema(
  {
    weekday: { type: Number, required: true, min: 1, max: 7 },
    start: { type: String, required: true },
    end: { type: String, required: true },
  },
  { _id: false, strict: 'throw' },
);

const statusChangeSchema = new Schema(
  {
    from: { type: String, enum: MENTOR_STATUSES, required: true },
    to: { type: String, enum: MENTOR_STATUSES, required: true },
    at: { type: Date, required: true },
    /** Who asked; null for the system. */
    by: { type: Schema.Types.ObjectId, default: null },
  },
  { _id: false },
);

const mentorSchema = new Schema(
  {
    /** The mentor's user; unique, so a second profile for one user is a duplicate key (→ 409). */
    userId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    name: { type: String, required: true, maxlength: TEXT_LIMITS.name },
    title: { type: String, default: '', maxlength: TEXT_LIMITS.title },
    organisation: { type: String, default: '', maxlength: TEXT_LIMITS.organisation },
    bio: { type: String, default: '', maxlength: TEXT_LIMITS.bio },
    sectors: { type: [{ type: String, enum: SECTOR_CODES }], default: [] },
    stages: { type: [{ type: String, enum: STAGE_CODES }], default: [] },
    expertise: { type: [{ type: String, enum: TOPIC_CODES }], default: [] },
    /** ISO 639-1 codes, at least one. */
    languages: {
      type: [String],
      required: true,
      validate: { validator: (codes: string[]) => codes.length > 0, message: 'a mentor speaks at least one language' },
    },
    /** IANA zone name; weekly rules are read in it. */
    timezone: { type: String, required: true, default: VIETNAM_ZONE },
    mode: { type: String, enum: MENTOR_MODES, required: true, default: DEFAULT_MENTOR_MODE },
    location: {
      district: { type: String, maxlength: TEXT_LIMITS.place },
      city: { type: String, maxlength: TEXT_LIMITS.place },
    },
    /** Startups and companies this mentor must never be matched with. */
    conflicts: {
      startupIds: { type: [Schema.Types.ObjectId], default: [] },
      enterpriseCodes: { type: [String], default: [] },
    },
    capacity: {
      maxActiveMentees: boundedInt(maxActiveMentees),
      maxSessionsPerMonth: boundedInt(maxSessionsPerMonth),
    },
    availability: {
      weekly: { type: [weeklyRuleSchema], default: [] },
      /** `YYYY-MM-DD` in the mentor's zone. */
      blockedDates: { type: [String], default: [] },
    },
    sessionMinutes: boundedInt(sessionMinutes),
    bufferMinutes: boundedInt(bufferMinutes),
    minNoticeHours: boundedInt(minNoticeHours),
    /** Days to answer a request before it expires. */
    responseDays: boundedInt(responseDays),
    status: { type: String, enum: MENTOR_STATUSES, required: true, default: 'pending' },
    /** Every status change, oldest first, appended by the same update that makes it. */
    statusHistory: { type: [statusChangeSchema], default: [] },
    /** Bumped by every profile edit; an edit applies only to the revision it read. */
    revision: { type: Number, required: true, default: 0 },
    approvedAt: { type: Date },
    approvedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    /** Derived from mentorships, sessions and feedback; written by the modules that own those. */
    stats: {
      activeMentees: { type: Number, required: true, default: 0 },
      sessionsHeld: { type: Number, required: true, default: 0 },
      hoursHeld: { type: Number, required: true, default: 0 },
      rating: { type: Number, default: null },
      ratingCount: { type: Number, required: true, default: 0 },
      medianResponseHours: { type: Number, default: null },
      /** How many answered requests medianResponseHours was computed over. */
      answeredRequests: { type: Number, required: true, default: 0 },
    },
    /** Folded copy of the searchable text (see core/text/search-text.ts); written only by the repository. */
    searchText: { type: String, required: true, default: '', select: false },
  },
  // No `__v`: profile edits are guarded by `revision` instead.
  { timestamps: true, strict: 'throw', versionKey: false },
);

mentorSchema.index({ userId: 1 }, { unique: true });
mentorSchema.index({ status: 1 });
mentorSchema.index({ sectors: 1 });
mentorSchema.index({ expertise: 1 });
mentorSchema.index({ stages: 1 });
mentorSchema.index({ languages: 1 });

type InferredMentor = InferSchemaType<typeof mentorSchema>;

/** A stored profile. Capacity and stats are always there: every member has a default. */
export type MentorDocument = Omit<InferredMentor, 'capacity' | 'stats'> & {
  capacity: NonNullable<InferredMentor['capacity']>;
  stats: NonNullable<InferredMentor['stats']>;
  _id: mongoose.Types.ObjectId;
};

/** Only mentors.repository.ts imports this. */
export const MentorModel = mongoose.model('Mentor', mentorSchema);

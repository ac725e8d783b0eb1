import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const MILESTONE_STATES = ['planned', 'in_progress', 'done', 'blocked', 'waived'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

const historyEntrySchema = new Schema(
  {
    from: { type: String, enum: MILESTONE_STATES, required: true },
    /** Equal to `from` when only the note changed. */
    to: { type: String, enum: MILESTONE_STATES, required: true },
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, required: true },
    note: { type: String, maxlength: 2000 },
  },
  { _id: false },
);

const milestoneSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    startupId: { type: Schema.Types.ObjectId, required: true },
    admissionId: { type: Schema.Types.ObjectId, required: true },
    /** The template item's key. */
    key: { type: String, required: true, maxlength: 40 },
    /** Position in the cohort's template. */
    order: { type: Number, required: true },
    title: { type: String, required: true, maxlength: 160 },
    description: { type: String, default: '', maxlength: 2000 },
    /** YYYY-MM-DD: the cohort's startsOn + 7 × dueWeeks days. */
    dueOn: { type: String, required: true },
    state: { type: String, enum: MILESTONE_STATES, required: true, default: 'planned' },
    note: { type: String, default: '', maxlength: 2000 },
    /** Set right after the admission ends: a change that read it active and lands later is refused. */
    frozen: { type: Boolean, default: false },
    /** Bumped by every change; a change applies only to the revision it read. */
    revision: { type: Number, required: true, default: 0 },
    /** Every change, oldest first; appended by the same update that makes it. */
    history: { type: [historyEntrySchema], default: [] },
  },
  { timestamps: true, strict: 'throw', collection: 'milestones' },
);

// Instantiating a template twice for one admission cannot duplicate a milestone.
milestoneSchema.index({ admissionId: 1, key: 1 }, { unique: true });
milestoneSchema.index({ cohortId: 1, startupId: 1 });

export type MilestoneDocument = InferSchemaType<typeof milestoneSchema> & { _id: mongoose.Types.ObjectId };

/** Only milestones.repository.ts imports this. */
export const MilestoneModel = mongoose.model('Milestone', milestoneSchema);

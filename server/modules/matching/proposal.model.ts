import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const PROPOSAL_STATUSES = ['draft', 'applied'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const APPLY_AS = ['requests', 'mentorships'] as const;
export type ApplyAs = (typeof APPLY_AS)[number];

const textSchema = new Schema({ vi: { type: String, required: true }, en: { type: String, required: true } }, { _id: false });

const pairSchema = new Schema(
  {
    startupId: { type: Schema.Types.ObjectId, required: true },
    mentorId: { type: Schema.Types.ObjectId, required: true },
    /** Names as they were when the proposal was made, for reading it at a glance. */
    startupName: { type: String, required: true },
    mentorName: { type: String, required: true },
    /** 0–100, one decimal, when the proposal was made or edited. */
    score: { type: Number, required: true },
    reason: { type: textSchema, required: true },
  },
  { _id: false },
);

const unservedSchema = new Schema(
  {
    startupId: { type: Schema.Types.ObjectId, required: true },
    startupName: { type: String, required: true },
    /** Mentors it still lacks. */
    missing: { type: Number, required: true },
    /** Mentors no hard filter excluded for it. */
    eligibleMentors: { type: Number, required: true },
    /** `too_few_eligible` or `capacity_used_elsewhere`. */
    why: { type: String, required: true },
    /** How many mentors each hard filter excluded for it. */
    exclusions: { type: Map, of: Number, default: {} },
  },
  { _id: false },
);

const resultSchema = new Schema(
  {
    startupId: { type: Schema.Types.ObjectId, required: true },
    mentorId: { type: Schema.Types.ObjectId, required: true },
    outcome: { type: String, enum: ['created', 'failed'], required: true },
    /** The problem code when it failed (`mentor_at_capacity`, `request_open`, …). */
    code: { type: String },
    requestId: { type: Schema.Types.ObjectId },
    mentorshipId: { type: Schema.Types.ObjectId },
  },
  { _id: false },
);

const proposalSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    mentorsPerStartup: { type: Number, required: true },
    status: { type: String, enum: PROPOSAL_STATUSES, required: true, default: 'draft' },
    pairs: { type: [pairSchema], default: [] },
    /** Sum of the pairs' scores (after edits). */
    total: { type: Number, required: true },
    /** The optimiser's total, and a greedy pass's, when the proposal was made. */
    optimalTotal: { type: Number, required: true },
    greedyTotal: { type: Number, required: true },
    unserved: { type: [unservedSchema], default: [] },
    edited: { type: Boolean, default: false },
    computeMs: { type: Number, required: true },
    appliedAt: { type: Date },
    appliedBy: { type: Schema.Types.ObjectId },
    appliedAs: { type: String, enum: APPLY_AS },
    results: { type: [resultSchema], default: [] },
    /** Bumped by every edit; an edit applies only to the revision it read. */
    revision: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, strict: 'throw', versionKey: false, collection: 'assignment_proposals' },
);

proposalSchema.index({ cohortId: 1 });

export type ProposalDocument = InferSchemaType<typeof proposalSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Only proposals.repository.ts imports this. */
export const ProposalModel = mongoose.model('AssignmentProposal', proposalSchema);

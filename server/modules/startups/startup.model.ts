import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { GROWTH_BASIS_CODES, SECTOR_CODES, STAGE_CODES, TOPIC_CODES } from '../../core/taxonomy/taxonomy.js';
import { STARTUP_KINDS } from './eligibility.js';

export const MEMBER_ROLES = ['owner', 'member'] as const;

/** A person in the startup's team; one entry per user (the add is a conditional update, see the repository). */
const memberSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: MEMBER_ROLES, required: true },
    addedAt: { type: Date, required: true },
  },
  { _id: false },
);

const startupSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 160 },
    description: { type: String, default: '', maxlength: 4000 },
    kind: { type: String, enum: STARTUP_KINDS, required: true },
    /** Vietnamese enterprise code: 10 digits, optionally -NNN for a branch. Companies only. */
    enterpriseCode: { type: String },
    /** First business registration certificate date, YYYY-MM-DD. Companies only. */
    firstRegisteredOn: { type: String },
    /** Derived from firstRegisteredOn by eligibleUntilFor() on every write; indexed for the sweep and filters. */
    eligibleUntil: { type: String },
    growthBasis: { type: [String], enum: GROWTH_BASIS_CODES, required: true },
    sectors: { type: [String], enum: SECTOR_CODES, required: true },
    stage: { type: String, enum: STAGE_CODES, required: true },
    needs: { type: [String], enum: TOPIC_CODES, default: [] },
    /** ISO 639-1 codes the team works in (matching needs one shared with the mentor). */
    languages: { type: [String], default: ['vi'] },
    district: { type: String, maxlength: 60 },
    website: { type: String, maxlength: 300 },
    /** Certification as a science-and-technology enterprise: a headline KPI of the plan. */
    stEnterprise: {
      type: new Schema(
        { certifiedOn: { type: String, required: true }, certificateNumber: { type: String, required: true }, issuer: { type: String, maxlength: 160 } },
        { _id: false },
      ),
      default: undefined,
    },
    /** The team: exactly one owner, any number of members. */
    members: { type: [memberSchema], required: true },
    /** Bumped by every change; an update applies only to the revision it read (409 otherwise). */
    revision: { type: Number, required: true, default: 0 },
    /** Folded text for `?q=`; never read back (`select: false` keeps it off the wire). */
    searchText: { type: String, required: true, select: false },
  },
  { timestamps: true, strict: 'throw' },
);

startupSchema.index({ sectors: 1 });
startupSchema.index({ stage: 1 });
startupSchema.index({ kind: 1 });
startupSchema.index({ eligibleUntil: 1 });
startupSchema.index({ 'members.userId': 1 });

export type StartupDocument = InferSchemaType<typeof startupSchema> & { _id: mongoose.Types.ObjectId };

/** Only startups.repository.ts imports this. */
export const StartupModel = mongoose.model('Startup', startupSchema);

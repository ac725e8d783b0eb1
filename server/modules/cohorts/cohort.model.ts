import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { DEFAULT_WEIGHTS, MAX_WEIGHT } from './matching-weights.js';

const weight = (name: keyof typeof DEFAULT_WEIGHTS) => ({ type: Number, min: 0, max: MAX_WEIGHT, required: true, default: DEFAULT_WEIGHTS[name] });

const weightsSchema = new Schema(
  {
    sectorFit: weight('sectorFit'),
    stageFit: weight('stageFit'),
    topicOverlap: weight('topicOverlap'),
    availabilitySoon: weight('availabilitySoon'),
    loadBalance: weight('loadBalance'),
    rating: weight('rating'),
    responsiveness: weight('responsiveness'),
  },
  { _id: false },
);

const templateItemSchema = new Schema(
  {
    /** Stable slug, unique within the template; instantiated milestones keep it (unique per admission). */
    key: { type: String, required: true, maxlength: 40 },
    title: { type: String, required: true, maxlength: 160 },
    description: { type: String, default: '', maxlength: 2000 },
    /** Weeks after the cohort's startsOn. */
    dueWeeks: { type: Number, required: true, min: 0, max: 260 },
  },
  { _id: false },
);

const cohortSchema = new Schema(
  {
    name: { type: String, required: true, maxlength: 160 },
    programme: { type: String, required: true, maxlength: 160 },
    year: { type: Number, required: true },
    /** Calendar dates, YYYY-MM-DD; startsOn < endsOn. */
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    /** Users with role manager who run this cohort. */
    managerIds: { type: [Schema.Types.ObjectId], required: true },
    weights: { type: weightsSchema, required: true },
    /** Ordered: position in the array is the milestone's order. */
    milestoneTemplate: { type: [templateItemSchema], required: true },
    /** Folded text for `?q=`; never read back (`select: false` keeps it off the wire). */
    searchText: { type: String, required: true, select: false },
  },
  { timestamps: true, strict: 'throw', collection: 'cohorts' },
);

cohortSchema.index({ managerIds: 1 });
cohortSchema.index({ year: 1 });

export type CohortDocument = InferSchemaType<typeof cohortSchema> & { _id: mongoose.Types.ObjectId };

/** Only cohorts.repository.ts imports this. */
export const CohortModel = mongoose.model('Cohort', cohortSchema);

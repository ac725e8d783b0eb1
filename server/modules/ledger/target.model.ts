import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/** One change of a target: the value it got, from what, who set it and when (null `by`: the plan's seed). */
const targetChangeSchema = new Schema(
  {
    value: { type: Number, required: true },
    previous: { type: Number, default: null },
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, default: null },
    note: { type: String, maxlength: 500 },
  },
  { _id: false },
);

/** The plan's target for one KPI in one year; edits append to `history` in the same update. */
const targetSchema = new Schema(
  {
    year: { type: Number, required: true },
    kpi: { type: String, required: true, maxlength: 60 },
    value: { type: Number, required: true, min: 0 },
    history: { type: [targetChangeSchema], default: [] },
  },
  { timestamps: true, strict: 'throw', versionKey: false, collection: 'report_targets' },
);

targetSchema.index({ year: 1, kpi: 1 }, { unique: true });

export type TargetDocument = InferSchemaType<typeof targetSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Only targets.repository.ts imports this. */
export const TargetModel = mongoose.model('ReportTarget', targetSchema);

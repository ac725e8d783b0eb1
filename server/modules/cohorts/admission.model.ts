import mongoose, { Schema, type InferSchemaType } from 'mongoose';

export const ADMISSION_STATUSES = ['active', 'withdrawn', 'graduated', 'aged_out'] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];

const historyEntrySchema = new Schema(
  {
    status: { type: String, enum: ADMISSION_STATUSES, required: true },
    at: { type: Date, required: true },
    /** The user who made the change; null when the system did (the eligibility sweep). */
    by: { type: Schema.Types.ObjectId, default: null },
    reason: { type: String, maxlength: 500 },
  },
  { _id: false },
);

const admissionSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    startupId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: ADMISSION_STATUSES, required: true, default: 'active' },
    admittedAt: { type: Date, required: true },
    admittedBy: { type: Schema.Types.ObjectId, required: true },
    /** Bumped by every status change; the change ledger below is keyed on it. */
    revision: { type: Number, required: true, default: 0 },
    history: { type: [historyEntrySchema], required: true },
  },
  { timestamps: true, strict: 'throw', collection: 'cohort_admissions' },
);

// One admission per cohort and startup, decided by the database even under concurrent requests.
admissionSchema.index({ cohortId: 1, startupId: 1 }, { unique: true });
admissionSchema.index({ startupId: 1, status: 1 });
admissionSchema.index({ cohortId: 1, status: 1 });

/**
 * The ledger of status changes, one per (admission, revision). Its unique
 * index is what makes a change happen once: a conditional update alone is
 * a read then a write on FerretDB, so two concurrent moves could both apply.
 */
const admissionChangeSchema = new Schema(
  {
    admissionId: { type: Schema.Types.ObjectId, required: true },
    /** The admission's revision this change starts from. */
    revision: { type: Number, required: true },
    from: { type: String, enum: ADMISSION_STATUSES, required: true },
    to: { type: String, enum: ADMISSION_STATUSES, required: true },
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, default: null },
    reason: { type: String, maxlength: 500 },
  },
  { strict: 'throw', collection: 'cohort_admission_changes' },
);

admissionChangeSchema.index({ admissionId: 1, revision: 1 }, { unique: true });

export type AdmissionDocument = InferSchemaType<typeof admissionSchema> & { _id: mongoose.Types.ObjectId };
export type AdmissionChangeDocument = InferSchemaType<typeof admissionChangeSchema> & { _id: mongoose.Types.ObjectId };

/** Only admissions.repository.ts imports these. */
export const AdmissionModel = mongoose.model('CohortAdmission', admissionSchema);
export const AdmissionChangeModel = mongoose.model('CohortAdmissionChange', admissionChangeSchema);

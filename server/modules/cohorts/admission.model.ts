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
    /** Every status the admission has had, oldest first; appended by the same update that changes the status. */
    history: { type: [historyEntrySchema], required: true },
  },
  { timestamps: true, strict: 'throw', collection: 'cohort_admissions' },
);

// One admission per cohort and startup, decided by the database even under concurrent requests.
admissionSchema.index({ cohortId: 1, startupId: 1 }, { unique: true });
admissionSchema.index({ startupId: 1, status: 1 });
admissionSchema.index({ cohortId: 1, status: 1 });

export type AdmissionDocument = InferSchemaType<typeof admissionSchema> & { _id: mongoose.Types.ObjectId };

/** Only admissions.repository.ts imports this. */
export const AdmissionModel = mongoose.model('CohortAdmission', admissionSchema);

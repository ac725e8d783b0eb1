import mongoose, { Schema, type InferSchemaType } from 'mongoose';

/** `st_enterprise`: the S&T enterprise certificate (one per startup); `recognition`: awards, other certificates. */
export const CERTIFICATION_KINDS = ['st_enterprise', 'recognition'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];

const certificationSchema = new Schema(
  {
    startupId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: CERTIFICATION_KINDS, required: true },
    title: { type: String, required: true, maxlength: 200 },
    /** The certificate or decision number, e.g. `15/DNKHCN-CT`. */
    number: { type: String, maxlength: 60 },
    issuer: { type: String, required: true, maxlength: 160 },
    /** Can Tho calendar date, `YYYY-MM-DD`. */
    issuedOn: { type: String, required: true },
    recordedBy: { type: Schema.Types.ObjectId, required: true },
    /** The startup id on an S&T certificate only: a unique sparse index allows one per startup, whoever records it at once. */
    stKey: { type: Schema.Types.ObjectId },
  },
  { timestamps: true, strict: 'throw', versionKey: false, collection: 'certifications' },
);

certificationSchema.index({ stKey: 1 }, { unique: true, sparse: true });
certificationSchema.index({ startupId: 1 });
certificationSchema.index({ issuedOn: 1 });

export type CertificationDocument = InferSchemaType<typeof certificationSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

/** Only certifications.repository.ts imports this. */
export const CertificationModel = mongoose.model('Certification', certificationSchema);

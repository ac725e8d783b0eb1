import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsInt, IsMongoId, IsOptional, IsString, ValidateNested } from 'class-validator';
import { BilingualTextView } from '../../core/http/bilingual-text.view.js';
import { IsCalendarDate } from '../../core/time/calendar-date.js';
import type { ActivityRecord, AttendeeRecord } from './activities.repository.js';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, type ActivityKind } from './activity-kinds.js';
import { CERTIFICATION_KINDS, type CertificationKind } from './certification.model.js';
import type { CertificationRecord } from './certifications.repository.js';
import { KPI_CODES, type KpiCode } from './plan-targets.js';
import type { TargetRecord } from './targets.repository.js';

export class AttendeeView {
  @IsString() name!: string;
  @IsOptional() @IsString() email!: string | null;
  /** The user with that email, when there is one. */
  @IsOptional() @IsMongoId() userId!: string | null;
  @IsOptional() @IsMongoId() startupId!: string | null;
  @IsOptional() @IsString() organisation!: string | null;
}

/** An activity in a list: its attendance counted, not listed. */
export class ActivitySummaryView {
  @IsMongoId() id!: string;
  @IsString() title!: string;
  @IsIn(ACTIVITY_KINDS) kind!: ActivityKind;
  @ValidateNested() @Type(() => BilingualTextView) kindLabel!: BilingualTextView;
  @IsCalendarDate() startsOn!: string;
  @IsCalendarDate() endsOn!: string;
  @IsArray() @IsString({ each: true }) organisers!: string[];
  @IsString() place!: string;
  @IsString() description!: string;
  @IsInt() attendanceCount!: number;
  /** Distinct startups among the attendees. */
  @IsInt() startupCount!: number;
  @IsMongoId() createdBy!: string;
  @IsDateString() createdAt!: string;
  @IsDateString() updatedAt!: string;
}

export class ActivityView extends ActivitySummaryView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => AttendeeView) attendance!: AttendeeView[];
}

export class ActivityPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => ActivitySummaryView) items!: ActivitySummaryView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

/** POST /activities/{id}/attendance/import. */
export class AttendanceImportView {
  @ValidateNested() @Type(() => ActivityView) activity!: ActivityView;
  @IsInt() rows!: number;
  @IsInt() added!: number;
  /** Already on the list, or repeated in the file. */
  @IsInt() skipped!: number;
}

export class CertificationView {
  @IsMongoId() id!: string;
  @IsMongoId() startupId!: string;
  @IsIn(CERTIFICATION_KINDS) kind!: CertificationKind;
  @IsString() title!: string;
  @IsOptional() @IsString() number!: string | null;
  @IsString() issuer!: string;
  @IsCalendarDate() issuedOn!: string;
  @IsMongoId() recordedBy!: string;
  @IsDateString() createdAt!: string;
}

export class CertificationPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => CertificationView) items!: CertificationView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

export class TargetChangeView {
  @IsInt() value!: number;
  /** Null for the first value (the plan's seed, or a year's first target). */
  @IsOptional() @IsInt() previous!: number | null;
  @IsDateString() at!: string;
  /** Null when the plan's seed set it. */
  @IsOptional() @IsMongoId() by!: string | null;
  @IsOptional() @IsString() note!: string | null;
}

export class TargetView {
  @IsMongoId() id!: string;
  @IsInt() year!: number;
  @IsIn(KPI_CODES) kpi!: KpiCode;
  @IsInt() value!: number;
  /** Oldest first. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => TargetChangeView) history!: TargetChangeView[];
}

export class TargetListView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => TargetView) items!: TargetView[];
}

const presentAttendee = (a: AttendeeRecord): AttendeeView => ({
  name: a.name,
  email: a.email ?? null,
  userId: a.userId ? a.userId.toHexString() : null,
  startupId: a.startupId ? a.startupId.toHexString() : null,
  organisation: a.organisation ?? null,
});

export function presentActivitySummary(activity: ActivityRecord): ActivitySummaryView {
  const attendance = activity.attendance as AttendeeRecord[];
  return {
    id: activity._id.toHexString(),
    title: activity.title,
    kind: activity.kind,
    kindLabel: ACTIVITY_KIND_LABELS[activity.kind],
    startsOn: activity.startsOn,
    endsOn: activity.endsOn,
    organisers: activity.organisers,
    place: activity.place,
    description: activity.description ?? '',
    attendanceCount: attendance.length,
    startupCount: new Set(attendance.flatMap((a) => (a.startupId ? [a.startupId.toHexString()] : []))).size,
    createdBy: activity.createdBy.toHexString(),
    createdAt: activity.createdAt.toISOString(),
    updatedAt: activity.updatedAt.toISOString(),
  };
}

export const presentActivity = (activity: ActivityRecord): ActivityView => ({
  ...presentActivitySummary(activity),
  attendance: (activity.attendance as AttendeeRecord[]).map(presentAttendee),
});

export const presentCertification = (c: CertificationRecord): CertificationView => ({
  id: c._id.toHexString(),
  startupId: c.startupId.toHexString(),
  kind: c.kind,
  title: c.title,
  number: c.number ?? null,
  issuer: c.issuer,
  issuedOn: c.issuedOn,
  recordedBy: c.recordedBy.toHexString(),
  createdAt: c.createdAt.toISOString(),
});

export const presentTarget = (t: TargetRecord): TargetView => ({
  id: t._id.toHexString(),
  year: t.year,
  kpi: t.kpi as KpiCode,
  value: t.value,
  history: t.history.map((h) => ({ value: h.value, previous: h.previous ?? null, at: h.at.toISOString(), by: h.by ? h.by.toHexString() : null, note: h.note ?? null })),
});

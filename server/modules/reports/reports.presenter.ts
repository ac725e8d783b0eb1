import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsMongoId, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { BilingualTextView } from '../../core/http/bilingual-text.view.js';
import { IsCalendarDate } from '../../core/time/calendar-date.js';
import { KPI_CODES, type KpiCode } from '../ledger/plan-targets.js';
import { KPI_STATUSES, MENTOR_FIGURES, type KpiStatus, type MentorFigureCode } from './kpi-definitions.js';
import type { EvidenceKind, KpiReport, RecordKind } from './kpi-report.js';

const EVIDENCE_KINDS = ['admission', 'session', 'activity'] as const;
const RECORD_KINDS = ['startup', 'activity', 'certification', 'session', 'mentor', 'request'] as const;

/** A support record that counts a startup as supported. */
export class KpiEvidenceView {
  @IsIn(EVIDENCE_KINDS) kind!: EvidenceKind;
  @IsMongoId() id!: string;
  @IsCalendarDate() date!: string;
}

/** One record behind a figure: what it is, its id, a name and a Can Tho date. */
export class KpiRecordView {
  @IsIn(RECORD_KINDS) kind!: RecordKind;
  @IsMongoId() id!: string;
  @IsString() name!: string;
  @IsCalendarDate() date!: string;
  @IsOptional() @IsMongoId() startupId!: string | null;
  /** A session's hours, a request's response hours, a mentor's sessions, an activity's attendees. */
  @IsOptional() @IsNumber() value!: number | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => KpiEvidenceView) evidence!: KpiEvidenceView[];
}

export class KpiExcludedView extends KpiRecordView {
  /** `aged_out`: supported only after its last eligible day. */
  @IsString() reason!: string;
}

export class KpiView {
  @IsIn(KPI_CODES) code!: KpiCode;
  @ValidateNested() @Type(() => BilingualTextView) label!: BilingualTextView;
  @IsInt() actual!: number;
  /** The period's target (years pro rata); null when a year of it has none. */
  @IsOptional() @IsNumber() target!: number | null;
  /** What the target asks for by today, in whole counts; null without a target. */
  @IsOptional() @IsNumber() expectedByNow!: number | null;
  @IsIn(KPI_STATUSES) status!: KpiStatus;
  @IsArray() @ValidateNested({ each: true }) @Type(() => KpiRecordView) records!: KpiRecordView[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => KpiExcludedView) excluded!: KpiExcludedView[];
}

export class MentorFigureView {
  @IsIn(MENTOR_FIGURES) code!: MentorFigureCode;
  @ValidateNested() @Type(() => BilingualTextView) label!: BilingualTextView;
  /** Null: a median with nothing to take it of. */
  @IsOptional() @IsNumber() value!: number | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => KpiRecordView) records!: KpiRecordView[];
}

export class ReportPeriodView {
  @IsCalendarDate() from!: string;
  @IsCalendarDate() to!: string;
  @IsOptional() @IsInt() year!: number | null;
  /** Can Tho's date when the report was made. */
  @IsCalendarDate() today!: string;
  /** 0 before the period, 1 once it has ended. */
  @IsNumber() elapsedShare!: number;
  @IsBoolean() complete!: boolean;
}

export class KpiReportView {
  @ValidateNested() @Type(() => ReportPeriodView) period!: ReportPeriodView;
  @IsDateString() generatedAt!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => KpiView) kpis!: KpiView[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => MentorFigureView) mentorNetwork!: MentorFigureView[];
}

/** The report as the API shows it; without `records`, each figure's records (and exclusions) are left out. */
export function presentKpiReport(report: KpiReport, options: { records: boolean } = { records: true }): KpiReportView {
  const view = { ...report, generatedAt: report.generatedAt.toISOString() };
  if (options.records) return view;
  return {
    ...view,
    kpis: view.kpis.map((kpi) => ({ ...kpi, records: [], excluded: [] })),
    mentorNetwork: view.mentorNetwork.map((figure) => ({ ...figure, records: [] })),
  };
}

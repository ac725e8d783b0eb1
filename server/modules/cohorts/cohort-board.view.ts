import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsMongoId, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { ADMISSION_STATUSES, type AdmissionStatus } from './admission.model.js';
import { CohortSummaryView } from './cohorts.presenter.js';

export class BoardMilestoneCountsView {
  @IsInt() planned!: number;
  @IsInt() in_progress!: number;
  @IsInt() done!: number;
  @IsInt() blocked!: number;
  @IsInt() waived!: number;
  @IsInt() total!: number;
}

export class BoardAdmissionCountsView {
  @IsInt() active!: number;
  @IsInt() withdrawn!: number;
  @IsInt() graduated!: number;
  @IsInt() aged_out!: number;
  @IsInt() total!: number;
}

export class BoardOverdueItemView {
  /** The milestone's id. */
  @IsMongoId() id!: string;
  @IsString() title!: string;
  @IsString() dueOn!: string;
  /** Whole days since dueOn (Vietnam date); at least 1. */
  @IsInt() daysOverdue!: number;
}

export class BoardStartupView {
  @IsMongoId() id!: string;
  @IsString() name!: string;
}

/** One admitted startup's line on the board. */
export class BoardAdmissionView {
  @IsMongoId() admissionId!: string;
  @ValidateNested() @Type(() => BoardStartupView) startup!: BoardStartupView;
  @IsIn(ADMISSION_STATUSES) status!: AdmissionStatus;
  /** done / (total − waived), whole percent rounded down; 100 when everything was waived. */
  @IsInt() progress!: number;
  @ValidateNested() @Type(() => BoardMilestoneCountsView) counts!: BoardMilestoneCountsView;
  /** Active admissions only: past due and not done or waived, most overdue first. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => BoardOverdueItemView) overdue!: BoardOverdueItemView[];
  /** Active admissions only: the earliest dueOn among open milestones. */
  @IsOptional() @IsString() nextDueOn!: string | null;
  /** Mentors assigned to the startup (mentorships arrive in a later issue). */
  @IsArray() mentors!: unknown[];
}

export class BoardTotalsView {
  @ValidateNested() @Type(() => BoardAdmissionCountsView) admissions!: BoardAdmissionCountsView;
  /** Over active admissions. */
  @ValidateNested() @Type(() => BoardMilestoneCountsView) milestones!: BoardMilestoneCountsView;
  /** Overdue milestones of active admissions. */
  @IsInt() overdue!: number;
  /** Progress over active admissions' milestones; null without active admissions. */
  @IsOptional() @IsInt() progress!: number | null;
}


/** GET /cohorts/{id}/board: every admitted startup's progress, active ones first. */
export class CohortBoardView {
  @ValidateNested() @Type(() => CohortSummaryView) cohort!: CohortSummaryView;
  /** The date in Vietnam the board was computed for. */
  @IsString() today!: string;
  @ValidateNested() @Type(() => BoardTotalsView) totals!: BoardTotalsView;
  @IsArray() @ValidateNested({ each: true }) @Type(() => BoardAdmissionView) admissions!: BoardAdmissionView[];
  /** The live room `cohort:<id>`'s sequence number when the board was read: apply only events numbered after it. */
  @IsInt() @Min(0) seq!: number;
}

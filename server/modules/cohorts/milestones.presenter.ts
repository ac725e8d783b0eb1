import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsMongoId, IsOptional, IsString, ValidateNested } from 'class-validator';
import { MILESTONE_STATES, type MilestoneState } from './milestone.model.js';
import { isOpen } from './milestones.policy.js';
import type { MilestoneRecord } from './milestones.repository.js';

export class MilestoneHistoryView {
  @IsIn(MILESTONE_STATES) from!: MilestoneState;
  /** Equal to `from` when only the note changed. */
  @IsIn(MILESTONE_STATES) to!: MilestoneState;
  @IsDateString() at!: string;
  @IsMongoId() by!: string;
  @IsOptional() @IsString() note!: string | null;
}

/** A milestone of one startup in one cohort. */
export class MilestoneView {
  @IsMongoId() id!: string;
  @IsMongoId() cohortId!: string;
  @IsMongoId() startupId!: string;
  @IsMongoId() admissionId!: string;
  /** The template item's key. */
  @IsString() key!: string;
  @IsInt() order!: number;
  @IsString() title!: string;
  @IsString() description!: string;
  /** YYYY-MM-DD. */
  @IsString() dueOn!: string;
  @IsIn(MILESTONE_STATES) state!: MilestoneState;
  /** Past due (Vietnam date) and not done or waived. */
  @IsBoolean() overdue!: boolean;
  @IsString() note!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MilestoneHistoryView) history!: MilestoneHistoryView[];
  @IsDateString() createdAt!: string;
  @IsDateString() updatedAt!: string;
}

/** GET /milestones: one admission's milestones in template order (at most 50, so always one page). */
export class MilestonePageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => MilestoneView) items!: MilestoneView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

export function presentMilestone(milestone: MilestoneRecord, today: string): MilestoneView {
  return {
    id: milestone._id.toHexString(),
    cohortId: milestone.cohortId.toHexString(),
    startupId: milestone.startupId.toHexString(),
    admissionId: milestone.admissionId.toHexString(),
    key: milestone.key,
    order: milestone.order,
    title: milestone.title,
    description: milestone.description ?? '',
    dueOn: milestone.dueOn,
    state: milestone.state,
    overdue: isOpen(milestone.state) && milestone.dueOn < today,
    note: milestone.note ?? '',
    history: (milestone.history ?? []).map((h) => ({
      from: h.from,
      to: h.to,
      at: h.at.toISOString(),
      by: h.by.toHexString(),
      note: h.note ?? null,
    })),
    createdAt: milestone.createdAt.toISOString(),
    updatedAt: milestone.updatedAt.toISOString(),
  };
}

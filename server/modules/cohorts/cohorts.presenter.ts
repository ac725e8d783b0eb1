import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsInt, IsMongoId, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import type { MilestoneRecord } from './milestones.repository.js';
import { MilestoneView, presentMilestone } from './milestones.presenter.js';
import { ADMISSION_STATUSES, type AdmissionStatus } from './admission.model.js';
import type { AdmissionRecord } from './admissions.repository.js';
import type { CohortRecord } from './cohorts.repository.js';
import { withDefaultWeights, type MatchingWeights } from './matching-weights.js';

/** A cohort in brief: what the board heads itself with. */
export class CohortSummaryView {
  @IsMongoId() id!: string;
  @IsString() name!: string;
  @IsString() programme!: string;
  @IsInt() year!: number;
  @IsString() startsOn!: string;
  @IsString() endsOn!: string;
}

/** Every matching weight, defaults filled in. */
export class CohortWeightsView implements MatchingWeights {
  @IsNumber() sectorFit!: number;
  @IsNumber() stageFit!: number;
  @IsNumber() topicOverlap!: number;
  @IsNumber() availabilitySoon!: number;
  @IsNumber() loadBalance!: number;
  @IsNumber() rating!: number;
  @IsNumber() responsiveness!: number;
}

/** One item of the milestone template; `description` is '' when none was given. */
export class CohortTemplateItemView {
  @IsString() key!: string;
  @IsString() title!: string;
  @IsString() description!: string;
  @IsInt() dueWeeks!: number;
}

/** A cohort as the API shows it. */
export class CohortView extends CohortSummaryView {
  @IsArray() @IsMongoId({ each: true }) managerIds!: string[];
  @ValidateNested() @Type(() => CohortWeightsView) weights!: CohortWeightsView;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CohortTemplateItemView) milestoneTemplate!: CohortTemplateItemView[];
  @IsDateString() createdAt!: string;
  @IsDateString() updatedAt!: string;
}

export class CohortPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => CohortView) items!: CohortView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

export class AdmissionHistoryView {
  @IsIn(ADMISSION_STATUSES) status!: AdmissionStatus;
  @IsDateString() at!: string;
  /** Null when the system made the change (eligibility ended). */
  @IsOptional() @IsMongoId() by!: string | null;
  @IsOptional() @IsString() reason!: string | null;
}

/** A startup's place in a cohort. */
export class AdmissionView {
  @IsMongoId() id!: string;
  @IsMongoId() cohortId!: string;
  @IsMongoId() startupId!: string;
  @IsIn(ADMISSION_STATUSES) status!: AdmissionStatus;
  @IsDateString() admittedAt!: string;
  @IsMongoId() admittedBy!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => AdmissionHistoryView) history!: AdmissionHistoryView[];
}

/** POST /cohorts/{id}/admissions: the admission with the milestones instantiated from the template. */
export class AdmissionWithMilestonesView extends AdmissionView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => MilestoneView) milestones!: MilestoneView[];
}

export function presentCohortSummary(
  cohort: Pick<CohortRecord, 'name' | 'programme' | 'year' | 'startsOn' | 'endsOn'> & { _id: { toHexString(): string } },
): CohortSummaryView {
  return {
    id: cohort._id.toHexString(),
    name: cohort.name,
    programme: cohort.programme,
    year: cohort.year,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
  };
}

export function presentCohort(cohort: CohortRecord): CohortView {
  return {
    ...presentCohortSummary(cohort),
    managerIds: cohort.managerIds.map((id) => id.toHexString()),
    weights: withDefaultWeights(cohort.weights),
    milestoneTemplate: cohort.milestoneTemplate.map((item) => ({
      key: item.key,
      title: item.title,
      description: item.description ?? '',
      dueWeeks: item.dueWeeks,
    })),
    createdAt: cohort.createdAt.toISOString(),
    updatedAt: cohort.updatedAt.toISOString(),
  };
}

export function presentAdmission(admission: AdmissionRecord): AdmissionView {
  return {
    id: admission._id.toHexString(),
    cohortId: admission.cohortId.toHexString(),
    startupId: admission.startupId.toHexString(),
    status: admission.status,
    admittedAt: admission.admittedAt.toISOString(),
    admittedBy: admission.admittedBy.toHexString(),
    history: admission.history.map((h) => ({
      status: h.status,
      at: h.at.toISOString(),
      by: h.by ? h.by.toHexString() : null,
      reason: h.reason ?? null,
    })),
  };
}

export function presentAdmissionWithMilestones(
  admitted: { admission: AdmissionRecord; milestones: MilestoneRecord[] },
  today: string,
): AdmissionWithMilestonesView {
  return { ...presentAdmission(admitted.admission), milestones: admitted.milestones.map((m) => presentMilestone(m, today)) };
}

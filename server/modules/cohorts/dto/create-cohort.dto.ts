import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsMongoId,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';
import { TextField } from '../../../core/http/text-field.js';
import { NestedObject } from '../../../core/http/validation.js';
import { MAX_WEIGHT } from '../matching-weights.js';

/** A milestone key: a short slug, unique within the template. */
export const MILESTONE_KEY = /^[a-z0-9_-]{1,40}$/;
export const MAX_TEMPLATE_ITEMS = 50;

const Weight = (): PropertyDecorator => (target, property) => {
  IsOptional()(target, property);
  IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${String(property)} must be a number` })(target, property);
  Min(0)(target, property);
  Max(MAX_WEIGHT)(target, property);
};

/** Matching weights, 0–10 each; omitted ones take their defaults (3, 2, 3, 1, 1, 1, 1). */
export class CohortWeightsDto {
  @Weight() sectorFit?: number;
  @Weight() stageFit?: number;
  @Weight() topicOverlap?: number;
  @Weight() availabilitySoon?: number;
  @Weight() loadBalance?: number;
  @Weight() rating?: number;
  @Weight() responsiveness?: number;
}

/** One item of a cohort's milestone template. */
export class CohortTemplateItemDto {
  @Matches(MILESTONE_KEY, { message: 'key must be 1–40 characters of a–z, 0–9, _ or -' })
  key!: string;

  @TextField({ max: 160, required: true, example: 'Sản phẩm mẫu / MVP' })
  title!: string;

  @IsOptional()
  @TextField({ max: 2000, multiline: true })
  description?: string;

  /** Due this many weeks after the cohort's startsOn. */
  @IsInt()
  @Min(0)
  @Max(260)
  dueWeeks!: number;
}

/** POST /cohorts. */
export class CreateCohortDto {
  @TextField({ max: 160, required: true, example: 'Mekong Startup Runway 2027 — Nông nghiệp' })
  name!: string;

  @TextField({ max: 160, required: true, example: 'Mekong Startup Runway' })
  programme!: string;

  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @IsCalendarDate()
  startsOn!: string;

  /** After startsOn. */
  @IsCalendarDate()
  endsOn!: string;

  /** Users with role manager; a manager creating the cohort is always added. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsMongoId({ each: true, message: 'managerIds must contain user ids' })
  managerIds?: string[];

  @IsOptional()
  @NestedObject(() => CohortWeightsDto)
  weights?: CohortWeightsDto;

  /** Ordered; keys unique. */
  @IsArray()
  @ArrayMinSize(1, { message: 'milestoneTemplate needs at least one item' })
  @ArrayMaxSize(MAX_TEMPLATE_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CohortTemplateItemDto)
  milestoneTemplate!: CohortTemplateItemDto[];
}

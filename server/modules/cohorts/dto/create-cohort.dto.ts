import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsMongoId,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';
import { MAX_WEIGHT } from '../matching-weights.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

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

  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(160)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  /** Due this many weeks after the cohort's startsOn. */
  @IsInt()
  @Min(0)
  @Max(260)
  dueWeeks!: number;
}

/** POST /cohorts. */
export class CreateCohortDto {
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(160)
  name!: string;

  /** E.g. "Mekong Startup Runway". */
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'programme must not be empty' })
  @MaxLength(160)
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
  @ValidateNested()
  @Type(() => CohortWeightsDto)
  weights?: CohortWeightsDto;

  /** Ordered; keys unique. */
  @IsArray()
  @ArrayMinSize(1, { message: 'milestoneTemplate needs at least one item' })
  @ArrayMaxSize(MAX_TEMPLATE_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => CohortTemplateItemDto)
  milestoneTemplate!: CohortTemplateItemDto[];
}

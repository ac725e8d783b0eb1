/**
 * The fields of a mentor profile that its mentor writes, each validated
 * once here. Every field is optional: this is the PATCH body as it is
 * (send only what changes), and CreateMentorDto adds what a new profile
 * must have. Status, stats and the owner are not fields, so sending them
 * is a 400.
 *
 * Decorators run bottom-up, so each field's type check sits next to it and
 * is the one reported when the type is wrong (one message per field).
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { SECTOR_CODES, STAGE_CODES, TOPIC_CODES, type Sector, type Stage, type Topic } from '../../../core/taxonomy/taxonomy.js';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';
import { ENTERPRISE_CODE } from '../../startups/dto/startup-fields.dto.js';
import { MENTOR_MODES, PROFILE_NUMBERS, TEXT_LIMITS, type MentorMode } from '../mentor-profile.js';
import { IsOptionalButNotNull, NestedObject } from '../../../core/http/validation.js';
import { TextField } from '../../../core/http/text-field.js';
import { LANGUAGE_CODES } from '../../../core/taxonomy/languages.js';
import { TIME_ZONES } from '../../../core/time/time-zones.js';
import { HasNoOverlappingRules, IsAfterStart, IsEndTime, IsStartTime } from './mentor-validators.js';

const MAX_WEEKLY_RULES = 50;
const MAX_BLOCKED_DATES = 400;
const MAX_CONFLICTS = 200;

/** Where the mentor meets in person; send null to clear a part. */
export class MentorLocationDto {
  @IsOptional() @TextField({ max: TEXT_LIMITS.place, example: 'Ninh Kiều' }) district?: string | null;
  @IsOptional() @TextField({ max: TEXT_LIMITS.place, example: 'Cần Thơ' }) city?: string | null;
}

/** Startups and companies the mentor must never be matched with. */
export class MentorConflictsDto {
  @IsOptionalButNotNull()
  @ArrayUnique()
  @IsMongoId({ each: true, message: 'startupIds must hold startup ids' })
  @ArrayMaxSize(MAX_CONFLICTS)
  @IsArray()
  startupIds?: string[];

  @IsOptionalButNotNull()
  @ArrayUnique()
  @Matches(ENTERPRISE_CODE, { each: true, message: 'enterpriseCodes must be 10 digits, optionally followed by - and 3 digits' })
  @ArrayMaxSize(MAX_CONFLICTS)
  @IsArray()
  enterpriseCodes?: string[];
}

const { maxActiveMentees, maxSessionsPerMonth, sessionMinutes, bufferMinutes, minNoticeHours, responseDays } = PROFILE_NUMBERS;

export class MentorCapacityDto {
  /** Mentorships the mentor holds at once. */
  @IsOptionalButNotNull() @Max(maxActiveMentees.max) @Min(maxActiveMentees.min) @IsInt() maxActiveMentees?: number;
  @IsOptionalButNotNull() @Max(maxSessionsPerMonth.max) @Min(maxSessionsPerMonth.min) @IsInt() maxSessionsPerMonth?: number;
}

/** One weekly window, in the mentor's zone. */
export class MentorWeeklyRuleDto {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @Max(7) @Min(1) @IsInt() weekday!: number;
  @JSONSchema({ type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:mm, 00:00–23:59', example: '09:00' })
  @IsStartTime()
  start!: string;

  @JSONSchema({ type: 'string', description: 'HH:mm after start; 24:00 is the end of the day', example: '11:30' })
  @IsAfterStart()
  @IsEndTime()
  end!: string;
}

export class MentorAvailabilityDto {
  @JSONSchema({ description: 'Weekly windows; two windows of one weekday must not overlap (touching is fine).' })
  @IsOptionalButNotNull()
  @HasNoOverlappingRules()
  @ValidateNested({ each: true })
  @Type(() => MentorWeeklyRuleDto)
  @ArrayMaxSize(MAX_WEEKLY_RULES)
  @IsArray()
  weekly?: MentorWeeklyRuleDto[];

  @JSONSchema({ description: 'Days off in the mentor’s zone', items: { type: 'string', format: 'date' } })
  @IsOptionalButNotNull()
  @ArrayUnique({ message: 'blockedDates must not repeat a date' })
  @IsCalendarDate({ each: true, message: 'blockedDates must hold real dates written YYYY-MM-DD' })
  @ArrayMaxSize(MAX_BLOCKED_DATES)
  @IsArray()
  blockedDates?: string[];
}

/**
 * PATCH semantics: a top-level field replaces the stored value; the members
 * of location, conflicts, capacity and availability are merged one by one
 * over the stored group (the lists inside them are replaced).
 */
export class MentorProfileFieldsDto {
  @IsOptionalButNotNull() @TextField({ max: TEXT_LIMITS.name, required: true }) name?: string;
  @IsOptionalButNotNull() @TextField({ max: TEXT_LIMITS.title }) title?: string;
  @IsOptionalButNotNull() @TextField({ max: TEXT_LIMITS.organisation }) organisation?: string;
  @IsOptionalButNotNull() @TextField({ max: TEXT_LIMITS.bio, multiline: true }) bio?: string;

  /** Sector codes (SPEC §9). */
  @IsOptionalButNotNull()
  @ArrayUnique()
  @IsIn(SECTOR_CODES, { each: true, message: `sectors must hold sector codes: ${SECTOR_CODES.join(', ')}` })
  @IsArray()
  sectors?: Sector[];

  /** Startup stages the mentor helps with. */
  @IsOptionalButNotNull()
  @ArrayUnique()
  @IsIn(STAGE_CODES, { each: true, message: `stages must hold stage codes: ${STAGE_CODES.join(', ')}` })
  @IsArray()
  stages?: Stage[];

  /** Topic codes (SPEC §9). */
  @IsOptionalButNotNull()
  @ArrayUnique()
  @IsIn(TOPIC_CODES, { each: true, message: `expertise must hold topic codes: ${TOPIC_CODES.join(', ')}` })
  @IsArray()
  expertise?: Topic[];

  /** ISO 639-1 codes (`vi`, `en`, `fr`), at least one. */
  @IsOptionalButNotNull()
  @ArrayUnique()
  @IsIn(LANGUAGE_CODES, { each: true, message: 'languages must hold two-letter ISO 639-1 codes such as vi, en' })
  @ArrayMaxSize(20)
  @ArrayMinSize(1, { message: 'languages must name at least one language' })
  @IsArray()
  languages?: string[];

  @JSONSchema({ type: 'string', description: 'IANA zone of the weekly rules; Asia/Ho_Chi_Minh when left out', example: 'Asia/Ho_Chi_Minh' })
  @IsOptionalButNotNull()
  @IsIn(TIME_ZONES, { message: 'timezone must be an IANA time zone name such as Asia/Ho_Chi_Minh' })
  timezone?: string;

  @IsOptionalButNotNull() @IsIn(MENTOR_MODES) mode?: MentorMode;

  @IsOptionalButNotNull() @NestedObject(() => MentorLocationDto) location?: MentorLocationDto;
  @IsOptionalButNotNull() @NestedObject(() => MentorConflictsDto) conflicts?: MentorConflictsDto;
  @IsOptionalButNotNull() @NestedObject(() => MentorCapacityDto) capacity?: MentorCapacityDto;
  @IsOptionalButNotNull() @NestedObject(() => MentorAvailabilityDto) availability?: MentorAvailabilityDto;

  @IsOptionalButNotNull() @Max(sessionMinutes.max) @Min(sessionMinutes.min) @IsInt() sessionMinutes?: number;
  @IsOptionalButNotNull() @Max(bufferMinutes.max) @Min(bufferMinutes.min) @IsInt() bufferMinutes?: number;
  @IsOptionalButNotNull() @Max(minNoticeHours.max) @Min(minNoticeHours.min) @IsInt() minNoticeHours?: number;
  /** Days to answer a request before it expires (default 5). */
  @IsOptionalButNotNull() @Max(responseDays.max) @Min(responseDays.min) @IsInt() responseDays?: number;
}

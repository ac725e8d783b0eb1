import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsMongoId, IsOptional, ValidateNested } from 'class-validator';
import { EmailField, TextField } from '../../../core/http/text-field.js';
import { defineValidator, IsOptionalButNotNull } from '../../../core/http/validation.js';
import { textPattern, textProblem } from '../../../core/text/clean-text.js';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';
import { ACTIVITY_KINDS, type ActivityKind } from '../activity-kinds.js';
import { ACTIVITY_LIMITS } from '../activity.model.js';

/** Attendees one JSON body may list: what fits the 100 kB body limit however long their names. */
export const ATTENDEES_IN_BODY = 50;

/**
 * Every item a clean, visible, single-line text of at most `max` characters
 * (stored NFC and trimmed by the use case: Normalize applies to properties,
 * not array items). The schema says the same per item.
 */
const IsTextList = ({ max }: { max: number }): PropertyDecorator =>
  defineValidator(
    `isTextList${max}`,
    (value) => !Array.isArray(value) || value.every((item) => typeof item === 'string' && item.length <= max && textProblem(item, { required: true }) === undefined),
    (args) => `each of ${args.property} must be visible text on one line, at most ${max} characters`,
    undefined,
    { type: 'array', items: { type: 'string', minLength: 1, maxLength: max, pattern: textPattern({ required: true }) } },
  );

/** One person at an activity. */
export class AttendeeDto {
  @TextField({ max: ACTIVITY_LIMITS.name, required: true, example: 'Nguyễn Thị Lan' })
  name!: string;

  /** Links the attendee to the user with this email, when there is one. */
  @IsOptional()
  @EmailField()
  email?: string;

  /** The startup the attendee came for. */
  @IsOptional()
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId?: string;

  @IsOptional()
  @TextField({ max: ACTIVITY_LIMITS.organiser, example: 'Trường Đại học Cần Thơ' })
  organisation?: string;
}

/**
 * The activity's fields, declared once: on create the core fields are
 * required, on update (PATCH) any subset (null only where a field can be
 * cleared: description).
 */
function activityFields(mode: 'create' | 'update') {
  const Required = (): PropertyDecorator => (mode === 'create' ? () => {} : IsOptionalButNotNull());
  class Fields {
    @Required()
    @TextField({ max: ACTIVITY_LIMITS.title, required: true, example: 'Lớp nhận thức khởi nghiệp đổi mới sáng tạo — Đại học Cần Thơ' })
    title!: string;

    @Required()
    @IsIn(ACTIVITY_KINDS, { message: `kind must be one of: ${ACTIVITY_KINDS.join(', ')}` })
    kind!: ActivityKind;

    @Required()
    @IsCalendarDate()
    startsOn!: string;

    /** On or after startsOn. */
    @Required()
    @IsCalendarDate()
    endsOn!: string;

    /** Who ran it: the host first, then partners. */
    @Required()
    @IsArray()
    @ArrayMinSize(1, { message: 'organisers must name at least one organiser' })
    @ArrayMaxSize(ACTIVITY_LIMITS.organisers)
    @IsTextList({ max: ACTIVITY_LIMITS.organiser })
    organisers!: string[];

    @Required()
    @TextField({ max: ACTIVITY_LIMITS.place, required: true, example: 'Trung tâm Hỗ trợ khởi nghiệp sáng tạo, Ninh Kiều' })
    place!: string;

    @IsOptional()
    @TextField({ max: ACTIVITY_LIMITS.description, multiline: true })
    description?: string;

    /** The whole attendance list (a PATCH replaces it), up to 50 people here; longer lists come by CSV import, which appends. */
    @IsOptionalButNotNull()
    @IsArray()
    @ArrayMaxSize(ATTENDEES_IN_BODY)
    @ValidateNested({ each: true })
    @Type(() => AttendeeDto)
    attendance?: AttendeeDto[];
  }
  Object.defineProperty(Fields, 'name', { value: `ActivityFields${mode === 'create' ? 'Create' : 'Update'}` });
  return Fields;
}

/** POST /activities. */
export class CreateActivityDto extends activityFields('create') {}

/** PATCH /activities/{id}: any subset of the fields. */
export class UpdateActivityDto extends activityFields('update') {}

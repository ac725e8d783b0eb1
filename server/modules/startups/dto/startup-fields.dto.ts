import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  Matches,
  MaxLength,
} from 'class-validator';
import { GROWTH_BASIS_CODES, SECTOR_CODES, STAGE_CODES, TOPIC_CODES } from '../../../core/taxonomy/taxonomy.js';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';
import { LANGUAGE_CODES } from '../../../core/taxonomy/languages.js';
import { TextField } from '../../../core/http/text-field.js';
import { IsOptionalButNotNull, NestedObject } from '../../../core/http/validation.js';
import { STARTUP_KINDS } from '../eligibility.js';

/**
 * A web address: http(s), a host name of dot-separated labels, an optional
 * port, path and query. The check and the OpenAPI pattern are this one
 * expression, so the two agree exactly (a URL library's rules would not).
 */
export const WEBSITE = /^https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+(?::\d{1,5})?(?:[/?#]\S*)?$/;

/** Vietnamese enterprise code: 10 digits, optionally "-" and 3 digits for a branch. */
export const ENTERPRISE_CODE = /^\d{10}(-\d{3})?$/;

export class StEnterpriseDto {
  /** Not after today in Vietnam (checked with the startup rules, against the app's clock). */
  @IsCalendarDate()
  certifiedOn!: string;

  @TextField({ max: 60, required: true, example: '15/DNKHCN-CT' })
  certificateNumber!: string;

  /** Who issued it (the Department of Science and Technology); set when a manager records the certificate (POST /certifications). */
  @IsOptional()
  @TextField({ max: 160, example: 'Sở Khoa học và Công nghệ thành phố Cần Thơ' })
  issuer?: string | null;
}

/**
 * The startup's fields, declared once. On create the core fields are
 * required; on update (PATCH) every field is optional. Rules that span
 * fields (a company needs a code and a date) live in startup-rules.ts.
 */
function startupFields(mode: 'create' | 'update') {
  // A core field may be left out of a PATCH, but not sent as null: null removes only optional fields.
  const presence = (): PropertyDecorator => (mode === 'create' ? IsDefined() : IsOptionalButNotNull());

  class Fields {
    @presence()
    @TextField({ max: 160, required: true, example: 'Nấm Rơm Ô Môn' })
    name!: string;

    /** Send null (or "") to clear it. */
    @IsOptional()
    @TextField({ max: 4000, multiline: true })
    description?: string;

    @presence()
    @IsIn(STARTUP_KINDS, { message: `kind must be one of: ${STARTUP_KINDS.join(', ')}` })
    kind!: (typeof STARTUP_KINDS)[number];

    @IsOptional()
    @Matches(ENTERPRISE_CODE, { message: 'enterpriseCode must be 10 digits, optionally followed by - and 3 digits (e.g. 1801234567 or 1801234567-001)' })
    enterpriseCode?: string;

    /** Not after today in Vietnam (checked with the startup rules, against the app's clock). */
    @IsOptional()
    @IsCalendarDate()
    firstRegisteredOn?: string;

    @presence()
    @IsArray()
    @ArrayNotEmpty({ message: 'growthBasis needs at least one of: intellectual_property, technology, business_model' })
    @ArrayUnique()
    @IsIn(GROWTH_BASIS_CODES, { each: true, message: `growthBasis must contain only: ${GROWTH_BASIS_CODES.join(', ')}` })
    growthBasis!: string[];

    @presence()
    @IsArray()
    @ArrayNotEmpty()
    @ArrayMaxSize(5)
    @ArrayUnique()
    @IsIn(SECTOR_CODES, { each: true, message: 'sectors must contain only known sector codes (GET /api/v1/taxonomies)' })
    sectors!: string[];

    @presence()
    @IsIn(STAGE_CODES, { message: `stage must be one of: ${STAGE_CODES.join(', ')}` })
    stage!: string;

    @IsOptional()
    @IsArray()
    @ArrayMaxSize(15)
    @ArrayUnique()
    @IsIn(TOPIC_CODES, { each: true, message: 'needs must contain only known topic codes (GET /api/v1/taxonomies)' })
    needs?: string[];

    /** ISO 639-1 codes the team works in; `["vi"]` when left out. Matching needs one shared with the mentor. */
    @IsOptionalButNotNull()
    @ArrayUnique()
    @IsIn(LANGUAGE_CODES, { each: true, message: 'languages must hold two-letter ISO 639-1 codes such as vi, en' })
    @ArrayMaxSize(10)
    @ArrayMinSize(1, { message: 'languages must name at least one language' })
    @IsArray()
    languages?: string[];

    @IsOptional()
    @TextField({ max: 60, example: 'Ô Môn' })
    district?: string;

    @IsOptional()
    @Matches(WEBSITE, { message: 'website must be an http or https address such as https://luaxanh.vn' })
    @MaxLength(300)
    website?: string;

    @IsOptional()
    @NestedObject(() => StEnterpriseDto)
    stEnterprise?: StEnterpriseDto;
  }
  Object.defineProperty(Fields, 'name', { value: `StartupFields${mode === 'create' ? 'Create' : 'Update'}` });
  return Fields;
}

/** POST /startups. */
export class CreateStartupDto extends startupFields('create') {}

/** PATCH /startups/{id}: any subset of the fields. */
export class UpdateStartupDto extends startupFields('update') {}

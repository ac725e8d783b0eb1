import { IsDefined, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { MentorProfileFieldsDto } from './mentor-profile-fields.dto.js';

/**
 * POST /mentors: a mentor's own profile. Only `languages` is required (a
 * mentor nobody can talk with cannot be matched); `name` defaults to the
 * account's name and every other field to the profile defaults.
 */
@JSONSchema({ required: ['languages'] })
export class CreateMentorDto extends MentorProfileFieldsDto {
  // Replaces the inherited "only when present" condition, so a missing list is reported.
  @ValidateIf(() => true)
  @IsDefined({ message: 'languages is required: at least one ISO 639-1 code such as vi' })
  override languages!: string[];
}

import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { EmailField, TextField } from '../../../core/http/text-field.js';
import { LOCALES } from '../user.model.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password.js';

/** Fields shared by self-registration and admin-created users. */
export class UserFieldsDto {
  @EmailField()
  email!: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @TextField({ max: 120, required: true, example: 'Nguyễn Thị Lan' })
  name!: string;

  @IsOptional()
  @IsIn(LOCALES)
  locale?: (typeof LOCALES)[number];
}

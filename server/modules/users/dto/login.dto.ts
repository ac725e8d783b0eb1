import { IsString, MaxLength, MinLength } from 'class-validator';
import { EmailField } from '../../../core/http/text-field.js';
import { PASSWORD_MAX_LENGTH } from '../password.js';

/** POST /auth/login. Password length is not checked here: a short one is just wrong. */
export class LoginDto {
  @EmailField()
  email!: string;

  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

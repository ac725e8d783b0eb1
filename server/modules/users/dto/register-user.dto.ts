import { IsIn } from 'class-validator';
import { SELF_REGISTER_ROLES } from '../../../core/auth/auth-user.js';
import { UserFieldsDto } from './user-fields.dto.js';

/** POST /auth/register: founders and mentors sign themselves up. */
export class RegisterUserDto extends UserFieldsDto {
  @IsIn(SELF_REGISTER_ROLES, { message: `role must be one of: ${SELF_REGISTER_ROLES.join(', ')}` })
  role!: (typeof SELF_REGISTER_ROLES)[number];
}

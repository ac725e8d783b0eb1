import { IsIn } from 'class-validator';
import { ROLES, type Role } from '../../../core/auth/auth-user.js';
import { UserFieldsDto } from './user-fields.dto.js';

/** POST /users (admin): any role, including managers and admins. */
export class CreateUserDto extends UserFieldsDto {
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;
}

import { IsIn } from 'class-validator';
import { ROLES, type Role } from '../../../core/auth/auth-user.js';
import { IsOptionalButNotNull } from '../../../core/http/validation.js';
import { USER_STATUSES } from '../user.model.js';

/** PATCH /users/{id} (admin): a new role, a new status, or both. */
export class UpdateUserDto {
  @IsOptionalButNotNull()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;

  /** `deactivated` signs the user out everywhere on their next request; `active` lets them back in. */
  @IsOptionalButNotNull()
  @IsIn(USER_STATUSES, { message: `status must be one of: ${USER_STATUSES.join(', ')}` })
  status?: (typeof USER_STATUSES)[number];
}

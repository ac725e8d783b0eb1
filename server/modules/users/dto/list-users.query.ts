import { IsIn, IsOptional } from 'class-validator';
import { ROLES, type Role } from '../../../core/auth/auth-user.js';
import { ListQueryDto } from '../../../core/http/pagination.js';
import { USER_STATUSES } from '../user.model.js';

/** GET /users (admin): filter by role and status; `q` searches names and emails. */
export class ListUsersQuery extends ListQueryDto {
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @IsIn(USER_STATUSES) status?: (typeof USER_STATUSES)[number];
}

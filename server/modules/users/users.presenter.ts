import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsEmail, IsIn, IsMongoId, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ROLES, type AuthUser } from '../../core/auth/auth-user.js';
import { LOCALES, USER_STATUSES } from './user.model.js';
import type { UserRecord } from './users.repository.js';

/** A user as the API shows it: never the password hash. */
export class UserView {
  @IsMongoId() id!: string;
  @IsEmail() email!: string;
  @IsString() name!: string;
  @IsIn(ROLES) role!: (typeof ROLES)[number];
  @IsIn(USER_STATUSES) status!: (typeof USER_STATUSES)[number];
  @IsIn(LOCALES) locale!: (typeof LOCALES)[number];
  @IsDateString() createdAt!: string;
}

/** GET /users: one page; pass `nextCursor` back as `cursor` for the next (null on the last page). */
export class UserPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => UserView) items!: UserView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

/** The stored user without its password hash: what the presenter and the token check need. */
export type PresentableUser = Omit<UserRecord, 'passwordHash'>;

export function presentUser(user: PresentableUser): UserView {
  return {
    id: user._id.toHexString(),
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    locale: user.locale,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toAuthUser(user: PresentableUser): AuthUser {
  return { id: user._id.toHexString(), role: user.role, email: user.email, name: user.name };
}

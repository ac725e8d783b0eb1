import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, ValidateNested } from 'class-validator';
import { UserView } from '../users.presenter.js';

/** What register and login answer. */
export class AuthResultView {
  @IsString() accessToken!: string;
  @IsIn(['Bearer']) tokenType!: 'Bearer';
  /** Seconds until the token expires. */
  @IsInt() expiresIn!: number;
  @ValidateNested() @Type(() => UserView) user!: UserView;
}

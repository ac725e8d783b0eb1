import { Transform } from 'class-transformer';
import { IsEmail } from 'class-validator';

/** POST /startups/{id}/members: add a registered startup user to the team by email. */
export class AddMemberDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  email!: string;
}

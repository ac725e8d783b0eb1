import { EmailField } from '../../../core/http/text-field.js';

/** POST /startups/{id}/members: add a registered startup user to the team by email. */
export class AddMemberDto {
  @EmailField()
  email!: string;
}

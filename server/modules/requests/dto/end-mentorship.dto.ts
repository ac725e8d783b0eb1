import { IsOptional } from 'class-validator';
import { TextField } from '../../../core/http/text-field.js';

/** POST /mentorships/{id}/end. */
export class EndMentorshipDto {
  @IsOptional()
  @TextField({ max: 1000, multiline: true, example: 'Đã hoàn thành kế hoạch gọi vốn.' })
  reason?: string;
}

import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { TextField } from '../../../core/http/text-field.js';
import { IsInstant } from './book-session.dto.js';

/** POST /sessions/{id}/cancel. */
export class CancelSessionDto {
  @TextField({ max: 1000, multiline: true, required: true, example: 'Nhóm bận làm hồ sơ gọi vốn tuần này.' })
  reason!: string;
}

/** POST /sessions/{id}/reschedule: the same meeting at another of the mentor's free slots. */
export class RescheduleSessionDto {
  @IsInstant()
  start!: string;
}

/** POST /sessions/{id}/feedback: one side's rating of a completed session. */
export class GiveFeedbackDto {
  /** 1 (poor) to 5 (excellent). */
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsOptional()
  @TextField({ max: 2000, multiline: true, example: 'Góp ý rất cụ thể về bảng giá; nhóm sẽ thử lại với hai siêu thị.' })
  comment?: string;
}

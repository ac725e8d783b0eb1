import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';

/** GET /mentors/{id}/slots: Can Tho calendar days, both included; two weeks from today when left out. */
export class SlotsQueryDto {
  /** First day (Asia/Ho_Chi_Minh); today when left out. */
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  /** Last day, included (Asia/Ho_Chi_Minh); 13 days after `from` when left out; at most 31 days after `from`. */
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

import { TextField } from '../../../core/http/text-field.js';

/** POST /mentor-requests/{id}/decline: the mentor says no, and why. */
export class DeclineRequestDto {
  @TextField({ max: 1000, multiline: true, required: true, example: 'Tháng này tôi đã kín lịch; mời bạn thử lại vào tháng sau.' })
  reason!: string;
}

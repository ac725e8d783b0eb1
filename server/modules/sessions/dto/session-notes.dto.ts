import { IsBoolean, IsIn, IsMongoId, IsOptional } from 'class-validator';
import { TextField } from '../../../core/http/text-field.js';
import { IsCalendarDate } from '../../../core/time/calendar-date.js';
import { ACTION_ITEM_MOVES, type ActionItemMove } from '../session.model.js';

/** PUT /sessions/{id}/notes: the mentor's private note, replacing the one before. */
export class WriteSessionNoteDto {
  @TextField({ max: 5000, multiline: true, required: true, example: 'Nhóm nắm rõ chi phí; cần luyện phần trình bày doanh thu.' })
  text!: string;
}

/** POST /sessions/{id}/action-items: something the startup is to do, optionally moving one of its milestones once done. */
export class AddActionItemDto {
  @TextField({ max: 200, required: true, example: 'Gửi bảng giá mới cho hai siêu thị ở Ninh Kiều' })
  title!: string;

  /** A Can Tho date, today or later. */
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;

  /** One of the session's startup's milestones (GET /milestones?startupId=). */
  @IsOptional()
  @IsMongoId({ message: 'milestoneId must be a milestone id' })
  milestoneId?: string;

  /** The milestone's state once the item is done (with `milestoneId`; `done` when left out). */
  @IsOptional()
  @IsIn(ACTION_ITEM_MOVES, { message: `moveTo must be one of: ${ACTION_ITEM_MOVES.join(', ')}` })
  moveTo?: ActionItemMove;
}

/** PATCH /sessions/{id}/action-items/{itemId}: done, or not done after all. */
export class MarkActionItemDto {
  @IsBoolean({ message: 'done must be true or false' })
  done!: boolean;
}

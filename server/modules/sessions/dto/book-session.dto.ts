import { IsIn, IsMongoId, IsOptional, Matches, MaxLength } from 'class-validator';
import { defineValidator } from '../../../core/http/validation.js';
import { TextField } from '../../../core/http/text-field.js';
import { WEBSITE } from '../../startups/dto/startup-fields.dto.js';
import { SESSION_MODES, type SessionMode } from '../session.model.js';

/** RFC 3339 date-time with a zone (`Z` or `±hh:mm`), as the slots list gives `start`. */
const INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export const IsInstant = () =>
  defineValidator(
    'isInstant',
    (value) => typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)),
    (args) => `${args.property} must be a date-time with a zone, such as 2026-06-17T02:00:00.000Z (a slot's start)`,
    undefined,
    { type: 'string', format: 'date-time' },
  );

/** The meeting itself: how, where, about what. */
export class SessionDetailsDto {
  @IsIn(SESSION_MODES, { message: `mode must be one of: ${SESSION_MODES.join(', ')}` })
  mode!: SessionMode;

  /** The meeting link; required when `mode` is online. */
  @IsOptional()
  @Matches(WEBSITE, { message: 'link must be an http or https address such as https://meet.example.vn/abc' })
  @MaxLength(500)
  link?: string;

  /** Where to meet; required when `mode` is in_person. */
  @IsOptional()
  @TextField({ max: 300, example: 'Vườn ươm Cần Thơ, 2 Lý Tự Trọng, Ninh Kiều' })
  place?: string;

  @TextField({ max: 200, required: true, example: 'Kênh phân phối sang siêu thị' })
  topic!: string;

  @IsOptional()
  @TextField({ max: 2000, multiline: true, example: 'Xem lại bảng giá; chuẩn bị buổi gặp với Co.op Mart.' })
  agenda?: string;
}

/** POST /sessions: a startup with an active mentorship (or its cohort's manager) books one of the mentor's free slots. */
export class BookSessionDto extends SessionDetailsDto {
  @IsMongoId({ message: 'startupId must be a startup id' })
  startupId!: string;

  @IsMongoId({ message: 'mentorId must be a mentor id' })
  mentorId!: string;

  /** The `start` of a slot from GET /mentors/{id}/slots. */
  @IsInstant()
  start!: string;
}

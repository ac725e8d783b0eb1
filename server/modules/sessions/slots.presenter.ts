import { Type } from 'class-transformer';
import { IsArray, IsDateString, IsIn, IsInt, IsMongoId, IsString, Matches, ValidateNested } from 'class-validator';
import { MENTOR_STATUSES } from '../mentors/mentor-profile.js';
import type { LocalTime, Slot } from './slots.js';
import type { SlotList } from './usecases/list-slots.js';

/** An instant as read on a wall clock in one zone. */
/** A calendar date in a response: near the years' ends a zone's date may fall outside what inputs accept. */
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export class LocalTimeView {
  /** `YYYY-MM-DD` in the zone. */
  @Matches(DATE) date!: string;
  /** `HH:mm`. */
  @Matches(/^([01][0-9]|2[0-3]):[0-5][0-9]$/) time!: string;
  /** The zone's offset from UTC at that instant, `+07:00`. */
  @Matches(/^[+-][0-9]{2}:[0-9]{2}$/) offset!: string;
}

/** A free session slot. */
export class SlotView {
  @IsDateString() start!: string;
  @IsDateString() end!: string;
  /** The start on the mentor's clock, in their zone. */
  @ValidateNested() @Type(() => LocalTimeView) mentorLocal!: LocalTimeView;
  /** The start in Can Tho (Asia/Ho_Chi_Minh). */
  @ValidateNested() @Type(() => LocalTimeView) vietnamLocal!: LocalTimeView;
}

/** A mentor's free slots over Can Tho days `from`–`to`, earliest first. */
export class SlotListView {
  @IsMongoId() mentorId!: string;
  /** Only an active mentor has slots. */
  @IsIn(MENTOR_STATUSES) mentorStatus!: string;
  /** The mentor's IANA zone, which their weekly rules are read in. */
  @IsString() timezone!: string;
  @IsInt() sessionMinutes!: number;
  @Matches(DATE) from!: string;
  @Matches(DATE) to!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SlotView) items!: SlotView[];
}

const presentLocal = (local: LocalTime): LocalTimeView => ({ date: local.date, time: local.time, offset: local.offset });

export function presentSlot(slot: Slot): SlotView {
  return { start: slot.start.toISOString(), end: slot.end.toISOString(), mentorLocal: presentLocal(slot.mentorLocal), vietnamLocal: presentLocal(slot.vietnamLocal) };
}

export function presentSlots(list: SlotList): SlotListView {
  return {
    mentorId: list.mentor._id.toHexString(),
    mentorStatus: list.mentor.status,
    timezone: list.mentor.timezone,
    sessionMinutes: list.mentor.sessionMinutes,
    from: list.from,
    to: list.to,
    items: list.slots.map(presentSlot),
  };
}

/**
 * A mentor's free session slots (SPEC §5), pure: from the weekly rules read
 * as wall-clock times in the mentor's zone each day, minus blocked dates,
 * booked sessions widened by the mentor's buffer, the minimum notice, and
 * the months whose session cap is reached. Every instant is computed in the
 * mentor's zone with luxon, so a DST change moves the instant of a window,
 * never its local time: a Berlin mentor's 09:00 is 08:00 UTC in winter and
 * 07:00 UTC in summer; on the night clocks go back, a window spanning the
 * repeated hour holds one more real hour, and on the night they go forward
 * one fewer.
 *
 * Slots start at the window's opening and follow each other every
 * `sessionMinutes`; one that would overlap a booked session (with buffers)
 * is skipped and the next start is tried a quarter hour later, so a booked
 * session at 10:30 leaves 09:00 and 11:30 (buffer 0) rather than nothing.
 */
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../core/time/calendar-date.js';
import { hhmmOf, isoDateOf, offsetText, wallClock, type WallClock } from '../../core/time/wall-clock.js';
import { atLocalTime, minutesOfDay, type AvailabilityProfile } from '../mentors/availability.js';

const MINUTE_MS = 60_000;
/** After a collision, starts are tried on this grid. */
const RETRY_STEP_MS = 15 * MINUTE_MS;

export interface SlotRules extends AvailabilityProfile {
  bufferMinutes: number;
  maxSessionsPerMonth: number;
}

/** A booked session: its instants, as milliseconds since the epoch. */
export interface BusyInterval {
  start: number;
  end: number;
}

export interface LocalTime {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** `HH:mm` in the zone. */
  time: string;
  /** The zone's offset at that instant, `+07:00`. */
  offset: string;
}

export interface Slot {
  start: Date;
  end: Date;
  /** The start as the mentor reads it, in their zone. */
  mentorLocal: LocalTime;
  /** The start in Can Tho (Asia/Ho_Chi_Minh), where the programme runs. */
  vietnamLocal: LocalTime;
}

export interface SlotQuery {
  from: Date;
  to: Date;
  now: Date;
  /** Booked sessions of the mentor that may touch the range (any order). */
  busy: readonly BusyInterval[];
  /**
   * Sessions already booked in each month of the mentor's zone (`YYYY-MM`),
   * for the monthly cap; months not listed count the `busy` sessions that
   * start in them.
   */
  bookedPerMonth?: ReadonlyMap<string, number>;
}

export function localTime(instant: number, zone: string): LocalTime {
  const clock = wallClock(instant, zone);
  return { date: isoDateOf(clock), time: hhmmOf(clock), offset: offsetText(clock.offset) };
}

/** `YYYY-MM` of an instant in a zone: the month a monthly cap counts it in. */
export const monthOf = (instant: number, zone: string) => isoDateOf(wallClock(instant, zone)).slice(0, 7);

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Whether a session may start at `start` by the rules alone (its hours on
 * the mentor's clock, blocked days, the notice): inside a window of the
 * day, on the grid every start `freeSlots` offers lies on — the window's
 * opening plus whole sessions and quarter hours. Bookings of the time are
 * not its concern (the calendar's holds are); so every free slot passes,
 * and so does any other free time on that grid.
 */
export function isSlotStart(rules: SlotRules, start: number, now: number): boolean {
  if (start < now + rules.minNoticeHours * 3_600_000) return false;
  const zone = rules.timezone;
  const sessionMs = rules.sessionMinutes * MINUTE_MS;
  const gridMs = gcd(rules.sessionMinutes, RETRY_STEP_MS / MINUTE_MS) * MINUTE_MS;
  const day = DateTime.fromMillis(start, { zone }).startOf('day');
  if (rules.blockedDates.includes(day.toISODate()!)) return false;
  return rules.weekly.some((rule) => {
    if (rule.weekday !== day.weekday) return false;
    const opens = atLocalTime(day, rule.start);
    return start >= opens && start + sessionMs <= atLocalTime(day, rule.end) && (start - opens) % gridMs === 0 && onTheClock(rule, day, start, start + sessionMs);
  });
}

/**
 * On the wall clock, inside the rule on this day. Where clocks go forward, a
 * bound inside the skipped hour moves an hour later; this keeps a slot from
 * running past the rule there (it may drop a slot next to the gap, never add one).
 */
function onTheClock(rule: { start: string; end: string }, day: DateTime, from: number, to: number): boolean {
  const zone = day.zone.name;
  const [a, b] = [wallClock(from, zone), wallClock(to, zone)];
  const onDay = (clock: WallClock) => clock.day === day.day && clock.month === day.month && clock.year === day.year;
  const ruleEnd = minutesOfDay(rule.end);
  // A rule to 24:00 ends when the next day begins (01:00 where clocks change at midnight).
  const endOk = onDay(b) ? b.hour * 60 + b.minute <= ruleEnd : ruleEnd === 1440 && to <= atLocalTime(day, rule.end);
  return onDay(a) && a.hour * 60 + a.minute >= minutesOfDay(rule.start) && endOk;
}

/** Free slots starting in [from, to), earliest first. */
export function freeSlots(rules: SlotRules, query: SlotQuery): Slot[] {
  if (rules.weekly.length === 0 || query.to.getTime() <= query.from.getTime()) return [];
  const zone = rules.timezone;
  const sessionMs = rules.sessionMinutes * MINUTE_MS;
  const bufferMs = rules.bufferMinutes * MINUTE_MS;
  const earliest = Math.max(query.from.getTime(), query.now.getTime() + rules.minNoticeHours * 3_600_000);
  const latest = query.to.getTime();
  const blocked = new Set(rules.blockedDates);
  const busy = [...query.busy].sort((a, b) => a.start - b.start);
  const booked = new Map<string, number>();
  for (const session of busy) booked.set(monthOf(session.start, zone), (booked.get(monthOf(session.start, zone)) ?? 0) + 1);
  for (const [month, count] of query.bookedPerMonth ?? []) booked.set(month, count);
  const rulesByDay = [...rules.weekly].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));

  /** The end of the first booked session (widened by the buffers) that a slot at `start` would touch; 0 when none. */
  const collision = (start: number): number => {
    for (const session of busy) {
      if (session.start - bufferMs >= start + sessionMs) break;
      if (session.end + bufferMs > start) return session.end + bufferMs;
    }
    return 0;
  };

  const slots: Slot[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  const lastDay = DateTime.fromMillis(latest, { zone }).startOf('day');
  // startOf('day') again after each step: where clocks change at midnight, a day may begin at 01:00.
  for (let day = DateTime.fromMillis(earliest, { zone }).startOf('day'); day <= lastDay; day = day.plus({ days: 1 }).startOf('day')) {
    if (blocked.has(day.toISODate()!)) continue;
    if ((booked.get(day.toFormat('yyyy-MM')) ?? 0) >= rules.maxSessionsPerMonth) continue;
    for (const rule of rulesByDay) {
      if (rule.weekday !== day.weekday) continue;
      const opens = atLocalTime(day, rule.start);
      const closes = atLocalTime(day, rule.end);
      let start = Math.max(opens, lastEnd);
      while (start + sessionMs <= closes && start < latest) {
        if (start < earliest) {
          // Too soon: the first start on the window's own grid that is late enough.
          start = opens + Math.ceil((earliest - opens) / sessionMs) * sessionMs;
          continue;
        }
        const busyUntil = collision(start);
        if (busyUntil > 0) {
          start = opens + Math.ceil((busyUntil - opens) / RETRY_STEP_MS) * RETRY_STEP_MS;
          continue;
        }
        if (onTheClock(rule, day, start, start + sessionMs)) {
          slots.push({ start: new Date(start), end: new Date(start + sessionMs), mentorLocal: localTime(start, zone), vietnamLocal: localTime(start, VIETNAM_ZONE) });
          lastEnd = start + sessionMs;
        }
        start += sessionMs;
      }
    }
  }
  return slots;
}

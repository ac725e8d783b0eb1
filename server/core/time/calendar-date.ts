/**
 * Calendar dates (`YYYY-MM-DD`, no time, no zone) and "today" as Vietnam
 * sees it. Instants are stored in UTC; a calendar date only ever becomes an
 * instant through one of these functions, in an explicit zone.
 */
import type { ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';
import { defineValidator } from '../http/validation.js';

/** The programme's zone: "today" is Can Tho's date, whatever the server's TZ. */
export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Years 1900 to 2999: every date the programme deals in (registrations,
 * cohorts, certificates), and four-digit years through any arithmetic on
 * them — `Date.UTC` reads years 0–99 as 1900–1999, and years past 9999
 * would not print as `YYYY`.
 */
const SHAPE = /^(19|2\d)\d\d-\d{2}-\d{2}$/;

/** The luxon date (at midnight UTC, for arithmetic only) of a valid `YYYY-MM-DD`, else undefined. */
export function parseCalendarDate(value: unknown): DateTime | undefined {
  if (typeof value !== 'string' || !SHAPE.test(value)) return undefined;
  const date = DateTime.fromISO(value, { zone: 'utc' });
  return date.isValid && date.toISODate() === value ? date : undefined;
}

export function isCalendarDate(value: unknown): value is string {
  return parseCalendarDate(value) !== undefined;
}

/** Today's date in Vietnam at the instant `now`. */
export function todayInVietnam(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: VIETNAM_ZONE }).toISODate()!;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` (plain arithmetic: boards call this for every milestone). */
function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Validator: a real calendar date `YYYY-MM-DD` from 1900 to 2999 (no 2023-02-29, no 2024-13-01). */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  defineValidator(
    'isCalendarDate',
    isCalendarDate,
    (args) => `${args.property} must be a real date written YYYY-MM-DD, in the years 1900 to 2999`,
    options,
    { type: 'string', format: 'date', pattern: '^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$' },
  );

/**
 * A mentor's weekly availability rules (SPEC §3): `{ weekday, start, end }`
 * in the mentor's own zone, ISO weekdays (1 = Monday) and `HH:mm` times.
 * Pure functions, used by validation, by matching (the next free time) and
 * by slot computation (sessions/slots.ts).
 */
import { DateTime } from 'luxon';

export interface WeeklyRule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `HH:mm`, 00:00–23:59. */
  start: string;
  /** `HH:mm`, 00:01–24:00 (24:00 = the end of the day). */
  end: string;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const START_TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';
export const END_TIME_PATTERN = '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$';
const START_TIME = new RegExp(START_TIME_PATTERN);
const END_TIME = new RegExp(END_TIME_PATTERN);

export const isStartTime = (value: unknown): value is string => typeof value === 'string' && START_TIME.test(value);
export const isEndTime = (value: unknown): value is string => typeof value === 'string' && END_TIME.test(value);

/** Minutes since midnight of an `HH:mm` time (24:00 → 1440). */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** True when the rule is well formed: an ISO weekday, valid times, start strictly before end. */
export function isWellFormedRule(rule: Partial<WeeklyRule>): rule is WeeklyRule {
  return (
    Number.isInteger(rule.weekday) &&
    rule.weekday! >= 1 &&
    rule.weekday! <= 7 &&
    isStartTime(rule.start) &&
    isEndTime(rule.end) &&
    minutesOfDay(rule.start) < minutesOfDay(rule.end)
  );
}

/**
 * Pairs of indexes `[earlier, later]` of rules that overlap on the same
 * weekday. Touching rules (one ends at 12:00, the next starts at 12:00) do
 * not overlap. Malformed rules are skipped: their own checks report them.
 */
export function overlappingRules(rules: ReadonlyArray<Partial<WeeklyRule>>): Array<[number, number]> {
  const wellFormed = rules
    .map((rule, index) => ({ rule, index }))
    .filter((entry): entry is { rule: WeeklyRule; index: number } => isWellFormedRule(entry.rule))
    .sort((a, b) => a.rule.weekday - b.rule.weekday || minutesOfDay(a.rule.start) - minutesOfDay(b.rule.start));

  const pairs: Array<[number, number]> = [];
  // Sorted by day then start, a rule overlaps an earlier one of its day exactly when it starts before that one ends.
  for (let i = 0; i < wellFormed.length; i++) {
    for (let j = i + 1; j < wellFormed.length; j++) {
      const a = wellFormed[i]!;
      const b = wellFormed[j]!;
      if (b.rule.weekday !== a.rule.weekday || minutesOfDay(b.rule.start) >= minutesOfDay(a.rule.end)) break;
      pairs.push([Math.min(a.index, b.index), Math.max(a.index, b.index)]);
    }
  }
  return pairs;
}

/** What decides when a mentor is next free: their rules, zone and session settings. */
export interface AvailabilityProfile {
  weekly: readonly WeeklyRule[];
  /** `YYYY-MM-DD` dates in the mentor's zone. */
  blockedDates: readonly string[];
  /** IANA zone the rules are read in. */
  timezone: string;
  sessionMinutes: number;
  minNoticeHours: number;
}

/** What a stored mentor profile holds of its availability (the fields `availabilityOf` reads). */
export interface StoredAvailability {
  availability?: { weekly?: readonly WeeklyRule[] | null; blockedDates?: readonly string[] | null } | null;
  timezone: string;
  sessionMinutes: number;
  minNoticeHours: number;
}

/** The availability profile of a stored mentor: what the next free time and the slots are computed from. */
export function availabilityOf(mentor: StoredAvailability): AvailabilityProfile {
  return {
    weekly: mentor.availability?.weekly ?? [],
    blockedDates: mentor.availability?.blockedDates ?? [],
    timezone: mentor.timezone,
    sessionMinutes: mentor.sessionMinutes,
    minNoticeHours: mentor.minNoticeHours,
  };
}

/** Session starts fall on the quarter hour. */
const SLOT_GRID_MS = 15 * 60_000;

/**
 * The start of the first session-long stretch inside a weekly window, on a
 * day not blocked, no earlier than `now` plus the mentor's notice and
 * before `now` plus `horizonDays`; undefined when there is none. Windows
 * are read as wall-clock times in the mentor's zone each day, so a DST
 * change moves the instant, not the local time. Booked sessions are not
 * subtracted here yet: no sessions exist before the sessions module.
 */
export function firstFreeStart(profile: AvailabilityProfile, now: Date, horizonDays: number): Date | undefined {
  if (profile.weekly.length === 0) return undefined;
  const earliest = Math.ceil((now.getTime() + profile.minNoticeHours * 3_600_000) / SLOT_GRID_MS) * SLOT_GRID_MS;
  const horizon = now.getTime() + horizonDays * 86_400_000;
  const sessionMs = profile.sessionMinutes * 60_000;
  const blocked = new Set(profile.blockedDates);
  const rules = [...profile.weekly].sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
  for (let day = DateTime.fromMillis(earliest, { zone: profile.timezone }).startOf('day'); day.toMillis() < horizon; day = day.plus({ days: 1 }).startOf('day')) {
    if (blocked.has(day.toISODate()!)) continue;
    for (const rule of rules) {
      if (rule.weekday !== day.weekday) continue;
      const opens = atLocalTime(day, rule.start);
      const closes = atLocalTime(day, rule.end);
      const start = Math.ceil(Math.max(opens, earliest) / SLOT_GRID_MS) * SLOT_GRID_MS;
      if (start + sessionMs <= closes && start < horizon) return new Date(start);
    }
  }
  return undefined;
}

/** The instant of an `HH:mm` wall-clock time (24:00 = the next midnight) on `day` in its zone. */
export function atLocalTime(day: DateTime, time: string): number {
  const minutes = minutesOfDay(time);
  if (minutes === 1440) return day.plus({ days: 1 }).toMillis();
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

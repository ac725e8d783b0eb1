/**
 * A report's period in Can Tho calendar dates, and how a target and a
 * status are read over it:
 * - a period's target is the sum of its years' targets, each pro rata to
 *   the share of the year's days inside the period (a whole year: its
 *   target); no target when any of its years has none;
 * - the share elapsed counts days from the period's first through today
 *   (Vietnam's date) inclusive, 0 before it starts, 1 once it has ended;
 * - status: `met` when actual ≥ target; otherwise `behind` once the period
 *   has ended; while it runs, `on_track` when actual ≥ the target times the
 *   share elapsed, rounded to a whole count (half up), else `behind`.
 */
import { DateTime } from 'luxon';
import { RuleViolated, type FieldError } from '../../core/errors.js';
import { daysBetween, VIETNAM_ZONE } from '../../core/time/calendar-date.js';
import type { KpiStatus } from './kpi-definitions.js';

export interface Period {
  from: string;
  to: string;
  /** The year asked for, or null for `from`/`to`. */
  year: number | null;
}

/** The longest period one report covers. */
export const MAX_PERIOD_YEARS = 10;

/**
 * The period of `?year=` or `?from=&to=`. Each parameter alone is checked by
 * the query DTO (400); how they combine is a rule (422 naming the field):
 * neither or both forms, `to` before `from`, more than 10 years.
 */
export function periodOf(query: { year?: number; from?: string; to?: string }): Period {
  const errors: FieldError[] = [];
  const ranged = query.from !== undefined || query.to !== undefined;
  if (query.year !== undefined && ranged) {
    errors.push({ field: 'year', code: 'conflicting', message: 'Give either year, or from and to, not both.' });
  } else if (query.year === undefined && !ranged) {
    errors.push({ field: 'year', code: 'required', message: 'Give a year, or from and to.' });
  } else if (ranged) {
    if (query.from === undefined) errors.push({ field: 'from', code: 'required', message: 'from is needed with to.' });
    if (query.to === undefined) errors.push({ field: 'to', code: 'required', message: 'to is needed with from.' });
    if (query.from && query.to && query.to < query.from) errors.push({ field: 'to', code: 'before_from', message: 'to must not be before from.' });
    if (query.from && query.to && daysBetween(query.from, query.to) > MAX_PERIOD_YEARS * 366) {
      errors.push({ field: 'to', code: 'too_long', message: `A report covers at most ${MAX_PERIOD_YEARS} years.` });
    }
  }
  if (errors.length > 0) throw new RuleViolated('rule_violated', 'Give a year, or from and to: ' + errors.map((e) => e.message).join(' '), errors);
  if (query.year !== undefined) return { from: `${query.year}-01-01`, to: `${query.year}-12-31`, year: query.year };
  return { from: query.from!, to: query.to!, year: null };
}

/** Days of [from, to], both included. */
const daysOf = (from: string, to: string) => daysBetween(from, to) + 1;

/** The years the period touches, with the share of each year's days inside it. */
export function yearShares(period: Period): Array<{ year: number; share: number }> {
  const shares: Array<{ year: number; share: number }> = [];
  for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) {
    const first = `${year}-01-01` > period.from ? `${year}-01-01` : period.from;
    const last = `${year}-12-31` < period.to ? `${year}-12-31` : period.to;
    shares.push({ year, share: daysOf(first, last) / daysOf(`${year}-01-01`, `${year}-12-31`) });
  }
  return shares;
}

/** The share of the period elapsed by the end of `today`. */
export function elapsedShare(period: Period, today: string): number {
  if (today < period.from) return 0;
  if (today >= period.to) return 1;
  return daysOf(period.from, today) / daysOf(period.from, period.to);
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The period's target from per-year targets (`undefined` for a year without one). */
export function periodTarget(period: Period, targetOf: (year: number) => number | undefined): number | null {
  let total = 0;
  for (const { year, share } of yearShares(period)) {
    const target = targetOf(year);
    if (target === undefined) return null;
    total += target * share;
  }
  return round2(total);
}

/** What the target asks for by today (whole counts, half up); null without a target. */
export function expectedByNow(target: number | null, elapsed: number): number | null {
  if (target === null) return null;
  return elapsed >= 1 ? target : Math.round(target * elapsed);
}

export function statusOf(actual: number, target: number | null, elapsed: number): KpiStatus {
  if (target === null) return 'no_target';
  if (actual >= target) return 'met';
  if (elapsed >= 1) return 'behind';
  return actual >= expectedByNow(target, elapsed)! ? 'on_track' : 'behind';
}

/** The instants bounding the period: its first day's start and the day after its last, in Can Tho. */
export function periodInstants(period: Period): { start: Date; end: Date } {
  const start = DateTime.fromISO(period.from, { zone: VIETNAM_ZONE }).startOf('day');
  const end = DateTime.fromISO(period.to, { zone: VIETNAM_ZONE }).plus({ days: 1 }).startOf('day');
  return { start: start.toJSDate(), end: end.toJSDate() };
}

/**
 * Can Tho's calendar date of an instant. Asia/Ho_Chi_Minh has been UTC+7
 * without daylight saving since 1975, so this is plain arithmetic (a
 * yearly report turns tens of thousands of instants into dates).
 */
export function vietnamDateOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

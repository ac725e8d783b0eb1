/**
 * A cohort's progress over time, derived from its milestones (the API has no
 * history endpoint): for each week since the cohort started, how many
 * milestones were done by then (each milestone's state at that instant,
 * from its transition history) and how many were due by then.
 */
import type { Milestone, MilestoneState } from './types.ts';

export interface ProgressSeries {
  /** The end of each week, in seconds since the epoch (uPlot's x). */
  x: number[];
  /** The same weeks as YYYY-MM-DD (the last day of the week), for the table. */
  days: string[];
  done: number[];
  due: number[];
  /** Milestones that count (all but the waived ones, now). */
  expected: number;
}

const DAY_MS = 86_400_000;
/** Midnight in Vietnam (UTC+7, no daylight saving) at the start of a calendar date. */
function vietnamMidnight(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - 7 * 3_600_000;
}

function isoDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

function stateAt(milestone: Milestone, instant: number): MilestoneState {
  let state: MilestoneState = 'planned';
  for (const move of milestone.history) {
    if (Date.parse(move.at) > instant) break;
    state = move.to;
  }
  return state;
}

/** Weekly points from `startsOn` through `today` (at most to `endsOn`, at least one week). */
export function progressSeries(milestones: readonly Milestone[], startsOn: string, endsOn: string, today: string): ProgressSeries {
  const start = vietnamMidnight(startsOn);
  const last = vietnamMidnight(today < endsOn ? today : endsOn) + DAY_MS;
  const counted = milestones.filter((m) => m.state !== 'waived');
  const series: ProgressSeries = { x: [], days: [], done: [], due: [], expected: counted.length };
  for (let end = start + 7 * DAY_MS; ; end += 7 * DAY_MS) {
    const at = Math.min(end, last);
    series.x.push(Math.floor(at / 1000));
    series.days.push(isoDay(at - 1));
    series.done.push(counted.filter((m) => stateAt(m, at) === 'done').length);
    series.due.push(counted.filter((m) => vietnamMidnight(m.dueOn) < at).length);
    if (at >= last) break;
  }
  return series;
}

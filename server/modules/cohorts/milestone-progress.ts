/**
 * Progress of a set of milestones, for the cohort board: counts by state,
 * percent done, what is overdue, what is due next. Pure.
 */
import { daysBetween } from '../../core/time/calendar-date.js';
import type { MilestoneState } from './milestone.model.js';
import { isOpen } from './milestones.policy.js';

export type MilestoneCounts = Record<MilestoneState, number> & { total: number };

export interface ProgressInput {
  _id: { toHexString(): string };
  title: string;
  dueOn: string;
  state: string;
}

export interface OverdueItem {
  id: string;
  title: string;
  dueOn: string;
  daysOverdue: number;
}

export function countByState(milestones: readonly ProgressInput[]): MilestoneCounts {
  const counts: MilestoneCounts = { planned: 0, in_progress: 0, done: 0, blocked: 0, waived: 0, total: 0 };
  for (const m of milestones) counts[m.state as MilestoneState] += 1;
  counts.total = milestones.length;
  return counts;
}

/**
 * done / (total − waived) as a whole percent, rounded down so 100 means
 * truly finished; 100 when everything was waived (nothing left to do).
 */
export function progressPercent(counts: MilestoneCounts): number {
  const expected = counts.total - counts.waived;
  return expected === 0 ? 100 : Math.floor((100 * counts.done) / expected);
}

/** Past due (dueOn before today) and not done or waived, most overdue first. */
export function overdueItems(milestones: readonly ProgressInput[], today: string): OverdueItem[] {
  return milestones
    .filter((m) => isOpen(m.state) && m.dueOn < today)
    .map((m) => ({ id: m._id.toHexString(), title: m.title, dueOn: m.dueOn, daysOverdue: daysBetween(m.dueOn, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id));
}

/** The earliest due date among open milestones, or null when none is open. */
export function nextDueOn(milestones: readonly ProgressInput[]): string | null {
  const open = milestones.filter((m) => isOpen(m.state)).map((m) => m.dueOn);
  return open.length === 0 ? null : open.reduce((a, b) => (b < a ? b : a));
}

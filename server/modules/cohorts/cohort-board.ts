/**
 * The cohort board (SPEC §6), computed in application code from three
 * bounded, indexed reads (admissions, startups, milestones of one cohort):
 * FerretDB has no $lookup, and the sizes are a cohort's, not the city's.
 */
import { countByState, nextDueOn, overdueItems, progressPercent, type ProgressInput } from '../milestones/milestone-progress.js';
import type { AdmissionStatus } from './admission.model.js';
import type { BoardAdmissionCountsView, BoardAdmissionView, CohortBoardView } from './cohort-board.view.js';
import { presentCohortSummary } from './cohorts.presenter.js';

export interface BoardInput {
  cohort: { _id: { toHexString(): string }; name: string; programme: string; year: number; startsOn: string; endsOn: string };
  admissions: ReadonlyArray<{ _id: { toHexString(): string }; startupId: { toHexString(): string }; status: AdmissionStatus }>;
  startupNames: ReadonlyMap<string, string>;
  milestones: ReadonlyArray<ProgressInput & { admissionId: { toHexString(): string } }>;
  today: string;
}

/** Active first, then graduated, withdrawn, aged out. */
const STATUS_RANK: Record<AdmissionStatus, number> = { active: 0, graduated: 1, withdrawn: 2, aged_out: 3 };

function groupByAdmission(milestones: BoardInput['milestones']): Map<string, ProgressInput[]> {
  const groups = new Map<string, ProgressInput[]>();
  for (const m of milestones) {
    const key = m.admissionId.toHexString();
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  return groups;
}

function admissionCounts(admissions: BoardInput['admissions']): BoardAdmissionCountsView {
  const counts: BoardAdmissionCountsView = { active: 0, withdrawn: 0, graduated: 0, aged_out: 0, total: 0 };
  for (const a of admissions) counts[a.status] += 1;
  counts.total = admissions.length;
  return counts;
}

export function buildBoard(input: BoardInput): CohortBoardView {
  const byAdmission = groupByAdmission(input.milestones);
  const rows: BoardAdmissionView[] = input.admissions.map((admission) => {
    const milestones = byAdmission.get(admission._id.toHexString()) ?? [];
    const counts = countByState(milestones);
    // Only an active admission's milestones can still move, so only they can be late or due.
    const active = admission.status === 'active';
    const startupId = admission.startupId.toHexString();
    return {
      admissionId: admission._id.toHexString(),
      startup: { id: startupId, name: input.startupNames.get(startupId) ?? '' },
      status: admission.status,
      progress: progressPercent(counts),
      counts,
      overdue: active ? overdueItems(milestones, input.today) : [],
      nextDueOn: active ? nextDueOn(milestones) : null,
      mentors: [],
    };
  });
  rows.sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      a.startup.name.localeCompare(b.startup.name, 'vi') ||
      a.admissionId.localeCompare(b.admissionId),
  );

  const activeIds = new Set(input.admissions.filter((a) => a.status === 'active').map((a) => a._id.toHexString()));
  const activeMilestones = input.milestones.filter((m) => activeIds.has(m.admissionId.toHexString()));
  const activeCounts = countByState(activeMilestones);
  return {
    cohort: presentCohortSummary(input.cohort),
    today: input.today,
    totals: {
      admissions: admissionCounts(input.admissions),
      milestones: activeCounts,
      overdue: rows.reduce((sum, row) => sum + row.overdue.length, 0),
      progress: activeIds.size === 0 ? null : progressPercent(activeCounts),
    },
    admissions: rows,
  };
}

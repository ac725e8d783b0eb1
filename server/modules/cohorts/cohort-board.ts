/**
 * The cohort board (SPEC §6), computed from the cohort and one read of its
 * admissions (each with its startup's name and its milestones). Pure.
 */
import { countByState, nextDueOn, overdueItems, progressPercent } from './milestone-progress.js';
import type { AdmissionStatus } from './admission.model.js';
import type { BoardRow } from './admissions.repository.js';
import type { BoardAdmissionCountsView, BoardAdmissionView, CohortBoardView } from './cohort-board.view.js';
import { presentCohortSummary } from './cohorts.presenter.js';

export interface BoardInput {
  cohort: { _id: { toHexString(): string }; name: string; programme: string; year: number; startsOn: string; endsOn: string };
  rows: readonly BoardRow[];
  today: string;
}

/** Active first, then graduated, withdrawn, aged out. */
const STATUS_RANK: Record<AdmissionStatus, number> = { active: 0, graduated: 1, withdrawn: 2, aged_out: 3 };

function admissionCounts(admissions: BoardInput['rows']): BoardAdmissionCountsView {
  const counts: BoardAdmissionCountsView = { active: 0, withdrawn: 0, graduated: 0, aged_out: 0, total: 0 };
  for (const a of admissions) counts[a.status] += 1;
  counts.total = admissions.length;
  return counts;
}

export function buildBoard(input: BoardInput): Omit<CohortBoardView, 'seq'> {
  const rows: BoardAdmissionView[] = input.rows.map((admission) => {
    const milestones = admission.milestones;
    const counts = countByState(milestones);
    // Only an active admission's milestones can still move, so only they can be late or due.
    const active = admission.status === 'active';
    return {
      admissionId: admission._id.toHexString(),
      startup: { id: admission.startupId.toHexString(), name: admission.startupName ?? '' },
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

  const activeMilestones = input.rows.filter((a) => a.status === 'active').flatMap((a) => a.milestones);
  const activeCounts = countByState(activeMilestones);
  const anyActive = input.rows.some((a) => a.status === 'active');
  return {
    cohort: presentCohortSummary(input.cohort),
    today: input.today,
    totals: {
      admissions: admissionCounts(input.rows),
      milestones: activeCounts,
      overdue: rows.reduce((sum, row) => sum + row.overdue.length, 0),
      progress: anyActive ? progressPercent(activeCounts) : null,
    },
    admissions: rows,
  };
}

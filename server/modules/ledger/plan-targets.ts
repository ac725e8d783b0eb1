/**
 * The KPIs of plan 135/KH-UBND that Runway reports on, and the plan's
 * targets for 2021–2025 (SPEC §8), which seed the `report_targets`
 * collection once (migration 2026-12-03-plan-targets); admins edit them
 * from then on. Targets are per year: the plan's period targets are split
 * into years so that any period's target is the sum of its years
 * (pro rata for part of a year):
 * - at least 50 ideas/projects over 2021–2025 → 10 a year;
 * - 14 S&T organisations or enterprises → 3, 3, 3, 3, 2;
 * - at least 3 showcase points, set up over 2022–2025 → 1 in 2022, 2023, 2024;
 * - events, trainings and fundraising practice are yearly in the plan;
 * - the themed competition is yearly ("theo chủ đề mỗi năm"); the student
 *   contest runs through 2021–2025 without a count: one a year is assumed.
 */

export const KPI_CODES = [
  'ideas_supported',
  'st_enterprises',
  'local_connection_events',
  'regional_events',
  'awareness_classes',
  'ecosystem_trainings',
  'founder_courses',
  'fundraising_programmes',
  'showcase_points',
  'student_contests',
  'themed_competitions',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

export const PLAN_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** Each KPI's target for 2021, 2022, 2023, 2024, 2025. */
export const PLAN_TARGETS: Record<KpiCode, readonly [number, number, number, number, number]> = {
  ideas_supported: [10, 10, 10, 10, 10],
  st_enterprises: [3, 3, 3, 3, 2],
  local_connection_events: [3, 3, 3, 3, 3],
  regional_events: [1, 1, 1, 1, 1],
  awareness_classes: [2, 2, 2, 2, 2],
  ecosystem_trainings: [1, 1, 1, 1, 1],
  founder_courses: [2, 2, 2, 2, 2],
  fundraising_programmes: [1, 1, 1, 1, 1],
  showcase_points: [0, 1, 1, 1, 0],
  student_contests: [1, 1, 1, 1, 1],
  themed_competitions: [1, 1, 1, 1, 1],
};

/** The seed as rows. */
export const planTargetRows = (): Array<{ year: number; kpi: KpiCode; value: number }> =>
  KPI_CODES.flatMap((kpi) => PLAN_YEARS.map((year, i) => ({ year, kpi, value: PLAN_TARGETS[kpi][i]! })));

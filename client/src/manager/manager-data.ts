/** Reads shared by the manager screens: the cohorts a user works on and which is "current". */
import { fetchAll } from '../app/api.ts';
import type { User } from '../app/auth.tsx';
import { dayInZone } from '../app/format.ts';
import type { Cohort } from './types.ts';

/** The cohorts this user works on: a manager's own, every cohort for an admin; newest start first. */
export async function managedCohorts(user: User): Promise<Cohort[]> {
  const all = await fetchAll<Cohort>('/api/v1/cohorts');
  const mine = user.role === 'admin' ? all : all.filter((c) => c.managerIds.includes(user.id));
  return mine.sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.name.localeCompare(b.name, 'vi'));
}

/** Whether a cohort runs on `today` (YYYY-MM-DD in Vietnam). */
export function isRunning(cohort: Pick<Cohort, 'startsOn' | 'endsOn'>, today: string): boolean {
  return cohort.startsOn <= today && today <= cohort.endsOn;
}

/**
 * The cohort a manager most likely means: the one running today in Vietnam
 * (the longest-running, if several), else the one that started most recently.
 */
export function currentCohort(cohorts: readonly Cohort[], today = dayInZone(new Date())): Cohort | undefined {
  const running = cohorts.filter((c) => isRunning(c, today)).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (running[0]) return running[0];
  const started = cohorts.filter((c) => c.startsOn <= today).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return started[0] ?? cohorts[0];
}

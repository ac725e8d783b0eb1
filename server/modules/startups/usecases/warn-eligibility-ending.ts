import { addDays, daysBetween, todayInVietnam } from '../../../core/time/calendar-date.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { eligibilityNoticesRepository, type NoticeKind } from '../eligibility-notices.repository.js';
import { startupsRepository } from '../startups.repository.js';

/** Warnings go out this many days before eligibleUntil (SPEC §2). */
export const WARNING_DAYS = [90, 30, 7] as const;

/**
 * The warning half of the daily eligibility sweep. For every company whose
 * eligibility ends within 90 days, the tightest warning it has reached (90,
 * 30 or 7 days) goes out once; a warning crossed while the sweep was not
 * running is not sent late once a tighter one applies. `activeCohorts`
 * (startup id → its active cohorts) says whose managers to tell. Safe to
 * run any number of times, concurrently too: the unique notice key decides.
 */
export async function warnEligibilityEnding(
  activeCohorts: ReadonlyMap<string, string[]>,
  deps: UseCaseDeps,
): Promise<Array<{ startupId: string; daysBefore: number }>> {
  const today = todayInVietnam(deps.now());
  const warned: Array<{ startupId: string; daysBefore: number }> = [];
  for (const startup of await startupsRepository.findEndingBetween(today, addDays(today, Math.max(...WARNING_DAYS)))) {
    const startupId = startup._id.toHexString();
    const eligibleUntil = startup.eligibleUntil!;
    const daysBefore = Math.min(...WARNING_DAYS.filter((d) => daysBetween(today, eligibleUntil) <= d));
    const cohortIds = activeCohorts.get(startupId) ?? [];
    const kind = `warned_${daysBefore}` as NoticeKind;
    if (await eligibilityNoticesRepository.claim({ startupId, eligibleUntil, kind, sentOn: today, cohortIds })) {
      await deps.bus.emit('eligibility.warned', { startupId, eligibleUntil, daysBefore, cohortIds });
      warned.push({ startupId, daysBefore });
    }
  }
  return warned;
}

import type { EventBus } from '../../../core/events/event-bus.js';
import { addDays, daysBetween, todayInVietnam } from '../../../core/time/calendar-date.js';
import { ageOutStartup } from '../../cohorts/usecases/age-out-startup.js';
import { activeCohortIdsByStartup } from '../../cohorts/usecases/list-active-admissions.js';
import { eligibilityNoticesRepository, type NoticeKind } from '../eligibility-notices.repository.js';
import { startupsRepository } from '../startups.repository.js';

/** Warnings go out this many days before eligibleUntil (SPEC §2). */
export const WARNING_DAYS = [90, 30, 7] as const;

export interface SweepResult {
  today: string;
  warned: Array<{ startupId: string; daysBefore: number }>;
  expired: Array<{ startupId: string; cohortIds: string[] }>;
}

/**
 * The daily eligibility sweep. For every company whose eligibility ends
 * within 90 days, the tightest warning it has reached (90, 30 or 7 days)
 * goes out once; a warning crossed while the sweep was not running is not
 * sent late once a tighter one applies. From the day after eligibleUntil,
 * the startup leaves its active cohorts as `aged_out` (admissions and their
 * history are kept) and managers are told once. Safe to run any number of
 * times, concurrently too: unique notice keys decide who sends.
 */
export async function sweepEligibility(deps: { bus: EventBus; now(): Date }): Promise<SweepResult> {
  const today = todayInVietnam(deps.now());
  const result: SweepResult = { today, warned: [], expired: [] };
  const activeCohorts = await activeCohortIdsByStartup();

  for (const startup of await startupsRepository.findEndingBetween(today, addDays(today, Math.max(...WARNING_DAYS)))) {
    const startupId = startup._id.toHexString();
    const daysLeft = daysBetween(today, startup.eligibleUntil!);
    const daysBefore = Math.min(...WARNING_DAYS.filter((d) => daysLeft <= d));
    const cohortIds = activeCohorts.get(startupId) ?? [];
    const kind = `warned_${daysBefore}` as NoticeKind;
    if (await eligibilityNoticesRepository.claim({ startupId, eligibleUntil: startup.eligibleUntil!, kind, sentOn: today, cohortIds })) {
      await deps.bus.emit('eligibility.warned', {
        startupId,
        eligibleUntil: startup.eligibleUntil!,
        daysBefore,
        cohortIds,
        occurredAt: deps.now().toISOString(),
      });
      result.warned.push({ startupId, daysBefore });
    }
  }

  // Only startups still active in a cohort can age out: bounded by the active admissions.
  for (const startup of await startupsRepository.findByIds([...activeCohorts.keys()])) {
    if (startup.kind !== 'company' || !startup.eligibleUntil || startup.eligibleUntil >= today) continue;
    const startupId = startup._id.toHexString();
    // Notice first, move second: if the process dies in between, the durable notice exists and
    // the next run still completes the move (idempotent); only the live event could be missed.
    const claimed = await eligibilityNoticesRepository.claim({
      startupId,
      eligibleUntil: startup.eligibleUntil,
      kind: 'expired',
      sentOn: today,
      cohortIds: activeCohorts.get(startupId) ?? [],
    });
    const cohortIds = await ageOutStartup(startupId, startup.eligibleUntil, deps);
    if (cohortIds.length === 0) continue;
    if (claimed) {
      await deps.bus.emit('eligibility.expired', { startupId, eligibleUntil: startup.eligibleUntil, cohortIds, occurredAt: deps.now().toISOString() });
    }
    result.expired.push({ startupId, cohortIds });
  }
  return result;
}

import { todayInVietnam } from '../../../core/time/calendar-date.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { eligibilityNoticesRepository } from '../eligibility-notices.repository.js';
import { startupsRepository } from '../startups.repository.js';

export interface EndedEligibility {
  startupId: string;
  eligibleUntil: string;
}

/** Of these startups (those still active in a cohort), the companies whose eligibility ended before today in Vietnam. */
export async function findEndedEligibilities(startupIds: readonly string[], deps: Pick<UseCaseDeps, 'now'>): Promise<EndedEligibility[]> {
  const startups = await startupsRepository.findExpiredAmong(startupIds, todayInVietnam(deps.now()));
  return startups.map((s) => ({ startupId: s._id.toHexString(), eligibleUntil: s.eligibleUntil! }));
}

/**
 * The expiry half of the daily sweep, for one startup: records the
 * `expired` notice, then lets the startup leave its cohorts (`leaveCohorts`,
 * the cohorts module's step, returns the cohorts it left), then tells
 * managers once. Notice first, move second: if the process dies between the
 * two, the notice exists and the next run completes the move; only the live
 * event of that run could be missed. Returns the cohorts left.
 */
export async function expireEligibility(
  ended: EndedEligibility,
  activeCohortIds: string[],
  leaveCohorts: () => Promise<string[]>,
  deps: UseCaseDeps,
): Promise<string[]> {
  const claimed = await eligibilityNoticesRepository.claim({
    ...ended,
    kind: 'expired',
    sentOn: todayInVietnam(deps.now()),
    cohortIds: activeCohortIds,
  });
  const cohortIds = await leaveCohorts();
  if (claimed && cohortIds.length > 0) await deps.bus.emit('eligibility.expired', { ...ended, cohortIds });
  return cohortIds;
}

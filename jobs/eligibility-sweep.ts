/**
 * Every day at 00:05 in Can Tho: eligibility warnings (90/30/7 days) and the
 * `aged_out` move the day after eligibility ends. The job runs each module's
 * step in turn (startups know eligibility, cohorts know admissions); each
 * step is idempotent through unique notice keys and guarded moves.
 */
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { defineJob } from '../server/core/jobs/job-definition.js';
import { todayInVietnam, VIETNAM_ZONE } from '../server/core/time/calendar-date.js';
import type { UseCaseDeps } from '../server/core/use-case-deps.js';
import { ageOutStartup } from '../server/modules/cohorts/usecases/age-out-startup.js';
import { activeCohortIdsByStartup } from '../server/modules/cohorts/usecases/list-active-admissions.js';
import { expireEligibility, findEndedEligibilities } from '../server/modules/startups/usecases/expire-eligibility.js';
import { warnEligibilityEnding } from '../server/modules/startups/usecases/warn-eligibility-ending.js';

/** The sweep works out "today" in Vietnam itself; a manual run may say who or what started it. */
export class EligibilitySweepPayload {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  trigger?: string;
}

export interface SweepResult {
  today: string;
  warned: Array<{ startupId: string; daysBefore: number }>;
  expired: Array<{ startupId: string; cohortIds: string[] }>;
}

/** One run of the sweep; safe to repeat, concurrently too. */
export async function sweepEligibility(deps: UseCaseDeps): Promise<SweepResult> {
  const activeCohorts = await activeCohortIdsByStartup();
  const warned = await warnEligibilityEnding(activeCohorts, deps);
  const expired: SweepResult['expired'] = [];
  // Only startups still active in a cohort can age out: bounded by the active admissions.
  for (const ended of await findEndedEligibilities([...activeCohorts.keys()], deps)) {
    const leave = () => ageOutStartup(ended.startupId, ended.eligibleUntil, deps);
    const cohortIds = await expireEligibility(ended, activeCohorts.get(ended.startupId) ?? [], leave, deps);
    if (cohortIds.length > 0) expired.push({ startupId: ended.startupId, cohortIds });
  }
  return { today: todayInVietnam(deps.now()), warned, expired };
}

export const eligibilitySweepJob = defineJob({
  name: 'eligibility.sweep',
  payload: EligibilitySweepPayload,
  schedule: { cron: '5 0 * * *', timezone: VIETNAM_ZONE, payload: { trigger: 'daily schedule' } },
  handler: async (payload, deps) => {
    const result = await sweepEligibility(deps);
    deps.logger.info(
      { job: 'eligibility.sweep', trigger: payload.trigger ?? 'manual', today: result.today, warned: result.warned.length, expired: result.expired.length },
      'eligibility sweep done',
    );
  },
});

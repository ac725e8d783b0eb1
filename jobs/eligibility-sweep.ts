/**
 * Every day at 00:05 in Can Tho: eligibility warnings (90/30/7 days) and the
 * `aged_out` move the day after eligibility ends. Idempotent through the
 * unique notice keys; see sweepEligibility.
 */
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { defineJob } from '../server/core/jobs/job-definition.js';
import { VIETNAM_ZONE } from '../server/core/time/calendar-date.js';
import { sweepEligibility } from '../server/modules/startups/usecases/sweep-eligibility.js';

/** The sweep works out "today" in Vietnam itself; a manual run may say who or what started it. */
export class EligibilitySweepPayload {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  trigger?: string;
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

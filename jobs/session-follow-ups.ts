/**
 * Once per poll interval: every session follow-up that is due — reminders
 * 24 h and 1 h before, the feedback request at the end, the no-show check a
 * day after (server/modules/sessions/follow-ups.ts). One recurring job, not
 * one per session: Agenda lets one worker at a time run it; a worker killed
 * mid-sweep leaves it to another once its lock (a minute) expires, and that
 * sweep redoes what was not marked done — keyed notices tell once.
 */
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { defineJob } from '../server/core/jobs/job-definition.js';
import { sweepFollowUps } from '../server/modules/sessions/usecases/session-follow-ups.js';

export const SESSION_FOLLOW_UPS_JOB = 'sessions.followUps';
/** A sweep stops starting rounds after this long, well inside its lock. */
const SWEEP_BUDGET_MS = 20_000;

export class SessionFollowUpsPayload {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  trigger?: string;
}

export const sessionFollowUpsJob = defineJob({
  name: SESSION_FOLLOW_UPS_JOB,
  payload: SessionFollowUpsPayload,
  schedule: { every: 'poll', payload: { trigger: 'schedule' } },
  lockLifetimeMs: 3 * SWEEP_BUDGET_MS,
  handler: async (_payload, deps) => {
    const run = await sweepFollowUps(deps, {
      budgetMs: SWEEP_BUDGET_MS,
      onError: (sessionId, error) => deps.logger.warn({ err: error, sessionId }, 'a session follow-up failed; the next sweep tries again'),
    });
    if (run.sessions > 0) deps.logger.debug(run, 'session follow-ups done');
  },
});

/**
 * Every minute: the emails of new notifications (notifications module,
 * send-emails.ts). Safe with several workers: each email is claimed by one
 * run at a time, and the claim lapses with that run's job lock.
 */
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { defineJob } from '../server/core/jobs/job-definition.js';
import { VIETNAM_ZONE } from '../server/core/time/calendar-date.js';
import { sendPendingEmails } from '../server/modules/notifications/usecases/send-emails.js';

export const SEND_EMAILS_JOB = 'notifications.sendEmails';

export class SendEmailsPayload {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  trigger?: string;
}

export const sendEmailsJob = defineJob({
  name: SEND_EMAILS_JOB,
  payload: SendEmailsPayload,
  schedule: { cron: '* * * * *', timezone: VIETNAM_ZONE, payload: { trigger: 'schedule' } },
  handler: async (_payload, deps) => {
    const run = await sendPendingEmails(deps);
    if (run.sent + run.failed + run.skipped > 0) deps.logger.info(run, 'emails sent');
  },
});

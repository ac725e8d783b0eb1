/**
 * Every Agenda job the worker runs, one file per job beside this one.
 */
import type { JobDefinition } from '../server/core/jobs/job-definition.js';
import { eligibilitySweepJob } from './eligibility-sweep.js';
import { expireDueRequestsJob, expireRequestJob } from './expire-request.js';
import { sendEmailsJob } from './send-emails.js';
import { sessionFeedbackJob, sessionNoShowJob, sessionReminderJob } from './session-jobs.js';

export const jobDefinitions: readonly JobDefinition[] = [eligibilitySweepJob, expireRequestJob, expireDueRequestsJob, sessionReminderJob, sessionFeedbackJob, sessionNoShowJob, sendEmailsJob];

/**
 * Every Agenda job the worker runs, one file per job beside this one.
 */
import type { JobDefinition } from '../server/core/jobs/job-definition.js';
import { eligibilitySweepJob } from './eligibility-sweep.js';
import { expireDueRequestsJob, expireRequestJob } from './expire-request.js';
import { sendEmailsJob } from './send-emails.js';
import { sessionFollowUpsJob } from './session-follow-ups.js';

export const jobDefinitions: readonly JobDefinition[] = [eligibilitySweepJob, expireRequestJob, expireDueRequestsJob, sessionFollowUpsJob, sendEmailsJob];

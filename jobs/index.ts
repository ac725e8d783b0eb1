/**
 * Every Agenda job the worker runs, one file per job beside this one.
 * The domain issues add theirs here (eligibility sweep, reminders, …).
 */
import type { JobDefinition } from '../server/core/jobs/job-definition.js';

export const jobDefinitions: readonly JobDefinition[] = [];

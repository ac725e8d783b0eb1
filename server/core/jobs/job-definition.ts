import type { ClassConstructor } from 'class-transformer';
import type { Logger } from 'pino';
import type { Mailer } from '../mail/mailer.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/** What a job handler may use besides its payload: what use cases need, a logger and the mailer. */
export interface JobDeps extends UseCaseDeps {
  logger: Logger;
  mailer: Mailer;
  /**
   * When this run's lock expires (Agenda's lockedAt + lock lifetime): after
   * it another worker may run the job again, so a claim the run takes on a
   * record should lapse then. Absent when a handler is called directly.
   */
  lockedUntil?: Date;
}

/**
 * One Agenda job: a name, the DTO its payload must satisfy, and a handler
 * that takes ids, re-reads what it needs, and is harmless to run twice.
 */
export interface JobDefinition<P extends object = object> {
  name: string;
  payload: ClassConstructor<P>;
  handler(payload: P, deps: JobDeps): Promise<void>;
  /** How many may run at once in one worker (default 1). */
  concurrency?: number;
  /**
   * Run on a schedule, in addition to on demand: a cron line in the job's
   * `timezone`, or `'poll'` — once per poll interval (JOBS_PROCESS_EVERY_MS),
   * for a sweep whose lateness is bounded by it.
   */
  schedule?: { cron: string; timezone: string; payload: P } | { every: 'poll'; payload: P };
  /** How long a run may hold its lock before another worker takes the job over (default: the worker's). */
  lockLifetimeMs?: number;
}

/** Declares a job with its payload type inferred from the DTO. */
export function defineJob<P extends object>(job: JobDefinition<P>): JobDefinition {
  return job as unknown as JobDefinition;
}

import type { ClassConstructor } from 'class-transformer';
import type { Logger } from 'pino';
import type { Mailer } from '../mail/mailer.js';
import type { UseCaseDeps } from '../use-case-deps.js';

/** What a job handler may use besides its payload: what use cases need, a logger and the mailer. */
export interface JobDeps extends UseCaseDeps {
  logger: Logger;
  mailer: Mailer;
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
  /** Run on a schedule (cron, in the job's `timezone`), in addition to on demand. */
  schedule?: { cron: string; timezone: string; payload: P };
}

/** Declares a job with its payload type inferred from the DTO. */
export function defineJob<P extends object>(job: JobDefinition<P>): JobDefinition {
  return job as unknown as JobDefinition;
}

import type { ClassConstructor } from 'class-transformer';

/**
 * One Agenda job: a name, the DTO its payload must satisfy, and a handler
 * that takes ids, re-reads what it needs, and is harmless to run twice.
 */
export interface JobDefinition<P extends object = object> {
  name: string;
  payload: ClassConstructor<P>;
  handler(payload: P): Promise<void>;
  /** How many may run at once in one worker (default 1). */
  concurrency?: number;
}

/** Declares a job with its payload type inferred from the DTO. */
export function defineJob<P extends object>(job: JobDefinition<P>): JobDefinition {
  return job as unknown as JobDefinition;
}

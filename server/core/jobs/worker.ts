/**
 * The job worker: Agenda 6 on the same database, with the job definitions
 * from `jobs/`. Payloads are validated with the same DTO machinery as HTTP.
 *
 * Agenda locks a job with one findOneAndUpdate, so one worker runs it; a
 * worker that dies mid-job leaves it to another once the lock expires, so
 * every handler is still idempotent through a unique key (DATABASE.md
 * rule 2): a second run is harmless.
 */
import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { JobDefinition, JobDeps } from './job-definition.js';
import { parseDto } from '../http/validation.js';

export interface JobWorkerOptions {
  db: Db;
  definitions: readonly JobDefinition[];
  /** Poll interval in ms (a number: Agenda 6 misreads strings like '200 milliseconds'). */
  processEveryMs: number;
  /** How long a run holds its lock before another worker may take the job over (Agenda's `defaultLockLifetime`; default 10 minutes). */
  lockLifetimeMs?: number;
  logger: Logger;
  /** Passed to every handler; `logger` defaults to the worker's. */
  deps: Omit<JobDeps, 'logger'> & { logger?: Logger };
}

export interface JobWorker {
  readonly agenda: Agenda;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Queues a job to run now. */
  now(name: string, payload: object): Promise<void>;
  /** Queues a job to run at `when` (any worker on the database runs it then). */
  at(when: Date, name: string, payload: object): Promise<void>;
  /** Removes the queued jobs of these names whose payload has these values; returns how many. */
  cancel(names: readonly string[], payload: Record<string, string>): Promise<number>;
  isRunning(): boolean;
}

export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: options.db, collection: 'agendaJobs' }),
    processEvery: options.processEveryMs,
    ...(options.lockLifetimeMs ? { defaultLockLifetime: options.lockLifetimeMs } : {}),
  });
  let running = false;

  agenda.on('error', (error: unknown) => options.logger.error({ err: error }, 'job worker error'));
  for (const definition of options.definitions) {
    agenda.define(
      definition.name,
      async (job) => {
        const payload = await parseDto(definition.payload, job.attrs.data ?? {}, `payload of ${definition.name}`);
        // Claims the run takes lapse with its lock: past it, another worker may run the job again.
        const lockedUntil = new Date((job.attrs.lockedAt ?? new Date()).getTime() + agenda.definitions[definition.name]!.lockLifetime);
        await definition.handler(payload, { logger: options.logger, ...options.deps, lockedUntil });
      },
      { concurrency: definition.concurrency ?? 1, ...(definition.lockLifetimeMs ? { lockLifetime: definition.lockLifetimeMs } : {}) },
    );
  }

  return {
    agenda,
    async start() {
      await agenda.start();
      for (const definition of options.definitions) {
        const schedule = definition.schedule;
        if (schedule && 'every' in schedule) await agenda.every(options.processEveryMs, definition.name, schedule.payload);
        else if (schedule) await agenda.every(schedule.cron, definition.name, schedule.payload, { timezone: schedule.timezone, skipImmediate: true });
      }
      running = true;
    },
    async stop() {
      if (!running) return;
      running = false;
      await agenda.stop();
    },
    async now(name, payload) {
      await agenda.now(name, payload);
    },
    async at(when, name, payload) {
      await agenda.schedule(when, name, payload);
    },
    async cancel(names, payload) {
      return agenda.cancel({ names: [...names], data: payload });
    },
    isRunning: () => running,
  };
}

/**
 * The job worker: Agenda 6 on the same database, with the job definitions
 * from `jobs/`. Payloads are validated with the same DTO machinery as HTTP.
 *
 * Agenda locks a job with one findOneAndUpdate, so one worker runs it; a
 * worker that dies mid-job leaves it to another once the lock expires, so
 * every handler is still idempotent through a unique key (DATABASE.md
 * rule 2): a second run is harmless.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Agenda } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { ObjectId, type Db } from 'mongodb';
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
  /** On stop, how long running jobs may take to finish (default 10 s); one still running then keeps its lock until it lapses. */
  stopGraceMs?: number;
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
  /** This worker's name, on every lock it takes (`lastModifiedBy`): other workers' locks are never its to release. */
  const workerName = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const agenda = new Agenda({
    name: workerName,
    backend: new MongoBackend({ mongo: options.db, collection: 'agendaJobs' }),
    processEvery: options.processEveryMs,
    ...(options.lockLifetimeMs ? { defaultLockLifetime: options.lockLifetimeMs } : {}),
  });
  let running = false;
  /** The jobs running now (from Agenda's start to its complete, which follows the recording of the run), so that a stop can let them finish. */
  const runningJobs = new Set<string>();
  let allFinished: (() => void) | undefined;
  agenda.on('start', (job: { attrs: { _id?: unknown } }) => {
    runningJobs.add(String(job.attrs._id));
  });
  agenda.on('complete', (job: { attrs: { _id?: unknown } }) => {
    runningJobs.delete(String(job.attrs._id));
    if (runningJobs.size === 0) allFinished?.();
  });

  /**
   * Locks this worker left behind. A lock taken just before the database went
   * away (its answer lost, or the run's first save failed) or the lock of a
   * run that ended while it was away (its record failed) stays in the
   * database although nothing here runs the job: it would hold the job, the
   * every-poll sweep included, until it lapses (the lock lifetime, 1 minute
   * to 10). Every lock and record of this worker carries its name
   * (`lastModifiedBy`); once the database answers again after a worker error
   * (each failed poll is one), the worker releases its locks taken before
   * that error which Agenda does not hold (the jobs it has fetched, the
   * running ones among them). A lock taken since the error may still be on
   * its way back, so it is left alone. At worst (a lock whose answer is
   * slower than the next read) a job runs on two workers: each is idempotent.
   */
  const jobs = options.db.collection('agendaJobs');
  let lastErrorAt: Date | undefined;
  const noteError = () => {
    lastErrorAt = new Date();
  };
  agenda.on('error', noteError);
  let releasing = false;
  const releaseLeftLocks = async () => {
    const before = lastErrorAt;
    if (!before || releasing) return;
    releasing = true;
    try {
      // Also the first read since the error: it fails while the database is still away.
      const { lockedJobs } = await agenda.getRunningStats(true);
      const held = (Array.isArray(lockedJobs) ? lockedJobs : []).map((job) => new ObjectId(String(job._id)));
      const released = await jobs.updateMany(
        { lastModifiedBy: workerName, lockedAt: { $ne: null, $lte: before }, _id: { $nin: held } },
        { $set: { lockedAt: null } },
      );
      if (released.modifiedCount > 0) options.logger.warn({ jobs: released.modifiedCount }, 'released job locks left by runs the database outage interrupted');
      if (lastErrorAt === before) lastErrorAt = undefined;
    } catch {
      // the database is still away: the next poll tries again
    } finally {
      releasing = false;
    }
  };
  let releaseTimer: NodeJS.Timeout | undefined;

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
      releaseTimer = setInterval(() => void releaseLeftLocks(), options.processEveryMs);
      releaseTimer.unref();
    },
    /**
     * Takes no more jobs and unlocks the ones fetched but not started (Agenda's
     * stop), then gives the running ones `stopGraceMs` to finish and record it.
     * One that takes longer keeps its lock: another worker runs it again once
     * the lock lapses (each job is idempotent).
     */
    async stop() {
      if (!running) return;
      running = false;
      clearInterval(releaseTimer);
      // Unlocking the fetched jobs fails while the database is away: they keep their locks until these lapse, and the running ones still get their grace.
      await agenda.stop().catch((error: unknown) => options.logger.warn({ err: error }, 'jobs fetched but not started could not be unlocked: they run once their locks lapse'));
      if (runningJobs.size === 0) return;
      const graceMs = options.stopGraceMs ?? 10_000;
      options.logger.info({ jobs: runningJobs.size }, `waiting up to ${graceMs} ms for running jobs`);
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        allFinished = resolve;
        timer = setTimeout(resolve, graceMs);
      });
      clearTimeout(timer);
      if (runningJobs.size > 0) options.logger.warn({ jobs: runningJobs.size }, 'jobs still running at stop: they keep their locks until these lapse');
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

/**
 * The jobs of a scheduled session (SPEC §5): reminders 24 h and 1 h before,
 * the feedback request at its end, the no-show check a day after. Queued
 * when it is booked or moved (sessions.listeners.ts), dropped when it is
 * cancelled, moved, completed or marked a no-show; and each carries the
 * start it was queued for, so one that survives a move acts on nothing.
 * Idempotent: run twice, even at once, each tells once (keyed notices) and
 * the no-show moves once (a guarded move).
 */
import { IsIn, IsMongoId } from 'class-validator';
import { defineJob } from '../server/core/jobs/job-definition.js';
import type { JobWorker } from '../server/core/jobs/worker.js';
import { IsInstant } from '../server/modules/sessions/dto/book-session.dto.js';
import { askForFeedback, detectNoShow, NO_SHOW_AFTER_MS, remindSession, REMINDER_KINDS, REMINDER_LEAD_MS, type ReminderKind } from '../server/modules/sessions/usecases/session-follow-ups.js';

export const SESSION_REMINDER_JOB = 'session.remind';
export const SESSION_FEEDBACK_JOB = 'session.askFeedback';
export const SESSION_NO_SHOW_JOB = 'session.checkNoShow';
const SESSION_JOBS = [SESSION_REMINDER_JOB, SESSION_FEEDBACK_JOB, SESSION_NO_SHOW_JOB];

export class SessionJobPayload {
  @IsMongoId()
  sessionId!: string;

  /** The start the job was queued for (ISO-8601). */
  @IsInstant()
  start!: string;
}

export class SessionReminderPayload extends SessionJobPayload {
  @IsIn(REMINDER_KINDS)
  kind!: ReminderKind;
}

export const sessionReminderJob = defineJob({
  name: SESSION_REMINDER_JOB,
  payload: SessionReminderPayload,
  concurrency: 5,
  handler: async ({ sessionId, kind, start }, deps) => {
    await remindSession(sessionId, kind, start, deps);
  },
});

export const sessionFeedbackJob = defineJob({
  name: SESSION_FEEDBACK_JOB,
  payload: SessionJobPayload,
  concurrency: 5,
  handler: async ({ sessionId, start }, deps) => {
    await askForFeedback(sessionId, start, deps);
  },
});

export const sessionNoShowJob = defineJob({
  name: SESSION_NO_SHOW_JOB,
  payload: SessionJobPayload,
  concurrency: 5,
  handler: async ({ sessionId, start }, deps) => {
    await detectNoShow(sessionId, start, deps);
  },
});

/** Queues a scheduled session's jobs; a reminder whose time has passed at booking is left out. */
export async function queueSessionJobs(worker: Pick<JobWorker, 'at'>, session: { sessionId: string; start: Date; end: Date }, now: Date): Promise<void> {
  const start = session.start.toISOString();
  for (const kind of REMINDER_KINDS) {
    const at = session.start.getTime() - REMINDER_LEAD_MS[kind];
    if (at > now.getTime()) await worker.at(new Date(at), SESSION_REMINDER_JOB, { sessionId: session.sessionId, kind, start });
  }
  await worker.at(session.end, SESSION_FEEDBACK_JOB, { sessionId: session.sessionId, start });
  await worker.at(new Date(session.end.getTime() + NO_SHOW_AFTER_MS), SESSION_NO_SHOW_JOB, { sessionId: session.sessionId, start });
}

/** Drops the queued jobs of a session but those in `keep` (the no-show check when it is the job running; the feedback request of a session held). */
export async function dropSessionJobs(worker: Pick<JobWorker, 'cancel'>, sessionId: string, keep: ReadonlyArray<'feedback' | 'noShowCheck'> = []): Promise<void> {
  const kept = new Set<string>(keep.map((name) => (name === 'feedback' ? SESSION_FEEDBACK_JOB : SESSION_NO_SHOW_JOB)));
  await worker.cancel(SESSION_JOBS.filter((name) => !kept.has(name)), { sessionId });
}

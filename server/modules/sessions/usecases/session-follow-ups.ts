/**
 * What the session jobs do (jobs/session-jobs.ts): remind both sides, ask
 * for feedback at the end, and mark a session nobody marked held a no-show.
 * Each acts only on the session as the job was queued for it — still
 * scheduled, at the same start — so a job left behind by a cancel or a move
 * does nothing; and each is idempotent: notices are keyed by session and
 * kind, the no-show is a guarded move. And each waits for its time by the
 * app's clock (a reminder not before its lead time nor after the start, the
 * feedback request not before the end, the no-show not before a day after
 * it): a job run early does nothing.
 */
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { startupParties } from '../../requests/startup-parties.js';
import { tellBothSides, withOther, type SessionFacts } from '../session-notices.js';
import { sessionsRepository, type SessionRecord } from '../sessions.repository.js';
import { sessionEvent } from './book-session.js';

export const REMINDER_KINDS = ['24h', '1h'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The session if it is still what the job was queued for; else undefined. */
async function asQueued(sessionId: string, start: string, states: readonly string[] = ['scheduled']): Promise<SessionRecord | undefined> {
  const session = await sessionsRepository.findById(sessionId);
  return session && states.includes(session.status) && session.start.toISOString() === start ? session : undefined;
}

const factsOf = (session: SessionRecord): SessionFacts => ({
  sessionId: session._id.toHexString(),
  startupId: session.startupId.toHexString(),
  mentorId: session.mentorId.toHexString(),
  mentorUserId: session.mentorUserId.toHexString(),
  start: session.start.toISOString(),
  by: null,
});

/** How long before the start each reminder goes out. */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = { '24h': 24 * 3_600_000, '1h': 3_600_000 };
/** How long after its end a session nobody marked held becomes a no-show. */
export const NO_SHOW_AFTER_MS = 24 * 3_600_000;

/** Reminds both sides; returns how many people were told now (0 on a repeat, a stale job, or out of its time). */
export async function remindSession(sessionId: string, kind: ReminderKind, start: string, deps: Pick<UseCaseDeps, 'now'>): Promise<number> {
  const session = await asQueued(sessionId, start);
  const now = deps.now().getTime();
  if (!session || now < session.start.getTime() - REMINDER_LEAD_MS[kind] || now >= session.start.getTime()) return 0;
  const inTime = kind === '24h' ? { vi: '24 giờ', en: '24 hours' } : { vi: '1 giờ', en: '1 hour' };
  return tellBothSides(`session.reminder.${kind}:${sessionId}`, 'session.reminder', factsOf(session), (p, time, side) => ({
    title: { vi: 'Nhắc lịch gặp', en: 'Session reminder' },
    body: {
      vi: `Còn ${inTime.vi}: buổi gặp ${withOther(p, side).vi} vào ${time.vi}${session.mode === 'online' ? ` (${session.link})` : `, tại ${session.place}`}.`,
      en: `In ${inTime.en}: your session ${withOther(p, side).en} on ${time.en}${session.mode === 'online' ? ` (${session.link})` : `, at ${session.place}`}.`,
    },
  }));
}

/** At the end: asks both sides to mark it held (the mentor) and to rate it. */
export async function askForFeedback(sessionId: string, start: string, deps: Pick<UseCaseDeps, 'now'>): Promise<number> {
  const session = await asQueued(sessionId, start, ['scheduled', 'completed']);
  if (!session || deps.now().getTime() < session.end.getTime()) return 0;
  return tellBothSides(`session.feedback:${sessionId}`, 'session.feedback', factsOf(session), (p, time, side) => ({
    title: { vi: 'Buổi gặp thế nào?', en: 'How did the session go?' },
    body:
      side === 'mentor'
        ? { vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} đã kết thúc: hãy xác nhận đã diễn ra và ghi lại nhận xét.`, en: `Your session ${withOther(p, side).en} on ${time.en} has ended: please mark it held and note your feedback.` }
        : { vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} đã kết thúc: hãy đánh giá buổi gặp.`, en: `Your session ${withOther(p, side).en} on ${time.en} has ended: please rate it.` },
  }));
}

/** A day after its end, a session still scheduled (nobody marked it held) becomes a no-show; true when this run moved it. */
export async function detectNoShow(sessionId: string, start: string, deps: UseCaseDeps): Promise<boolean> {
  const session = await asQueued(sessionId, start);
  if (!session || deps.now().getTime() < session.end.getTime() + NO_SHOW_AFTER_MS) return false;
  const moved = await sessionsRepository.transition(session._id, 'scheduled', { $set: { status: 'no_show', noShowAt: deps.now() } });
  if (!moved.applied) return false;
  const parties = await startupParties(session.startupId.toHexString());
  await deps.bus.emit('session.no_show', { ...sessionEvent(moved.record, { cohortIds: parties?.cohortIds ?? [] }), by: null });
  return true;
}

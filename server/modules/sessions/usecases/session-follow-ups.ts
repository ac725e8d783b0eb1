/**
 * What the follow-up sweep (jobs/session-follow-ups.ts) does with a
 * session's due follow-ups (follow-ups.ts): tell both sides of the booking,
 * remind them, ask for
 * feedback at the end, and mark a session nobody marked held a no-show.
 * Each acts only on a session still in the state it applies to, and only in
 * its time by the app's clock (a reminder not before its lead time nor after
 * the start, the feedback request not before the end, the no-show not before
 * a day after it); then the follow-up is unset. Idempotent: notices are
 * keyed by session and kind, the no-show is a guarded move, so a sweep that
 * dies between acting and unsetting, or two sweeps at once, tell once.
 */
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { startupParties } from '../../requests/startup-parties.js';
import { tellBothSides, withOther, type PartiesMemo, type SessionFacts } from '../session-notices.js';
import { dropFollowUps, FOLLOW_UPS, NO_SHOW_AFTER_MS, REMINDER_LEAD_MS, type FollowUp, type ReminderKind } from '../follow-ups.js';
import { sessionsRepository, type SessionRecord } from '../sessions.repository.js';
import { sessionEvent } from './book-session.js';

const DAY_MS = 86_400_000;

const factsOf = (session: SessionRecord): SessionFacts => ({
  sessionId: session._id.toHexString(),
  startupId: session.startupId.toHexString(),
  mentorId: session.mentorId.toHexString(),
  mentorUserId: session.mentorUserId.toHexString(),
  start: session.start.toISOString(),
  by: null,
});

/** Tells the mentor and the team of a new booking, but whoever booked it. */
async function announceBooking(session: SessionRecord, deps: Pick<UseCaseDeps, 'bus'>, memo: PartiesMemo): Promise<number> {
  if (session.status !== 'scheduled') return 0;
  return tellBothSides(`session.booked:${session._id.toHexString()}`, 'session.booked', { ...factsOf(session), by: session.bookedBy.toHexString() }, (p, time, side) => ({
    title: { vi: 'Lịch gặp cố vấn mới', en: 'New mentoring session' },
    body:
      side === 'mentor'
        ? { vi: `${p.startupName} đã đặt lịch gặp bạn vào ${time.vi}.`, en: `${p.startupName} booked a session with you on ${time.en}.` }
        : { vi: `Đã đặt lịch gặp ${p.mentorName} vào ${time.vi}.`, en: `A session with ${p.mentorName} is booked for ${time.en}.` },
  }), deps.bus, memo);
}

/** Reminds both sides; returns how many people were told now (0 on a repeat, or out of its state or time). */
async function remindSession(session: SessionRecord, kind: ReminderKind, deps: Pick<UseCaseDeps, 'now' | 'bus'>, memo: PartiesMemo): Promise<number> {
  // Each reminder's time runs until the next one's (the 1 h one's until the start): a late sweep sends only the one that still fits.
  const now = deps.now().getTime();
  const until = kind === '24h' ? session.start.getTime() - REMINDER_LEAD_MS['1h'] : session.start.getTime();
  if (session.status !== 'scheduled' || now < session.start.getTime() - REMINDER_LEAD_MS[kind] || now >= until) return 0;
  const sessionId = session._id.toHexString();
  const inTime = kind === '24h' ? { vi: '24 giờ', en: '24 hours' } : { vi: '1 giờ', en: '1 hour' };
  return tellBothSides(`session.reminder.${kind}:${sessionId}`, 'session.reminder', factsOf(session), (p, time, side) => ({
    title: { vi: 'Nhắc lịch gặp', en: 'Session reminder' },
    body: {
      vi: `Còn ${inTime.vi}: buổi gặp ${withOther(p, side).vi} vào ${time.vi}${session.mode === 'online' ? ` (${session.link})` : `, tại ${session.place}`}.`,
      en: `In ${inTime.en}: your session ${withOther(p, side).en} on ${time.en}${session.mode === 'online' ? ` (${session.link})` : `, at ${session.place}`}.`,
    },
  }), deps.bus, memo);
}

/** At the end: asks both sides to mark it held (the mentor) and to rate it. */
async function askForFeedback(session: SessionRecord, deps: Pick<UseCaseDeps, 'now' | 'bus'>, memo: PartiesMemo): Promise<number> {
  if (!['scheduled', 'completed'].includes(session.status) || deps.now().getTime() < session.end.getTime()) return 0;
  return tellBothSides(`session.feedback:${session._id.toHexString()}`, 'session.feedback', factsOf(session), (p, time, side) => ({
    title: { vi: 'Buổi gặp thế nào?', en: 'How did the session go?' },
    body:
      side === 'mentor'
        ? { vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} đã kết thúc: hãy xác nhận đã diễn ra và ghi lại nhận xét.`, en: `Your session ${withOther(p, side).en} on ${time.en} has ended: please mark it held and note your feedback.` }
        : { vi: `Buổi gặp ${withOther(p, side).vi} vào ${time.vi} đã kết thúc: hãy đánh giá buổi gặp.`, en: `Your session ${withOther(p, side).en} on ${time.en} has ended: please rate it.` },
  }), deps.bus, memo);
}

/** A day after its end, a session still scheduled (nobody marked it held) becomes a no-show; 1 when this run moved it. */
async function detectNoShow(session: SessionRecord, deps: UseCaseDeps): Promise<number> {
  if (session.status !== 'scheduled' || deps.now().getTime() < session.end.getTime() + NO_SHOW_AFTER_MS) return 0;
  const moved = await sessionsRepository.transition(session._id, 'scheduled', { $set: { status: 'no_show', noShowAt: deps.now() }, $unset: dropFollowUps() });
  if (!moved.applied) return 0;
  const parties = await startupParties(session.startupId.toHexString());
  await deps.bus.emit('session.no_show', { ...sessionEvent(moved.record, { cohortIds: parties?.cohortIds ?? [] }), by: null });
  return 1;
}

/** Acts on one follow-up of a session as read; returns how many people were told (1 for a no-show it marked). */
function act(session: SessionRecord, kind: FollowUp, deps: UseCaseDeps, memo: PartiesMemo): Promise<number> {
  switch (kind) {
    case 'announce':
      return announceBooking(session, deps, memo);
    case 'remind24h':
      return remindSession(session, '24h', deps, memo);
    case 'remind1h':
      return remindSession(session, '1h', deps, memo);
    case 'feedback':
      return askForFeedback(session, deps, memo);
    case 'noShow':
      return detectNoShow(session, deps);
  }
}

/** A follow-up acted on, to be unset (sessionsRepository.followUpsDone). */
type Done = { id: SessionRecord['_id']; kind: FollowUp; at: Date };

/**
 * Acts on each follow-up of this session that is due by the app's clock
 * and adds it to `done`, to be unset; returns what `act` returned, summed.
 * `memo` keeps the parties' names across the sessions of one sweep.
 */
async function actOnDue(session: SessionRecord, deps: UseCaseDeps, memo: PartiesMemo, done: Done[]): Promise<number> {
  let told = 0;
  for (const kind of FOLLOW_UPS) {
    const at = session.due?.[kind];
    if (!at || at.getTime() > deps.now().getTime()) continue;
    told += await act(session, kind, deps, memo);
    // At a session's end, holds that ended a day before no longer touch any slot: the calendar drops them.
    if (kind === 'feedback') await sessionsRepository.pruneHolds(session.mentorId, new Date(deps.now().getTime() - DAY_MS));
    done.push({ id: session._id, kind, at });
  }
  return told;
}

export interface FollowUpSweep {
  /** Sessions read per round. */
  batch?: number;
  /** Sessions worked on at once. */
  concurrency?: number;
  /** Stops starting new rounds after this long; the next sweep goes on. */
  budgetMs?: number;
  /** Told of a session whose follow-up failed; it is left due, for the next sweep. */
  onError?: (sessionId: string, error: unknown) => void;
}

/**
 * Every follow-up due by the app's clock, in rounds of `batch` sessions
 * until none is left or the budget is spent; what a round acted on is
 * unset in one write at its end. A session whose follow-up fails is
 * skipped for the rest of this sweep and tried again by the next.
 */
export async function sweepFollowUps(deps: UseCaseDeps, options: FollowUpSweep = {}): Promise<{ sessions: number; told: number }> {
  const { batch = 200, concurrency = 8, budgetMs = 20_000 } = options;
  const startedAt = Date.now();
  const failed = new Set<string>();
  const memo: PartiesMemo = new Map();
  const result = { sessions: 0, told: 0 };
  for (;;) {
    const due = (await sessionsRepository.withFollowUpsDue(deps.now(), batch + failed.size)).filter((s) => !failed.has(s._id.toHexString()));
    if (due.length === 0) return result;
    const done: Done[] = [];
    let next = 0;
    const work = async () => {
      while (next < due.length) {
        const session = due[next++]!;
        const mine: Done[] = [];
        try {
          result.told += await actOnDue(session, deps, memo, mine);
          result.sessions++;
        } catch (error) {
          failed.add(session._id.toHexString());
          options.onError?.(session._id.toHexString(), error);
        } finally {
          done.push(...mine); // what was acted on before a failure stays done
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, work));
    await sessionsRepository.followUpsDone(done);
    if (Date.now() - startedAt >= budgetMs) return result;
  }
}

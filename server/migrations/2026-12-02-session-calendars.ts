/**
 * What the sessions rework changed about stored data:
 * - a mentor's calendar now holds the time of their sessions and the count
 *   of each month (booking is one conditional update on it): built from
 *   their sessions;
 * - bookings no longer pass through `pending`: one left so by a booker that
 *   died is `abandoned`, as the next booking would have made it;
 * - a scheduled session carries its follow-ups (reminders, the feedback
 *   request, the no-show check) instead of Agenda jobs: set on each, the
 *   queued jobs removed;
 * - an email claim now runs out with the lock of the run that took it: one
 *   left `sending` by a worker that died before claims ran out is sent again.
 */
import type { Db } from 'mongodb';
import type { Migration } from '../core/db/migrations.js';
import { followUpsDue } from '../modules/sessions/follow-ups.js';
import { HOLDING_STATES } from '../modules/sessions/session.model.js';

const DAY_MS = 86_400_000;
const OLD_SESSION_JOBS = ['session.remind', 'session.askFeedback', 'session.checkNoShow'];

type StoredSession = { _id: unknown; mentorId: unknown; start: Date; end: Date; month: string; status: string; due?: object };

async function buildCalendars(db: Db): Promise<void> {
  const sessions = db.collection<StoredSession>('sessions');
  await sessions.updateMany({ status: 'pending' }, { $set: { status: 'abandoned' } });
  const holding = await sessions.find({ status: { $in: [...HOLDING_STATES] } }, { projection: { mentorId: 1, start: 1, end: 1, month: 1, status: 1 } }).toArray();
  const byMentor = new Map<string, StoredSession[]>();
  for (const session of holding) byMentor.set(String(session.mentorId), [...(byMentor.get(String(session.mentorId)) ?? []), session]);
  const keepAfter = Date.now() - DAY_MS;
  for (const list of byMentor.values()) {
    const months: Record<string, number> = {};
    for (const session of list) months[session.month] = (months[session.month] ?? 0) + 1;
    const holds = list.filter((s) => s.end.getTime() > keepAfter).map((s) => ({ sessionId: s._id, start: s.start, end: s.end, month: s.month, at: new Date() }));
    await db.collection('mentorCalendars').updateOne({ _id: list[0]!.mentorId as never }, { $set: { holds, months, rev: 0 } }, { upsert: true });
  }
}

async function setFollowUps(db: Db): Promise<void> {
  const sessions = db.collection<StoredSession>('sessions');
  const now = new Date();
  for (const session of await sessions.find({ status: 'scheduled', due: { $exists: false } }, { projection: { start: 1, end: 1 } }).toArray()) {
    await sessions.updateOne({ _id: session._id, status: 'scheduled', due: { $exists: false } }, { $set: { due: followUpsDue(session, now, { announce: false }) } });
  }
  await db.collection('agendaJobs').deleteMany({ name: { $in: OLD_SESSION_JOBS } });
}

async function releaseStuckEmails(db: Db): Promise<void> {
  await db.collection('notifications').updateMany({ emailState: 'sending', emailClaimExpiresAt: { $exists: false } }, { $set: { emailState: 'pending' } });
}

export const sessionCalendars: Migration = {
  id: '2026-12-02-session-calendars',
  async up(db) {
    await buildCalendars(db);
    await setFollowUps(db);
    await releaseStuckEmails(db);
  },
};

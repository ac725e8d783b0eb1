/** The only door to the sessions and mentor calendars collections. */
import mongoose from 'mongoose';
import { isDuplicateKey } from '../../core/db/duplicate-key.js';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { findPage, type Page, type PageRequest } from '../../core/db/pages.js';
import { HOLDING_STATES, MentorCalendarModel, SESSION_STATUSES, SessionModel, type SessionDocument, type SessionState, type SessionStatus } from './session.model.js';

export type SessionRecord = SessionDocument;

export interface NewSession {
  _id: mongoose.Types.ObjectId;
  mentorId: mongoose.Types.ObjectId;
  mentorUserId: mongoose.Types.ObjectId;
  startupId: mongoose.Types.ObjectId;
  mentorshipId: mongoose.Types.ObjectId;
  bookedBy: mongoose.Types.ObjectId;
  start: Date;
  end: Date;
  month: string;
  mode: SessionDocument['mode'];
  link?: string;
  place?: string;
  topic: string;
  agenda?: string;
  replaces?: mongoose.Types.ObjectId;
}

export interface SessionListCriteria {
  startupIds?: readonly string[];
  mentorUserId?: string;
  mentorId?: string;
  status?: SessionStatus;
  from?: Date;
  to?: Date;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);
const toIds = (ids: readonly string[]) => ids.map(toId).filter((id): id is mongoose.Types.ObjectId => id !== undefined);

function listFilter(criteria: SessionListCriteria): Record<string, unknown> {
  const filter: Record<string, unknown> = { status: criteria.status ?? { $in: [...SESSION_STATUSES] } };
  if (criteria.startupIds) filter.startupId = { $in: toIds(criteria.startupIds) };
  if (criteria.mentorUserId !== undefined) filter.mentorUserId = toId(criteria.mentorUserId) ?? { $in: [] };
  if (criteria.mentorId !== undefined) filter.mentorId = toId(criteria.mentorId) ?? { $in: [] };
  if (criteria.from || criteria.to) filter.start = { ...(criteria.from ? { $gte: criteria.from } : {}), ...(criteria.to ? { $lt: criteria.to } : {}) };
  return filter;
}

export const sessionsRepository = {
  /** The mentor's calendar revision, creating the calendar at 0 on first use. */
  async calendarRev(mentorId: mongoose.Types.ObjectId): Promise<number> {
    try {
      const row = await MentorCalendarModel.findOneAndUpdate({ _id: mentorId }, { $setOnInsert: { rev: 0 } }, { upsert: true, new: true }).lean();
      return row!.rev;
    } catch (error) {
      // Two first bookings at once: one created it.
      if (!isDuplicateKey(error)) throw error;
      return (await MentorCalendarModel.findById(mentorId).lean())!.rev;
    }
  },

  /** Moves the calendar from `rev` to the next one; false when another booking moved it first. */
  async commitCalendar(mentorId: mongoose.Types.ObjectId, rev: number): Promise<boolean> {
    const result = await MentorCalendarModel.updateOne({ _id: mentorId, rev }, { $inc: { rev: 1 } });
    return result.modifiedCount === 1;
  },

  /** The mentor's sessions that hold time overlapping [from, to), in any holding state. */
  async holdingBetween(mentorId: mongoose.Types.ObjectId, from: Date, to: Date): Promise<SessionRecord[]> {
    return (await SessionModel.find({ mentorId, status: { $in: [...HOLDING_STATES] }, start: { $lt: to }, end: { $gt: from } }).lean()) as SessionRecord[];
  },

  /** The sessions the mentor's cap counts in a month (`YYYY-MM`, their zone). */
  async holdingInMonth(mentorId: mongoose.Types.ObjectId, month: string): Promise<SessionRecord[]> {
    return (await SessionModel.find({ mentorId, month, status: { $in: [...HOLDING_STATES] } }, { _id: 1, status: 1, createdAt: 1, replaces: 1 }).lean()) as SessionRecord[];
  },

  async insertPending(session: NewSession): Promise<void> {
    await SessionModel.create({ ...session, status: 'pending' });
  },

  /** A committed booking becomes visible; false if it was abandoned meanwhile. */
  async promote(id: mongoose.Types.ObjectId): Promise<SessionRecord | undefined> {
    return ((await SessionModel.findOneAndUpdate({ _id: id, status: 'pending' }, { $set: { status: 'scheduled' } }, { new: true }).lean()) as SessionRecord | null) ?? undefined;
  },

  /** A booking that lost (or whose booker vanished) frees the time it held; false when it is no longer pending. */
  async abandon(id: mongoose.Types.ObjectId): Promise<boolean> {
    const result = await SessionModel.updateOne({ _id: id, status: 'pending' }, { $set: { status: 'abandoned' } });
    return result.modifiedCount === 1;
  },

  async findById(id: string | mongoose.Types.ObjectId): Promise<SessionRecord | undefined> {
    const _id = typeof id === 'string' ? toId(id) : id;
    if (!_id) return undefined;
    return ((await SessionModel.findById(_id).lean()) as SessionRecord | null) ?? undefined;
  },

  /** Applies `update` only while the session is in state `from`; of racing moves exactly one applies. */
  async transition(id: mongoose.Types.ObjectId, from: SessionState, update: mongoose.UpdateQuery<unknown>): Promise<GuardedUpdate<SessionRecord>> {
    return updateIfMatches<SessionRecord>(SessionModel, id, { status: from }, update);
  },

  /** Records one side's feedback on a completed session, once: of racing attempts exactly one applies. */
  async giveFeedback(id: mongoose.Types.ObjectId, side: 'startup' | 'mentor', feedback: { rating: number; comment?: string; by: mongoose.Types.ObjectId; at: Date }): Promise<GuardedUpdate<SessionRecord>> {
    return updateIfMatches<SessionRecord>(SessionModel, id, { status: 'completed', [`feedback.${side}`]: { $exists: false } }, { $set: { [`feedback.${side}`]: feedback } });
  },

  /** A mentor's completed sessions: how many, their minutes, and the startups' ratings. */
  async heldBy(mentorId: mongoose.Types.ObjectId): Promise<{ held: number; minutes: number; ratings: number[] }> {
    const rows = (await SessionModel.find({ mentorId, status: 'completed' }, { start: 1, end: 1, 'feedback.startup.rating': 1 }).lean()) as SessionRecord[];
    return {
      held: rows.length,
      minutes: rows.reduce((sum, row) => sum + (row.end.getTime() - row.start.getTime()) / 60_000, 0),
      ratings: rows.flatMap((row) => (typeof row.feedback?.startup?.rating === 'number' ? [row.feedback.startup.rating] : [])),
    };
  },

  /** Sessions for a calendar: what `criteria` selects, earliest first, at most `limit`. */
  async forCalendar(criteria: SessionListCriteria, limit: number): Promise<SessionRecord[]> {
    return (await SessionModel.find(listFilter(criteria)).sort({ start: 1 }).limit(limit).lean()) as SessionRecord[];
  },

  async list(criteria: SessionListCriteria, page: PageRequest): Promise<Page<SessionRecord>> {
    return findPage<SessionRecord>(SessionModel, listFilter(criteria), page, {});
  },
};

/** The only door to the sessions and mentor calendars collections. */
import { insertGathered } from '../../core/db/gathered-insert.js';
import { findOneStored } from '../../core/db/stored.js';
import mongoose from 'mongoose';
import { isDuplicateKey } from '../../core/db/duplicate-key.js';
import { updateIfMatches, type GuardedUpdate } from '../../core/db/guarded-update.js';
import { findPage, type Page, type PageRequest } from '../../core/db/pages.js';
import type { FollowUp } from './follow-ups.js';
import type { ActionItemMove, MilestoneMoveOutcome } from './session.model.js';
import { FOLLOW_UPS, HOLDING_STATES, MentorCalendarModel, SESSION_STATUSES, SessionModel, type SessionDocument, type SessionState, type SessionStatus } from './session.model.js';

export type SessionRecord = SessionDocument;

/** The time one session holds in its mentor's calendar. */
export interface Hold {
  sessionId: mongoose.Types.ObjectId;
  start: Date;
  end: Date;
  month: string;
  at: Date;
}

export interface MentorCalendar {
  holds: Hold[];
  /** Moves with every hold taken or given back. */
  rev: number;
  /** Sessions counted per month (`YYYY-MM` in the mentor's zone). */
  months: Record<string, number>;
  /** False until the mentor's first booking opens it (openCalendar). */
  opened: boolean;
}

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

/** What marking an action item done did to its milestone (`reason`: a problem code, when refused). */
export interface StoredMilestoneMove {
  outcome: MilestoneMoveOutcome;
  reason?: string | null;
  state?: string | null;
  at: Date;
}

/** An action item as stored (session.model.ts), as a plain object. */
export interface ActionItemRecord {
  _id: mongoose.Types.ObjectId;
  title: string;
  dueOn?: string | null;
  milestoneId?: mongoose.Types.ObjectId | null;
  moveTo?: ActionItemMove | null;
  done: boolean;
  doneAt?: Date | null;
  doneBy?: mongoose.Types.ObjectId | null;
  milestoneMove?: StoredMilestoneMove | null;
  createdAt: Date;
  createdBy: mongoose.Types.ObjectId;
}

export type NewActionItem = Pick<ActionItemRecord, '_id' | 'title' | 'createdAt' | 'createdBy'> & { dueOn?: string; milestoneId?: mongoose.Types.ObjectId; moveTo?: ActionItemMove };

/** A session's action items, oldest first (none before the first is added). */
export const actionItemsOf = (session: SessionRecord | undefined): ActionItemRecord[] => (session?.actionItems ?? []) as unknown as ActionItemRecord[];

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

/** The calendars' collection, typed as stored, for writes by the driver. */
const calendars = () => MentorCalendarModel.collection as unknown as mongoose.mongo.Collection<{ _id: mongoose.Types.ObjectId; holds: Hold[]; months: Record<string, number>; rev: number }>;

export const sessionsRepository = {
  /** The mentor's calendar: the holds of their sessions to come and the sessions counted per month. */
  async calendarOf(mentorId: mongoose.Types.ObjectId): Promise<MentorCalendar> {
    const row = await findOneStored<MentorCalendar>(MentorCalendarModel, '_id', mentorId);
    return { holds: row?.holds ?? [], months: row?.months ?? {}, rev: row?.rev ?? 0, opened: row !== undefined };
  },

  /**
   * Takes `hold` in one conditional update, only if no hold but the one of
   * `limits.replaces` overlaps it widened by the buffer on each side, and
   * its month counts fewer than the cap (one more when the replaced session
   * is in that month: it leaves once the new one is in). False when either
   * fails, or the calendar is not open yet; of racing holds for the same
   * time exactly one is taken.
   */
  async hold(mentorId: mongoose.Types.ObjectId, hold: Hold, limits: { bufferMs: number; cap: number; replaces?: { sessionId: mongoose.Types.ObjectId; month: string } }): Promise<boolean> {
    const count = `months.${hold.month}`;
    const cap = limits.cap + (limits.replaces?.month === hold.month ? 1 : 0);
    const filter = {
      _id: mentorId,
      holds: {
        $not: {
          $elemMatch: {
            start: { $lt: new Date(hold.end.getTime() + limits.bufferMs) },
            end: { $gt: new Date(hold.start.getTime() - limits.bufferMs) },
            ...(limits.replaces ? { sessionId: { $ne: limits.replaces.sessionId } } : {}),
          },
        },
      },
      $or: [{ [count]: { $exists: false } }, { [count]: { $lt: cap } }],
    };
    const update = { $push: { holds: { sessionId: hold.sessionId, start: hold.start, end: hold.end, month: hold.month, at: hold.at } }, $inc: { [count]: 1, rev: 1 } };
    // By the driver: the hold is in stored form already; mongoose's casting of it as a subdocument showed in the bench's cpu profile.
    return (await calendars().updateOne(filter, update)).modifiedCount === 1;
  },

  /** Opens the mentor's calendar for their first booking (of two at once, one does). */
  async openCalendar(mentorId: mongoose.Types.ObjectId): Promise<void> {
    await MentorCalendarModel.create({ _id: mentorId, holds: [], months: {}, rev: 0 }).catch((error: unknown) => {
      if (!isDuplicateKey(error)) throw error;
    });
  },

  /** Gives back the hold of a session (cancelled, or never written) and its place in the month's count; false if it held nothing. */
  async release(mentorId: mongoose.Types.ObjectId, sessionId: mongoose.Types.ObjectId, month: string): Promise<boolean> {
    const result = await MentorCalendarModel.updateOne({ _id: mentorId, 'holds.sessionId': sessionId }, { $pull: { holds: { sessionId } }, $inc: { [`months.${month}`]: -1, rev: 1 } });
    return result.modifiedCount === 1;
  },

  /** Drops holds that ended before `before` (their months keep counting them). */
  async pruneHolds(mentorId: mongoose.Types.ObjectId, before: Date): Promise<void> {
    await MentorCalendarModel.updateOne({ _id: mentorId }, { $pull: { holds: { end: { $lt: before } } } });
  },

  /**
   * Sets a month's count to `actual` if that is lower and no hold was taken
   * or given back since the calendar read `rev` (a count left high by a crash
   * between a cancel and its release); true if it did.
   */
  async recount(mentorId: mongoose.Types.ObjectId, month: string, rev: number, seen: number, actual: number): Promise<boolean> {
    if (actual >= seen) return false;
    return (await MentorCalendarModel.updateOne({ _id: mentorId, rev }, { $set: { [`months.${month}`]: actual }, $inc: { rev: 1 } })).modifiedCount === 1;
  },

  /** The mentor's sessions that count in a month (`YYYY-MM`, their zone). */
  async countHoldingInMonth(mentorId: mongoose.Types.ObjectId, month: string): Promise<number> {
    return SessionModel.countDocuments({ mentorId, month, status: { $in: [...HOLDING_STATES] } });
  },

  /**
   * Claims the id of a session that never appeared by writing an
   * `abandoned` stub under it: true if this claimed it (its booker, if it
   * ever wakes, finds the id taken and gives up), false if the session
   * exists after all.
   */
  async claimMissing(hold: Hold, mentorId: mongoose.Types.ObjectId): Promise<boolean> {
    try {
      await SessionModel.collection.insertOne({ _id: hold.sessionId, mentorId, start: hold.start, end: hold.end, month: hold.month, status: 'abandoned', createdAt: new Date(), updatedAt: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  },

  /** The status of each of these sessions that exists, by id. */
  async statusesOf(ids: readonly mongoose.Types.ObjectId[]): Promise<Map<string, SessionState>> {
    if (ids.length === 0) return new Map();
    const rows = (await SessionModel.find({ _id: { $in: ids } }, { _id: 1, status: 1 }).lean()) as Array<{ _id: mongoose.Types.ObjectId; status: SessionState }>;
    return new Map(rows.map((row) => [row._id.toHexString(), row.status]));
  },

  /**
   * A session taken by a hold: written straight as scheduled, with its
   * follow-ups due. By the driver: its fields are typed here and bounded by
   * the booking's DTO (the schema's limits), and building a mongoose
   * document for it was a booking's largest share of the API's CPU.
   */
  async insertScheduled(session: NewSession & { due: Partial<Record<FollowUp, Date>> }): Promise<SessionRecord> {
    const now = new Date();
    const stored = { ...session, status: 'scheduled' as const, createdAt: now, updatedAt: now };
    // Gathered with the other bookings of this moment into one write (gathered-insert.ts); refused only if its id is taken (holds.ts).
    const [inserted] = await insertGathered(SessionModel, [stored]);
    if (!inserted) throw Object.assign(new Error(`E11000 duplicate key: session ${session._id.toHexString()} exists`), { code: 11000 });
    return stored as SessionRecord;
  },

  /** Sessions with a follow-up due at `now` or before, at most `limit`. */
  async withFollowUpsDue(now: Date, limit: number): Promise<SessionRecord[]> {
    return (await SessionModel.find({ $or: FOLLOW_UPS.map((kind) => ({ [`due.${kind}`]: { $lte: now } })) }).limit(limit).lean()) as SessionRecord[];
  },

  /** Marks follow-ups done, in one write: unsets each if it is still due at its `at` (a change of state may have dropped or moved it). */
  async followUpsDone(done: ReadonlyArray<{ id: mongoose.Types.ObjectId; kind: FollowUp; at: Date }>): Promise<void> {
    if (done.length === 0) return;
    await SessionModel.bulkWrite(
      done.map(({ id, kind, at }) => ({ updateOne: { filter: { _id: id, [`due.${kind}`]: at }, update: { $unset: { [`due.${kind}`]: 1 } } } })),
      { ordered: false },
    );
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

  /** Writes (replaces) the mentor's note while the session is in one of `states`. */
  async writeMentorNote(id: mongoose.Types.ObjectId, states: readonly SessionStatus[], note: { text: string; updatedAt: Date }): Promise<GuardedUpdate<SessionRecord>> {
    return updateIfMatches<SessionRecord>(SessionModel, id, { status: { $in: [...states] } }, { $set: { mentorNote: note } });
  },

  /** Carries a moved session's note and action items onto the session that replaced it (as the old one read when it was cancelled); the new one as it is then. */
  async carryOver(from: SessionRecord, to: SessionRecord): Promise<SessionRecord> {
    const carried = { ...(from.mentorNote ? { mentorNote: from.mentorNote } : {}), ...(from.actionItems?.length ? { actionItems: from.actionItems } : {}) };
    if (Object.keys(carried).length === 0) return to;
    return ((await SessionModel.findOneAndUpdate({ _id: to._id }, { $set: carried }, { new: true }).lean()) as SessionRecord | null) ?? to;
  },

  /**
   * Appends an action item while the session is in one of `states` and holds
   * fewer than `max` items — both in the one guarded update, so racing adds
   * never make more than `max`.
   */
  async addActionItem(id: mongoose.Types.ObjectId, states: readonly SessionStatus[], max: number, item: NewActionItem): Promise<GuardedUpdate<SessionRecord>> {
    return updateIfMatches<SessionRecord>(SessionModel, id, { status: { $in: [...states] }, [`actionItems.${max - 1}`]: { $exists: false } }, { $push: { actionItems: { ...item, done: false } } });
  },

  /**
   * Flips the action item at `at.index` (items are only ever appended, so an
   * item keeps its index; its `_id` is in the guard all the same) to `done`
   * from the other value: of racing flips exactly one applies. Elements are
   * addressed by index, not by `$elemMatch` + `$`: the embedded engine does
   * not bind `$` to an `$elemMatch` on elements with more fields.
   */
  async markActionItem(id: mongoose.Types.ObjectId, item: { _id: mongoose.Types.ObjectId; index: number }, done: boolean, by: mongoose.Types.ObjectId, at: Date): Promise<GuardedUpdate<SessionRecord>> {
    const path = `actionItems.${item.index}`;
    const update = done
      ? { $set: { [`${path}.done`]: true, [`${path}.doneAt`]: at, [`${path}.doneBy`]: by } }
      : { $set: { [`${path}.done`]: false }, $unset: { [`${path}.doneAt`]: 1, [`${path}.doneBy`]: 1, [`${path}.milestoneMove`]: 1 } };
    return updateIfMatches<SessionRecord>(SessionModel, id, { [`${path}._id`]: item._id, [`${path}.done`]: !done }, update);
  },

  /** Records what marking the item done did to its milestone, if it is still done by that tick (`doneAt`). */
  async recordMilestoneMove(id: mongoose.Types.ObjectId, item: { _id: mongoose.Types.ObjectId; index: number }, doneAt: Date, move: StoredMilestoneMove): Promise<SessionRecord | undefined> {
    const path = `actionItems.${item.index}`;
    const filter = { _id: id, [`${path}._id`]: item._id, [`${path}.done`]: true, [`${path}.doneAt`]: doneAt };
    return ((await SessionModel.findOneAndUpdate(filter, { $set: { [`${path}.milestoneMove`]: move } }, { new: true }).lean()) as SessionRecord | null) ?? undefined;
  },

  /** Sessions completed that started within [start, end), for reports. */
  async completedBetween(start: Date, end: Date): Promise<Array<Pick<SessionRecord, '_id' | 'startupId' | 'mentorId' | 'start' | 'end'>>> {
    return (await SessionModel.collection
      .find({ status: 'completed', start: { $gte: start, $lt: end } }, { projection: { startupId: 1, mentorId: 1, start: 1, end: 1 } })
      .toArray()) as unknown as Array<Pick<SessionRecord, '_id' | 'startupId' | 'mentorId' | 'start' | 'end'>>;
  },

  /** Past sessions as they were (demo and synthetic history); they hold no calendar time, being over. */
  async insertHistory(rows: Array<NewSession & { status: 'completed' | 'cancelled' | 'no_show'; completedAt?: Date; completedBy?: mongoose.Types.ObjectId }>): Promise<number> {
    if (rows.length === 0) return 0;
    return (await SessionModel.insertMany(rows)).length;
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

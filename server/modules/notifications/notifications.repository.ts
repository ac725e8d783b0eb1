/** The only door to the notifications collection. */
import mongoose from 'mongoose';
import { insertGathered } from '../../core/db/gathered-insert.js';
import { findPage, type Page, type PageRequest } from '../../core/db/pages.js';
import { NotificationModel, type NotificationDocument } from './notification.model.js';

export type NotificationRecord = Omit<NotificationDocument, 'data'> & { data: Record<string, string> };

export interface NewNotification {
  userId: string;
  kind: string;
  dedupeKey: string;
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  data: Record<string, string>;
}

const toId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : undefined);

/** An email a run may take: pending, or `sending` under a claim that lapsed by `at` (one claimed before claims lapsed has no expiry and stays). */
const claimable = (at: Date) => ({ $or: [{ emailState: 'pending' }, { emailState: 'sending', emailClaimExpiresAt: { $lte: at } }] });

export const notificationsRepository = {
  /** Inserts those not already there (by dedupe key); returns the new ones' ids with their users. */
  async insertNew(notifications: readonly NewNotification[]): Promise<Array<{ id: string; userId: string }>> {
    // In stored form, by the driver, gathered with the other notices of this moment (gathered-insert.ts): a sweep tells many at once.
    const at = new Date();
    const docs = notifications.map((n) => ({
      _id: new mongoose.Types.ObjectId(),
      userId: new mongoose.Types.ObjectId(n.userId),
      kind: n.kind,
      dedupeKey: n.dedupeKey,
      title: { vi: n.title.vi, en: n.title.en },
      body: { vi: n.body.vi, en: n.body.en },
      data: { ...n.data },
      emailState: 'pending',
      emailAttempts: 0,
      createdAt: at,
      updatedAt: at,
    }));
    const inserted = await insertGathered(NotificationModel, docs);
    return docs.filter((_, i) => inserted[i]).map((doc) => ({ id: doc._id.toHexString(), userId: doc.userId.toHexString() }));
  },

  /** One user's notifications, one page in `_id` order; only unread ones when asked. */
  async listFor(userId: string, unreadOnly: boolean, page: PageRequest): Promise<Page<NotificationRecord>> {
    const filter: Record<string, unknown> = { userId: toId(userId) ?? { $in: [] } };
    if (unreadOnly) filter.readAt = { $exists: false };
    return findPage<NotificationRecord>(NotificationModel, filter, page, {});
  },

  /** Notifications whose email is to be sent, oldest first: pending, or claimed by a run whose claim lapsed at or before `at` (its worker died). */
  async pendingEmails(limit: number, at: Date): Promise<NotificationRecord[]> {
    return (await NotificationModel.find(claimable(at)).sort({ _id: 1 }).limit(limit).lean()) as NotificationRecord[];
  },

  /** Takes an email for sending until `until`, if it is still claimable at `at`; of racing workers exactly one gets it. */
  async claimEmail(id: mongoose.Types.ObjectId, at: Date, until: Date): Promise<NotificationRecord | undefined> {
    const doc = await NotificationModel.findOneAndUpdate({ _id: id, ...claimable(at) }, { $set: { emailState: 'sending', emailClaimExpiresAt: until }, $inc: { emailAttempts: 1 } }, { new: true }).lean();
    return (doc as NotificationRecord | null) ?? undefined;
  },

  /**
   * Records how a claimed email ended: sent, given up, skipped, or back to
   * pending for another try. Only while this claim (`attempt`) is the
   * email's: a run that outlived its claim changes nothing.
   */
  async settleEmail(id: mongoose.Types.ObjectId, attempt: number, state: 'sent' | 'failed' | 'skipped' | 'pending', at: Date): Promise<void> {
    await NotificationModel.updateOne(
      { _id: id, emailState: 'sending', emailAttempts: attempt },
      { $set: { emailState: state, ...(state === 'sent' ? { emailedAt: at } : {}) }, $unset: { emailClaimExpiresAt: 1 } },
    );
  },

  /** Marks one of the user's notifications read (once); undefined when it is not theirs or not there. */
  async markRead(userId: string, id: string, at: Date): Promise<NotificationRecord | undefined> {
    const [_id, owner] = [toId(id), toId(userId)];
    if (!_id || !owner) return undefined;
    await NotificationModel.updateOne({ _id, userId: owner, readAt: { $exists: false } }, { $set: { readAt: at } });
    const doc = await NotificationModel.findOne({ _id, userId: owner }).lean();
    return (doc as NotificationRecord | null) ?? undefined;
  },
};

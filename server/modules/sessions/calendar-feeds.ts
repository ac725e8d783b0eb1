/** The only door to calendar feeds: private per-user URLs with a revocable token (only its hash is stored). */
import { createHash, randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { CalendarFeedModel } from './session.model.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const calendarFeeds = {
  /** A new token for the user, replacing (revoking) any earlier one. */
  async issue(userId: string, at: Date): Promise<{ token: string; createdAt: Date }> {
    const token = randomBytes(24).toString('base64url');
    await CalendarFeedModel.replaceOne({ _id: new mongoose.Types.ObjectId(userId) }, { tokenHash: hashOf(token), createdAt: at }, { upsert: true });
    return { token, createdAt: at };
  },

  /** True when there was a feed to revoke. */
  async revoke(userId: string): Promise<boolean> {
    return (await CalendarFeedModel.deleteOne({ _id: new mongoose.Types.ObjectId(userId) })).deletedCount === 1;
  },

  /** The user whose feed this token opens, if any. */
  async ownerOf(token: string): Promise<string | undefined> {
    const feed = await CalendarFeedModel.findOne({ tokenHash: hashOf(token) }, { _id: 1 }).lean();
    return feed?._id.toHexString();
  },
};

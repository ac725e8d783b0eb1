/**
 * What the matching review changed about stored data: expired requests
 * from before `expiryToldAt` existed were told when they expired, so they
 * are marked told (else the expiry sweep would announce them again); and a
 * mentor whose account was deactivated before deactivation paused profiles
 * is paused now, as if it had happened then.
 */
import type { Db } from 'mongodb';
import type { Migration } from '../core/db/migrations.js';

async function markExpiredRequestsTold(db: Db): Promise<void> {
  const requests = db.collection<{ status: string; expiryToldAt?: Date; updatedAt?: Date }>('mentor_requests');
  for (const request of await requests.find({ status: 'expired', expiryToldAt: { $exists: false } }, { projection: { _id: 1, updatedAt: 1 } }).toArray()) {
    await requests.updateOne({ _id: request._id, expiryToldAt: { $exists: false } }, { $set: { expiryToldAt: request.updatedAt ?? new Date() } });
  }
}

async function pauseDeactivatedMentors(db: Db, log: (line: string) => void): Promise<void> {
  const deactivated = await db.collection('users').find({ status: 'deactivated' }, { projection: { _id: 1 } }).toArray();
  if (deactivated.length === 0) return;
  const at = new Date();
  for (const mentor of await db.collection('mentors').find({ userId: { $in: deactivated.map((u) => u._id) }, status: 'active' }, { projection: { _id: 1 } }).toArray()) {
    const paused = await db.collection('mentors').updateOne(
      { _id: mentor._id, status: 'active' },
      { $set: { status: 'paused', updatedAt: at }, $push: { statusHistory: { from: 'active', to: 'paused', at, by: null } } as never },
    );
    if (paused.modifiedCount === 1) log(`mentor ${mentor._id.toHexString()} paused: their account is deactivated`);
  }
}

export const matchingFollowups: Migration = {
  id: '2026-12-01-matching-followups',
  async up(db, log) {
    await markExpiredRequestsTold(db);
    await pauseDeactivatedMentors(db, log);
  },
};

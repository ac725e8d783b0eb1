/**
 * From the first embedded engine's workarounds to plain MongoDB (decision
 * 008): state changes were claimed in ledger collections and a startup's
 * team lived in `startup_members`. Now a guarded update changes the record
 * and appends its history in place, and the team is an array in the
 * startup. This folds what only the old collections held into the records,
 * then drops the old collections (admission and milestone ledgers held
 * nothing their records' histories do not).
 */
import type { Db, ObjectId } from 'mongodb';
import type { Migration } from '../core/db/migrations.js';
import { buildSearchText } from '../core/text/search-text.js';

const OLD_COLLECTIONS = ['startup_members', 'mentor_status_changes', 'cohort_admission_changes', 'milestone_changes'];

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

async function teamsIntoStartups(db: Db, log: (line: string) => void): Promise<void> {
  const rows = await db.collection<{ startupId: ObjectId; userId: ObjectId; role: string; addedAt: Date }>('startup_members').find().sort({ addedAt: 1, _id: 1 }).toArray();
  const teams = groupBy(rows, (row) => row.startupId.toHexString());
  for (const startup of await db.collection('startups').find({ members: { $exists: false } }, { projection: { _id: 1 } }).toArray()) {
    const team = (teams.get(startup._id.toHexString()) ?? []).map(({ userId, role, addedAt }) => ({ userId, role, addedAt }));
    // Only a crash between the two inserts of the old create left a startup without its owner row;
    // nothing records who created it, so staff still see it and must re-create it for its founder.
    if (!team.some((member) => member.role === 'owner')) log(`startup ${startup._id.toHexString()} has no owner; only staff can see it`);
    await db.collection('startups').updateOne({ _id: startup._id, members: { $exists: false } }, { $set: { members: team, revision: 0 } });
  }
}

async function statusHistoryIntoMentors(db: Db): Promise<void> {
  const rows = await db.collection<{ mentorId: ObjectId; revision: number; from: string; to: string; at: Date; by: ObjectId | null }>('mentor_status_changes').find().sort({ revision: 1 }).toArray();
  const histories = groupBy(rows, (row) => row.mentorId.toHexString());
  for (const mentor of await db.collection('mentors').find({ statusHistory: { $exists: false } }, { projection: { _id: 1 } }).toArray()) {
    const history = (histories.get(mentor._id.toHexString()) ?? []).map(({ from, to, at, by }) => ({ from, to, at, by }));
    await db.collection('mentors').updateOne({ _id: mentor._id, statusHistory: { $exists: false } }, { $set: { statusHistory: history } });
  }
}

async function userSearchText(db: Db): Promise<void> {
  for (const user of await db.collection<{ name: string; email: string }>('users').find({ searchText: { $exists: false } }).toArray()) {
    await db.collection('users').updateOne({ _id: user._id }, { $set: { searchText: buildSearchText([user.name, user.email]) } });
  }
}

export const plainMongoDb: Migration = {
  id: '2026-11-28-plain-mongodb',
  async up(db, log) {
    await teamsIntoStartups(db, log);
    await statusHistoryIntoMentors(db);
    await userSearchText(db);
    const present = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const name of OLD_COLLECTIONS.filter((n) => present.has(n))) {
      // 26 NamespaceNotFound: another process starting at the same time dropped it first.
      await db.collection(name).drop().catch((error: { code?: number }) => {
        if (error.code !== 26) throw error;
      });
    }
  },
};

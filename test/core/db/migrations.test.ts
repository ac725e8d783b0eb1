/**
 * A database written by the previous version (change ledgers, teams in
 * `startup_members`, users without search text) is migrated at start:
 * nothing it held is lost, the old collections go, and a second start
 * runs nothing again.
 */
import { expect } from 'chai';
import { MongoClient, ObjectId } from 'mongodb';
import { signAccessToken } from '../../../server/core/auth/tokens.js';
import { runMigrations } from '../../../server/core/db/migrations.js';
import { plainMongoDb } from '../../../server/migrations/2026-11-28-plain-mongodb.js';
import { migrations } from '../../../server/migrations/index.js';
import { startTestRunway, testDatabaseUri, uniqueDbName, type TestRunway } from '../../helpers/runway.js';

describe('migrations at start: from the ledgers to plain MongoDB', () => {
  const dbName = uniqueDbName();
  let client: MongoClient;
  let runway: TestRunway | undefined;
  const ids = { admin: new ObjectId(), founder: new ObjectId(), teammate: new ObjectId(), mentorUser: new ObjectId(), startup: new ObjectId(), mentor: new ObjectId() };
  const at = new Date('2026-03-02T03:00:00Z');

  before(async () => {
    client = await MongoClient.connect(testDatabaseUri());
    const db = client.db(dbName);
    const user = (_id: ObjectId, email: string, name: string, role: string) => ({ _id, email, name, role, passwordHash: 'x', status: 'active', locale: 'vi', createdAt: at, updatedAt: at });
    await db.collection('users').insertMany([
      user(ids.admin, 'admin@old.vn', 'Quản trị', 'admin'),
      user(ids.founder, 'phuc@old.vn', 'Lê Hoàng Phúc', 'startup'),
      user(ids.teammate, 'lan@old.vn', 'Nguyễn Thị Lan', 'startup'),
      user(ids.mentorUser, 'minh@old.vn', 'Trần Văn Minh', 'mentor'),
    ]);
    await db.collection('startups').insertOne({
      _id: ids.startup, name: 'Nấm Rơm Ô Môn', description: '', kind: 'individual', growthBasis: ['technology'], sectors: ['agriculture'],
      stage: 'idea', needs: [], searchText: 'nam rom o mon', createdAt: at, updatedAt: at,
    });
    await db.collection('startup_members').insertMany([
      { startupId: ids.startup, userId: ids.founder, role: 'owner', addedAt: at },
      { startupId: ids.startup, userId: ids.teammate, role: 'member', addedAt: new Date(at.getTime() + 60_000) },
    ]);
    await db.collection('mentors').insertOne({
      _id: ids.mentor, userId: ids.mentorUser, name: 'Trần Văn Minh', title: '', organisation: '', bio: '', sectors: [], stages: [], expertise: [],
      languages: ['vi'], timezone: 'Asia/Ho_Chi_Minh', mode: 'online', status: 'paused', revision: 2,
      capacity: { maxActiveMentees: 3, maxSessionsPerMonth: 8 }, availability: { weekly: [], blockedDates: [] },
      sessionMinutes: 60, bufferMinutes: 0, minNoticeHours: 24, conflicts: { startupIds: [], enterpriseCodes: [] },
      stats: { activeMentees: 0, sessionsHeld: 0, hoursHeld: 0, rating: null, ratingCount: 0, medianResponseHours: null },
      searchText: 'tran van minh', createdAt: at, updatedAt: at,
    });
    await db.collection('mentor_status_changes').insertMany([
      { mentorId: ids.mentor, revision: 1, from: 'active', to: 'paused', at: new Date(at.getTime() + 1000), by: ids.mentorUser, set: {} },
      { mentorId: ids.mentor, revision: 0, from: 'pending', to: 'active', at, by: ids.admin, set: {} },
    ]);
    await db.collection('milestone_changes').insertOne({ milestoneId: new ObjectId(), revision: 0, from: 'planned', to: 'done', at, by: ids.founder });
    await db.collection('cohort_admission_changes').insertOne({ admissionId: new ObjectId(), revision: 0, from: 'active', to: 'withdrawn', at, by: ids.admin });

    runway = await startTestRunway({ DB_NAME: dbName });
  });
  after(async () => {
    await runway?.stop();
    await client.close();
  });

  const tokenOf = (id: ObjectId, role: 'admin' | 'startup') => signAccessToken(runway!.context.tokens, { sub: id.toHexString(), role });

  it('a startup’s team moves into the startup, oldest first; the teammate may still edit it', async () => {
    const response = await runway!.http('GET', `/api/v1/startups/${ids.startup.toHexString()}`, { token: tokenOf(ids.teammate, 'startup') });
    expect(response.status, response.text).to.equal(200);
    expect(response.body.members.map((m: { userId: string; role: string }) => `${m.role}:${m.userId}`)).to.deep.equal([
      `owner:${ids.founder.toHexString()}`,
      `member:${ids.teammate.toHexString()}`,
    ]);
    const patched = await runway!.http('PATCH', `/api/v1/startups/${ids.startup.toHexString()}`, { token: tokenOf(ids.teammate, 'startup'), body: { stage: 'prototype' } });
    expect(patched.status, patched.text).to.equal(200);
  });

  it('a mentor’s status ledger becomes its status history, in revision order', async () => {
    const response = await runway!.http('GET', `/api/v1/mentors/${ids.mentor.toHexString()}`, { token: tokenOf(ids.admin, 'admin') });
    expect(response.body.statusHistory.map((c: { from: string; to: string; by: string }) => `${c.from}→${c.to} by ${c.by}`)).to.deep.equal([
      `pending→active by ${ids.admin.toHexString()}`,
      `active→paused by ${ids.mentorUser.toHexString()}`,
    ]);
  });

  it('users become searchable by name without diacritics', async () => {
    const response = await runway!.http('GET', '/api/v1/users?q=hoang%20phuc', { token: tokenOf(ids.admin, 'admin') });
    expect(response.body.items.map((u: { email: string }) => u.email)).to.deep.equal(['phuc@old.vn']);
  });

  it('the four old collections are gone, and each migration is recorded once', async () => {
    const names = (await client.db(dbName).listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    for (const old of ['startup_members', 'mentor_status_changes', 'cohort_admission_changes', 'milestone_changes']) expect(names).not.to.include(old);
    const recorded = await client.db(dbName).collection('migrations').find().toArray();
    expect(recorded.map((m) => m._id)).to.deep.equal(migrations.map((m) => m.id));
  });

  it('a later start runs nothing; running the migration itself again (a racing process) changes nothing', async () => {
    expect(await runMigrations(client.db(dbName), migrations)).to.deep.equal([]);
    const before = await client.db(dbName).collection('startups').findOne({ _id: ids.startup });
    await plainMongoDb.up(client.db(dbName), () => {});
    expect(await client.db(dbName).collection('startups').findOne({ _id: ids.startup })).to.deep.equal(before);
  });

  it('a startup whose owner row was never written is reported, not silently left ownerless', async () => {
    const orphan = new ObjectId();
    await client.db(dbName).collection('startups').insertOne({ _id: orphan, name: 'Mồ Côi', kind: 'individual', createdAt: at, updatedAt: at });
    const lines: string[] = [];
    await plainMongoDb.up(client.db(dbName), (line) => lines.push(line));
    expect(lines).to.deep.equal([`startup ${orphan.toHexString()} has no owner; only staff can see it`]);
    expect(await client.db(dbName).collection('startups').findOne({ _id: orphan })).to.deep.include({ members: [] });
  });
});

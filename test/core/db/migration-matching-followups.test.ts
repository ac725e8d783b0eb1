/**
 * The matching follow-ups migration on a real database: expired requests
 * of before are marked told (the sweep does not announce them again), and
 * an active mentor whose account is deactivated is paused, with history.
 */
import { expect } from 'chai';
import { MongoClient, ObjectId } from 'mongodb';
import { runMigrations } from '../../../server/core/db/migrations.js';
import { matchingFollowups } from '../../../server/migrations/2026-12-01-matching-followups.js';
import { testDatabaseUri, uniqueDbName } from '../../helpers/runway.js';

describe('migration 2026-12-01: matching follow-ups', () => {
  let client: MongoClient;
  const at = new Date('2026-10-01T03:00:00Z');
  const ids = { gone: new ObjectId(), here: new ObjectId(), goneMentor: new ObjectId(), hereMentor: new ObjectId(), expired: new ObjectId(), pending: new ObjectId() };

  before(async () => {
    client = await MongoClient.connect(testDatabaseUri());
  });
  after(() => client.close());

  it('marks old expired requests told, pauses deactivated mentors with a history entry, and runs once', async () => {
    const db = client.db(uniqueDbName());
    await db.collection('users').insertMany([
      { _id: ids.gone, email: 'gone@old.vn', status: 'deactivated', role: 'mentor' },
      { _id: ids.here, email: 'here@old.vn', status: 'active', role: 'mentor' },
    ]);
    await db.collection('mentors').insertMany([
      { _id: ids.goneMentor, userId: ids.gone, status: 'active', statusHistory: [{ from: 'pending', to: 'active', at, by: null }], updatedAt: at },
      { _id: ids.hereMentor, userId: ids.here, status: 'active', statusHistory: [], updatedAt: at },
    ]);
    await db.collection('mentor_requests').insertMany([
      { _id: ids.expired, status: 'expired', updatedAt: at },
      { _id: ids.pending, status: 'pending', updatedAt: at },
    ]);
    const lines: string[] = [];
    expect(await runMigrations(db, [matchingFollowups], (line) => lines.push(line))).to.deep.equal(['2026-12-01-matching-followups']);

    const gone = await db.collection('mentors').findOne({ _id: ids.goneMentor });
    expect(gone!.status).to.equal('paused');
    expect(gone!.statusHistory.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).to.deep.equal(['pending→active', 'active→paused']);
    expect((await db.collection('mentors').findOne({ _id: ids.hereMentor }))!.status).to.equal('active');
    expect(lines.filter((line) => line.includes('paused'))).to.deep.equal([`migration 2026-12-01-matching-followups: mentor ${ids.goneMentor.toHexString()} paused: their account is deactivated`]);
    expect((await db.collection('mentor_requests').findOne({ _id: ids.expired }))!.expiryToldAt).to.deep.equal(at);
    expect((await db.collection('mentor_requests').findOne({ _id: ids.pending }))!.expiryToldAt).to.equal(undefined);

    expect(await runMigrations(db, [matchingFollowups])).to.deep.equal([]);
    await db.dropDatabase();
  });
});

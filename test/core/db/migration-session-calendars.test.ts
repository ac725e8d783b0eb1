/**
 * The session calendars migration on a real database: each mentor's
 * calendar is built from their sessions (holds of those to come, every
 * month's count), a booking left pending is abandoned, scheduled sessions
 * get their follow-ups instead of Agenda jobs, and an email stuck `sending`
 * is sent again.
 */
import { expect } from 'chai';
import { MongoClient, ObjectId } from 'mongodb';
import { runMigrations } from '../../../server/core/db/migrations.js';
import { sessionCalendars } from '../../../server/migrations/2026-12-02-session-calendars.js';
import { testDatabaseUri, uniqueDbName } from '../../helpers/runway.js';

describe('migration 2026-12-02: session calendars', () => {
  let client: MongoClient;
  before(async () => {
    client = await MongoClient.connect(testDatabaseUri());
  });
  after(() => client.close());

  it('builds calendars from sessions, abandons pending bookings, moves follow-ups onto sessions, releases stuck emails, once', async () => {
    const db = client.db(uniqueDbName());
    const mentorId = new ObjectId();
    const soon = Date.now() + 3 * 86_400_000;
    const session = (status: string, start: number, month: string) => ({ _id: new ObjectId(), mentorId, start: new Date(start), end: new Date(start + 3_600_000), month, status });
    const past = session('completed', Date.UTC(2026, 9, 1, 2), '2026-10');
    const coming = session('scheduled', soon, 'later');
    const cancelled = session('cancelled', soon + 7_200_000, 'later');
    const pending = session('pending', soon + 14_400_000, 'later');
    await db.collection('sessions').insertMany([past, coming, cancelled, pending]);
    await db.collection('mentorCalendars').insertOne({ _id: mentorId, rev: 7 } as never);
    await db.collection('agendaJobs').insertMany([{ name: 'session.remind', data: { sessionId: String(coming._id) } }, { name: 'requests.expire', data: {} }]);
    const stuck = new ObjectId();
    await db.collection('notifications').insertOne({ _id: stuck, emailState: 'sending' });

    expect(await runMigrations(db, [sessionCalendars])).to.deep.equal(['2026-12-02-session-calendars']);
    const calendar = await db.collection('mentorCalendars').findOne({ _id: mentorId } as never);
    expect(calendar?.rev, 'a fresh revision').to.equal(0);
    expect(calendar?.months).to.deep.equal({ '2026-10': 1, later: 1 });
    expect((calendar?.holds as Array<{ sessionId: ObjectId }>).map((h) => String(h.sessionId))).to.deep.equal([String(coming._id)]);
    expect((await db.collection('sessions').findOne({ _id: pending._id }))?.status).to.equal('abandoned');
    const due = (await db.collection('sessions').findOne({ _id: coming._id }))?.due as Record<string, Date>;
    expect(Object.keys(due)).to.deep.equal(['remind24h', 'remind1h', 'feedback', 'noShow']);
    expect(due.remind1h!.getTime()).to.equal(soon - 3_600_000);
    expect((await db.collection('agendaJobs').find({}).toArray()).map((j) => j.name)).to.deep.equal(['requests.expire']);
    expect((await db.collection('notifications').findOne({ _id: stuck }))?.emailState).to.equal('pending');
    expect(await runMigrations(db, [sessionCalendars])).to.deep.equal([]);
    await db.dropDatabase();
  });
});

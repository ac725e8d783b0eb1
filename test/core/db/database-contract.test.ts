/**
 * The database contract: what Runway relies on from whatever MongoDB-speaking
 * server it runs on. DATABASE.md rules 1–2 put our invariants (one booking
 * per slot, one claim per job, one reminder per session and kind) in the
 * database: unique indexes and atomic conditional updates, never
 * read-then-write. So an engine is fit only if single-document updates are
 * atomic under concurrency, unique indexes raise E11000, and the query,
 * update and aggregation operators the app uses give MongoDB's answers.
 *
 * The same suite runs against the run's server (the in-memory embedded
 * engine, or a real MongoDB when MONGODB_URI is set) and against the
 * embedded engine on a file, started here in a temp folder (skipped when
 * MONGODB_URI is set: that machine may have no Java).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Double, MongoBulkWriteError, MongoClient, ObjectId, type Db, type Document, type Filter, type UpdateFilter } from 'mongodb';
import { startEmbeddedDb } from '../../../server/core/db/embedded/launcher.js';
import { testDatabaseUri, uniqueDbName } from '../../helpers/runway.js';

interface Engine {
  uri: string;
  stop(): Promise<void>;
}

const engines: { title: string; needsJava: boolean; start(): Promise<Engine> }[] = [
  { title: "the run's server", needsJava: false, start: async () => ({ uri: testDatabaseUri(), stop: async () => {} }) },
  {
    title: 'the embedded engine on a file',
    needsJava: true,
    start: async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'runway-contract-'));
      const removeDir = () => rm(dataDir, { recursive: true, force: true });
      try {
        const server = await startEmbeddedDb({ storage: 'file', dataDir });
        return { uri: server.connectionUri, stop: async () => void (await server.stop(), await removeDir()) };
      } catch (error) {
        await removeDir();
        throw error;
      }
    },
  },
];

/** Several clients, so that concurrent operations arrive on different connections. */
const CLIENTS = 4;

/** Runs `count` calls at once, call `i` on database handle `i % CLIENTS`. */
function atOnce<T>(dbs: Db[], count: number, fn: (db: Db, i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => fn(dbs[i % dbs.length]!, i)));
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: unknown };
  }
  return expect.fail('expected the database to refuse the write');
}

const ids = (docs: Document[]) => docs.map((d) => d._id);

/** Documents keyed by the app's own string ids. */
type Row<T> = { _id: string } & T;
type Counter = Row<{ n: number }>;
type Guarded = Row<{ v: number; n: number }>;
type Job = Row<{ lockedBy: string | null }>;

// Seed for the operator checks: mentors (ids 1–4) and their sessions.
const mentors: Document[] = [
  { _id: 1, name: 'Lan', status: 'active', score: 10, tags: ['agri', 'fintech'], searchText: 'nong nghiep can tho', profile: { city: 'Cần Thơ', years: 5 },
    members: [{ userId: 'u1', role: 'owner' }, { userId: 'u2', role: 'member' }] },
  { _id: 2, name: 'Minh', status: 'paused', score: 20, tags: ['edtech'], searchText: 'giao duc ha noi', profile: { city: 'Hà Nội', years: 2 },
    members: [{ userId: 'u2', role: 'owner' }], archivedAt: new Date('2026-01-02T03:04:05Z') },
  { _id: 3, name: 'Hoa', status: 'active', score: 30, tags: [], searchText: 'nong nghiep soc trang', profile: { city: 'Sóc Trăng', years: 8 }, members: [] },
  { _id: 4, name: 'Tuan', status: 'closed', score: 40, tags: ['agri'], searchText: 'thuy san ca mau', profile: { city: 'Cà Mau', years: 1 },
    members: [{ userId: 'u3', role: 'member' }] },
];
const sessions: Document[] = [
  { _id: 's1', mentorId: 1 },
  { _id: 's2', mentorId: 1 },
  { _id: 's3', mentorId: 3 },
];

const queries: [string, Filter<Document>, number[]][] = [
  ['$in', { status: { $in: ['paused', 'closed'] } }, [2, 4]],
  ['$nin', { status: { $nin: ['active', 'closed'] } }, [2]],
  ['$gt', { score: { $gt: 20 } }, [3, 4]],
  ['$gte', { score: { $gte: 20 } }, [2, 3, 4]],
  ['$lt', { score: { $lt: 20 } }, [1]],
  ['$lte', { score: { $lte: 20 } }, [1, 2]],
  ['$ne', { status: { $ne: 'active' } }, [2, 4]],
  ['$or', { $or: [{ score: 10 }, { status: 'closed' }] }, [1, 4]],
  ['$and', { $and: [{ status: 'active' }, { score: { $gt: 10 } }] }, [3]],
  ['$exists: true', { archivedAt: { $exists: true } }, [2]],
  ['$exists: false', { archivedAt: { $exists: false } }, [1, 3, 4]],
  ['$regex on folded text', { searchText: { $regex: 'nong nghiep' } }, [1, 3]],
  ['$regex anchored, case-insensitive', { searchText: { $regex: '^NONG', $options: 'i' } }, [1, 3]],
  ['$size', { tags: { $size: 2 } }, [1]],
  ['$elemMatch (both conditions on one element)', { members: { $elemMatch: { userId: 'u2', role: 'owner' } } }, [2]],
  ['dotted paths into an array, each on any element', { 'members.userId': 'u2', 'members.role': 'owner' }, [1, 2]],
  ['equality against an array element', { tags: 'agri' }, [1, 4]],
  ['dotted path into a subdocument', { 'profile.years': { $gte: 5 } }, [1, 3]],
  ['dotted path into an array of subdocuments', { 'members.userId': 'u1' }, [1]],
];

interface UpdateRow {
  _id: string;
  n: number;
  name: string;
  note?: string;
  tags: string[];
  profile: { city: string; years: number };
  low: number;
  high: number;
  seenAt?: Date;
}
const updates: [string, UpdateFilter<UpdateRow>, (doc: UpdateRow) => void][] = [
  ['$set, with a dotted path', { $set: { name: 'B', 'profile.city': 'Cần Thơ' } }, (d) => expect([d.name, d.profile]).to.deep.equal(['B', { city: 'Cần Thơ', years: 3 }])],
  ['$unset', { $unset: { note: '' } }, (d) => expect(d).not.to.have.property('note')],
  ['$inc, with a dotted path', { $inc: { n: 2, 'profile.years': -1 } }, (d) => expect([d.n, d.profile.years]).to.deep.equal([3, 2])],
  ['$push', { $push: { tags: 'c' } }, (d) => expect(d.tags).to.deep.equal(['a', 'b', 'a', 'c'])],
  ['$push with $each', { $push: { tags: { $each: ['c', 'd'] } } }, (d) => expect(d.tags).to.deep.equal(['a', 'b', 'a', 'c', 'd'])],
  ['$addToSet with $each', { $addToSet: { tags: { $each: ['a', 'c'] } } }, (d) => expect(d.tags).to.deep.equal(['a', 'b', 'a', 'c'])],
  ['$pull', { $pull: { tags: 'a' } }, (d) => expect(d.tags).to.deep.equal(['b'])],
  ['$min', { $min: { low: 3, high: 9 } }, (d) => expect([d.low, d.high]).to.deep.equal([3, 5])],
  ['$max', { $max: { low: 3, high: 9 } }, (d) => expect([d.low, d.high]).to.deep.equal([5, 9])],
  ['$currentDate', { $currentDate: { seenAt: true } }, (d) => {
    expect(d.seenAt).to.be.instanceOf(Date);
    expect(Math.abs(d.seenAt!.getTime() - Date.now())).to.be.below(5 * 60_000); // the server's clock
  }],
];

const pipelines: [string, Document[], Document[]][] = [
  ['$match + $sort + $project', [{ $match: { status: { $ne: 'closed' } } }, { $sort: { score: -1 } }, { $project: { _id: 1 } }], [{ _id: 3 }, { _id: 2 }, { _id: 1 }]],
  ['$skip + $limit', [{ $sort: { score: 1 } }, { $skip: 1 }, { $limit: 2 }, { $project: { _id: 1 } }], [{ _id: 2 }, { _id: 3 }]],
  ['$project with a renamed dotted path', [{ $match: { _id: 1 } }, { $project: { _id: 0, name: 1, city: '$profile.city' } }], [{ name: 'Lan', city: 'Cần Thơ' }]],
  [
    '$group with $sum, $push, $first',
    [
      { $sort: { score: 1 } },
      { $group: { _id: '$status', total: { $sum: '$score' }, count: { $sum: 1 }, names: { $push: '$name' }, first: { $first: '$name' } } },
      { $sort: { _id: 1 } },
    ],
    [
      { _id: 'active', total: 40, count: 2, names: ['Lan', 'Hoa'], first: 'Lan' },
      { _id: 'closed', total: 40, count: 1, names: ['Tuan'], first: 'Tuan' },
      { _id: 'paused', total: 20, count: 1, names: ['Minh'], first: 'Minh' },
    ],
  ],
  [
    '$lookup (localField/foreignField)',
    [
      { $match: { _id: { $in: [2, 3] } } },
      { $lookup: { from: 'sessions', localField: '_id', foreignField: 'mentorId', as: 'sessions' } },
      { $sort: { _id: 1 } },
      { $project: { sessions: 1 } },
    ],
    [{ _id: 2, sessions: [] }, { _id: 3, sessions: [{ _id: 's3', mentorId: 3 }] }],
  ],
  [
    '$lookup + $unwind',
    [
      { $lookup: { from: 'sessions', localField: '_id', foreignField: 'mentorId', as: 's' } },
      { $unwind: '$s' },
      { $sort: { 's._id': 1 } },
      { $project: { _id: 0, mentor: '$_id', session: '$s._id' } },
    ],
    [{ mentor: 1, session: 's1' }, { mentor: 1, session: 's2' }, { mentor: 3, session: 's3' }],
  ],
  [
    '$unwind of an array field + $group',
    [{ $unwind: '$tags' }, { $group: { _id: '$tags', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
    [{ _id: 'agri', n: 2 }, { _id: 'edtech', n: 1 }, { _id: 'fintech', n: 1 }],
  ],
  ['$count', [{ $match: { status: 'active' } }, { $count: 'total' }], [{ total: 2 }]],
  [
    '$facet (a page and its total)',
    [{ $facet: { page: [{ $sort: { score: -1 } }, { $limit: 2 }, { $project: { _id: 1 } }], total: [{ $count: 'n' }] } }],
    [{ page: [{ _id: 4 }, { _id: 3 }], total: [{ n: 4 }] }],
  ],
  [
    // The cohort board's shape: a looked-up document's field by $arrayElemAt, an array trimmed by $map.
    '$lookup + $project with $arrayElemAt and $map',
    [
      { $match: { _id: { $in: [1, 3] } } },
      { $lookup: { from: 'sessions', localField: '_id', foreignField: 'mentorId', as: 'sessions' } },
      {
        $project: {
          name: 1,
          firstSession: { $arrayElemAt: ['$sessions._id', 0] },
          sessions: { $map: { input: '$sessions', as: 's', in: { id: '$$s._id' } } },
        },
      },
      { $sort: { _id: 1 } },
    ],
    [
      { _id: 1, name: 'Lan', firstSession: 's1', sessions: [{ id: 's1' }, { id: 's2' }] },
      { _id: 3, name: 'Hoa', firstSession: 's3', sessions: [{ id: 's3' }] },
    ],
  ],
  [
    '$addFields',
    [{ $match: { _id: 1 } }, { $addFields: { city: '$profile.city', memberCount: { $size: '$members' } } }, { $project: { _id: 0, city: 1, memberCount: 1 } }],
    [{ city: 'Cần Thơ', memberCount: 2 }],
  ],
];

for (const engine of engines) {
  describe(`database contract on ${engine.title}`, function () {
    let server: Engine | undefined;
    let clients: MongoClient[] = [];
    let dbs: Db[] = [];
    let db: Db;

    before(async function () {
      if (engine.needsJava && process.env.MONGODB_URI) this.skip();
      this.timeout(180_000); // a first start may build the embedded engine
      server = await engine.start();
      clients = await Promise.all(Array.from({ length: CLIENTS }, () => MongoClient.connect(server!.uri)));
      const dbName = uniqueDbName();
      dbs = clients.map((client) => client.db(dbName));
      db = dbs[0]!;
    });
    after(async function () {
      this.timeout(30_000);
      await db?.dropDatabase().catch(() => {});
      await Promise.all(clients.map((client) => client.close()));
      await server?.stop();
    });

    describe('atomic single-document writes under concurrency', () => {
      it('32 concurrent $inc on one document are all kept (5 rounds)', async () => {
        const counters = db.collection<Counter>('counters');
        for (let round = 0; round < 5; round++) {
          await counters.insertOne({ _id: `inc-${round}`, n: 0 });
          const results = await atOnce(dbs, 32, (d) => d.collection<Counter>('counters').updateOne({ _id: `inc-${round}` }, { $inc: { n: 1 } }));
          expect(results.filter((r) => !r.acknowledged || r.modifiedCount !== 1), 'unacknowledged or unapplied').to.deep.equal([]);
          expect(await counters.findOne({ _id: `inc-${round}` }), `round ${round}`).to.include({ n: 32 });
        }
      });

      it('8 concurrent conditional updates: exactly one wins (20 rounds)', async () => {
        const guards = db.collection<Guarded>('guards');
        for (let round = 0; round < 20; round++) {
          const _id = `cas-${round}`;
          await guards.insertOne({ _id, v: 0, n: 0 });
          const results = await atOnce(dbs, 8, (d) => d.collection<Guarded>('guards').updateOne({ _id, v: 0 }, { $set: { v: 1 }, $inc: { n: 1 } }));
          expect(results.map((r) => r.matchedCount).reduce((a, b) => a + b), `round ${round}`).to.equal(1);
          expect(results.map((r) => r.modifiedCount).reduce((a, b) => a + b), `round ${round}`).to.equal(1);
          expect(await guards.findOne({ _id })).to.include({ v: 1, n: 1 });
        }
      });

      it('8 concurrent flips of one array element addressed by index (guard and $set on items.1.*): exactly one wins (20 rounds)', async () => {
        // Action items are flipped this way. Not `$elemMatch` + `items.$`: the embedded engine fails to bind `$` when elements carry more fields.
        type Item = { _id: ObjectId; title: string; done: boolean; by?: number };
        type Items = { _id: ObjectId; items: Item[] };
        for (let round = 0; round < 20; round++) {
          const _id = new ObjectId();
          const [a, b] = [new ObjectId(), new ObjectId()];
          await db.collection<Items>('flips').insertOne({ _id, items: [{ _id: a, title: 'A', done: false }, { _id: b, title: 'B', done: false }] });
          const results = await atOnce(dbs, 8, (d, worker) =>
            d.collection<Items>('flips').findOneAndUpdate({ _id, 'items.1._id': b, 'items.1.done': false }, { $set: { 'items.1.done': true, 'items.1.by': worker } }, { returnDocument: 'after' }),
          );
          const winners = results.filter((r) => r !== null);
          expect(winners, `round ${round}`).to.have.length(1);
          expect((await db.collection<Items>('flips').findOne({ _id }))!.items).to.deep.equal([
            { _id: a, title: 'A', done: false },
            { _id: b, title: 'B', done: true, by: winners[0]!.items[1]!.by },
          ]);
          const undone = await db.collection<Items>('flips').findOneAndUpdate({ _id, 'items.1._id': b, 'items.1.done': true }, { $set: { 'items.1.done': false }, $unset: { 'items.1.by': '' } }, { returnDocument: 'after' });
          expect(undone!.items[1]).to.deep.equal({ _id: b, title: 'B', done: false });
        }
      });

      it('8 concurrent $push guarded by "element N absent" on an array that may be missing: never more than N+1 elements (20 rounds)', async () => {
        type Capped = { _id: string; items?: number[] };
        for (let round = 0; round < 20; round++) {
          const _id = `cap-${round}`;
          await db.collection<Capped>('capped').insertOne({ _id });
          const results = await atOnce(dbs, 8, (d, worker) => d.collection<Capped>('capped').updateOne({ _id, 'items.2': { $exists: false } }, { $push: { items: worker } }));
          expect(results.map((r) => r.modifiedCount).reduce((a, b) => a + b), `round ${round}`).to.equal(3);
          expect((await db.collection<Capped>('capped').findOne({ _id }))!.items, `round ${round}`).to.have.length(3);
        }
      });

      it('8 concurrent holds of overlapping times on one calendar ($push guarded by $not $elemMatch, with a $lt count): exactly one wins (20 rounds)', async () => {
        // Booking takes a slot this way (sessions.repository.ts `hold`).
        type Hold = { start: number; end: number; by: number };
        type Calendar = { _id: string; holds: Hold[]; months: Record<string, number> };
        for (let round = 0; round < 20; round++) {
          const _id = `calendar-${round}`;
          await db.collection<Calendar>('calendars').insertOne({ _id, holds: [{ start: 0, end: 10, by: -1 }], months: { m: 1 } });
          const results = await atOnce(dbs, 8, (d, worker) => {
            const start = 10 + worker; // every one overlaps every other, none the first hold
            return d.collection<Calendar>('calendars').updateOne(
              { _id, holds: { $not: { $elemMatch: { start: { $lt: start + 10 }, end: { $gt: start } } } }, $or: [{ 'months.m': { $exists: false } }, { 'months.m': { $lt: 5 } }] },
              { $push: { holds: { start, end: start + 10, by: worker } }, $inc: { 'months.m': 1 } },
            );
          });
          expect(results.map((r) => r.modifiedCount).reduce((a, b) => a + b), `round ${round}`).to.equal(1);
          const calendar = (await db.collection<Calendar>('calendars').findOne({ _id }))!;
          expect(calendar.holds, `round ${round}`).to.have.length(2);
          expect(calendar.months.m).to.equal(2);
        }
        // And the count's guard alone refuses a hold that overlaps nothing.
        await db.collection<Calendar>('calendars').insertOne({ _id: 'full', holds: [], months: { m: 5 } });
        const full = await db.collection<Calendar>('calendars').updateOne({ _id: 'full', $or: [{ 'months.m': { $exists: false } }, { 'months.m': { $lt: 5 } }] }, { $push: { holds: { start: 0, end: 1, by: 0 } }, $inc: { 'months.m': 1 } });
        expect(full.modifiedCount).to.equal(0);
      });

      it('32 workers claiming 20 jobs with findOneAndUpdate: each job claimed exactly once (20 rounds)', async () => {
        const jobIds = Array.from({ length: 20 }, (_, i) => `job-${String(i).padStart(2, '0')}`);
        for (let round = 0; round < 20; round++) {
          const jobs = db.collection<Job>(`jobs_${round}`);
          await jobs.insertMany(jobIds.map((_id) => ({ _id, lockedBy: null })));
          const claims = await atOnce(dbs, 32, async (d, worker) => {
            const mine: [string, string | null][] = [];
            for (;;) {
              const job = await d
                .collection<Job>(`jobs_${round}`)
                .findOneAndUpdate({ lockedBy: null }, { $set: { lockedBy: `worker-${worker}` } }, { sort: { _id: 1 }, returnDocument: 'after' });
              if (!job) return mine;
              expect(job.lockedBy).to.equal(`worker-${worker}`);
              mine.push([job._id, job.lockedBy]);
            }
          });
          const claimed = claims.flat().sort(([a], [b]) => a.localeCompare(b));
          expect(claimed.map(([id]) => id), `round ${round}: claims`).to.deep.equal(jobIds); // each once, none missing
          const stored = await jobs.find().sort({ _id: 1 }).toArray();
          expect(stored.map((j) => [j._id, j.lockedBy]), `round ${round}: stored owners`).to.deep.equal(claimed);
        }
      });
    });

    describe('unique indexes', () => {
      it('refuse a duplicate with code 11000', async () => {
        const slots = db.collection('slots');
        await slots.createIndex({ key: 1 }, { unique: true });
        await slots.insertOne({ key: 'mentor-1|2026-12-01T02:00Z' });
        expect((await rejection(slots.insertOne({ key: 'mentor-1|2026-12-01T02:00Z' }))).code).to.equal(11000);
        expect(await slots.countDocuments()).to.equal(1);
      });

      it('a unique index created while another client creates its collection holds (20 rounds)', async () => {
        // mongo-java-server once left such an index in the catalog but not on the collection.
        for (let round = 0; round < 20; round++) {
          const name = `racing_${round}`;
          await Promise.allSettled([dbs[1]!.createCollection(name), db.collection(name).createIndex({ key: 1 }, { unique: true })]);
          await db.collection(name).insertOne({ key: 'once' });
          expect((await rejection(db.collection(name).insertOne({ key: 'once' }))).code, `round ${round}`).to.equal(11000);
          await db.collection(name).drop();
        }
      });

      it('refuse a duplicate pair on a compound unique index, and accept a new pair', async () => {
        const bookings = db.collection('bookings');
        await bookings.createIndex({ mentorId: 1, startsAt: 1 }, { unique: true });
        const at = new Date('2026-12-01T02:00:00Z');
        await bookings.insertOne({ mentorId: 'm1', startsAt: at });
        await bookings.insertOne({ mentorId: 'm2', startsAt: at });
        await bookings.insertOne({ mentorId: 'm1', startsAt: new Date('2026-12-01T03:00:00Z') });
        expect((await rejection(bookings.insertOne({ mentorId: 'm1', startsAt: at }))).code).to.equal(11000);
        expect(await bookings.countDocuments()).to.equal(3);
      });

      it('insertMany({ ordered: false }) inserts the others and reports the duplicate with 11000', async () => {
        const reminders = db.collection('reminders');
        await reminders.createIndex({ sessionId: 1, kind: 1 }, { unique: true });
        await reminders.insertOne({ sessionId: 's1', kind: '24h' });
        const batch = ['1h', '24h', '15m'].map((kind) => ({ sessionId: 's1', kind })).concat({ sessionId: 's2', kind: '24h' });
        const error = await rejection(reminders.insertMany(batch, { ordered: false }));
        expect(error).to.be.instanceOf(MongoBulkWriteError);
        const writeErrors = [(error as MongoBulkWriteError).writeErrors].flat();
        expect(writeErrors.map((e) => [e.code, e.index])).to.deep.equal([[11000, 1]]);
        expect(await reminders.countDocuments()).to.equal(4);
      });
    });

    describe('queries that pin a unique key and ask more (the embedded engine reads them through the index)', () => {
      const ids = (docs: Document[]) => docs.map((d) => d._id as unknown).sort();

      it('by _id with a guard: found, updated and deleted only when the guard holds', async () => {
        const pinned = db.collection('pinned_id');
        const [a, b] = [new ObjectId(), new ObjectId()];
        await pinned.insertMany([{ _id: a, status: 'open', n: 1 }, { _id: b, status: 'closed', n: 2 }]);
        expect(ids(await pinned.find({ _id: a, status: 'open' }).toArray())).to.deep.equal([a]);
        expect(await pinned.find({ _id: a, status: 'closed' }).toArray()).to.deep.equal([]);
        expect(ids(await pinned.find({ _id: { $in: [a, b, new ObjectId()] }, n: { $gte: 1 } }).toArray())).to.deep.equal(ids([{ _id: a }, { _id: b }]));
        expect(ids(await pinned.find({ _id: { $in: [a, b] }, status: 'closed' }).toArray())).to.deep.equal([b]);
        expect(ids(await pinned.find({ _id: a, $or: [{ status: 'gone' }, { n: 1 }] }).toArray())).to.deep.equal([a]);
        expect((await pinned.updateOne({ _id: a, status: 'closed' }, { $set: { n: 9 } })).modifiedCount).to.equal(0);
        expect((await pinned.updateOne({ _id: a, status: 'open' }, { $set: { n: 9 } })).modifiedCount).to.equal(1);
        expect(await pinned.findOneAndUpdate({ _id: b, status: 'open' }, { $set: { n: 7 } })).to.equal(null);
        expect(await pinned.countDocuments({ _id: a, n: 9 })).to.equal(1);
        expect((await pinned.deleteOne({ _id: b, status: 'open' })).deletedCount).to.equal(0);
        expect((await pinned.deleteOne({ _id: b, status: 'closed' })).deletedCount).to.equal(1);
        expect(await pinned.countDocuments()).to.equal(1);
      });

      it('by a number _id given as a double: the same document as MongoDB finds (5 equals 5.0)', async () => {
        const numbered = db.collection<{ _id: number; kind: string }>('pinned_numbers');
        await numbered.insertMany([{ _id: 5, kind: 'x' }, { _id: 6, kind: 'y' }]);
        const five = new Double(5) as unknown as number; // sent as a BSON double, stored as an int32
        expect(await numbered.countDocuments({ _id: five, kind: 'x' })).to.equal(1);
        expect(await numbered.countDocuments({ _id: five })).to.equal(1);
        expect(await numbered.countDocuments({ _id: 6, kind: 'x' })).to.equal(0);
      });

      it('by a secondary unique key, an array (multikey) one, a dotted one, and one asked for null', async () => {
        const keyed = db.collection<Document>('pinned_keys');
        await keyed.createIndex({ code: 1 }, { unique: true });
        await keyed.createIndex({ 'owner.email': 1 }, { unique: true, sparse: true });
        await keyed.createIndex({ tags: 1 }, { unique: true, sparse: true });
        await keyed.insertMany([
          { _id: 1, code: 'k1', n: 1, owner: { email: 'lan@example.vn' }, tags: ['t1', 't2'] },
          { _id: 2, code: 'k2', n: 2 },
          { _id: 3, code: null, n: 3 },
        ] as Document[]);
        expect(ids(await keyed.find({ code: 'k1', n: { $gt: 0 } }).toArray())).to.deep.equal([1]);
        expect(await keyed.find({ code: 'k1', n: { $gt: 1 } }).toArray()).to.deep.equal([]);
        expect(ids(await keyed.find({ code: { $in: ['k1', 'k2'] }, n: { $gte: 2 } }).toArray())).to.deep.equal([2]);
        expect(ids(await keyed.find({ 'owner.email': 'lan@example.vn', n: 1 }).toArray())).to.deep.equal([1]);
        expect(ids(await keyed.find({ tags: 't2', n: 1 }).toArray())).to.deep.equal([1]);
        // Null matches a missing field too: documents a sparse index leaves out must still be found.
        expect(ids(await keyed.find({ 'owner.email': null, n: { $gte: 2 } }).toArray())).to.deep.equal([2, 3]);
        expect(ids(await keyed.find({ tags: null, n: { $lte: 2 } }).toArray())).to.deep.equal([2]);
        expect(ids(await keyed.find({ code: null, n: 3 }).toArray())).to.deep.equal([3]);
      });

      it('sorted, skipped and limited as without the index', async () => {
        const paged = db.collection<{ _id: number; n: number }>('pinned_paged');
        const all = Array.from({ length: 30 }, (_, i) => ({ _id: i, n: i % 3 }));
        await paged.insertMany(all);
        const inIds = all.map((d) => d._id);
        const rows = await paged.find({ _id: { $in: inIds }, n: 1 }).sort({ _id: -1 }).skip(2).limit(3).toArray();
        expect(rows.map((d) => d._id)).to.deep.equal([22, 19, 16]);
      });
    });

    it('pages a sorted cursor by _id (limit + 1): every document once, in order, also with a filter in $and', async () => {
      const all = Array.from({ length: 250 }, () => ({ _id: new ObjectId(), score: Math.floor(Math.random() * 100) }));
      const shuffled = [...all].sort(() => Math.random() - 0.5); // natural order differs from _id order
      await db.collection('ranked').insertMany(shuffled);
      const byId = (docs: typeof all) => docs.map((d) => d._id.toHexString()).sort();
      const pageAll = async (filter: Filter<Document>) => {
        const seen: Document[] = [];
        let cursor: ObjectId | undefined;
        for (let page = 0; page < 50; page++) {
          const where = cursor === undefined ? filter : { $and: [filter, { _id: { $gt: cursor } }] };
          const rows = await db.collection('ranked').find(where).sort({ _id: 1 }).limit(21).toArray();
          seen.push(...rows.slice(0, 20));
          if (rows.length <= 20) return seen.map((d) => (d._id as ObjectId).toHexString());
          cursor = rows[19]!._id as ObjectId;
        }
        return expect.fail('paging did not end');
      };
      expect(await pageAll({})).to.deep.equal(byId(all));
      expect(await pageAll({ score: { $gte: 50 } })).to.deep.equal(byId(all.filter((d) => d.score >= 50)));
    });

    describe('operators the app uses', () => {
      before(async () => {
        await db.collection('mentors').insertMany(mentors);
        await db.collection('sessions').insertMany(sessions);
      });

      for (const [name, filter, expected] of queries) {
        it(`query ${name}`, async () => {
          expect(ids(await db.collection('mentors').find(filter).sort({ _id: 1 }).toArray())).to.deep.equal(expected);
        });
      }

      for (const [name, update, check] of updates) {
        it(`update ${name}`, async () => {
          const doc: UpdateRow = { _id: name, n: 1, name: 'A', note: 'x', tags: ['a', 'b', 'a'], profile: { city: 'Huế', years: 3 }, low: 5, high: 5 };
          const coll = db.collection<UpdateRow>('updates');
          await coll.insertOne(doc);
          expect(await coll.updateOne({ _id: doc._id }, update)).to.include({ matchedCount: 1, modifiedCount: 1 });
          check((await coll.findOne({ _id: doc._id }))!);
        });
      }

      it('update $setOnInsert with upsert: set on insert only', async () => {
        const upserts = db.collection<Row<{ seen: Date; createdAt: Date }>>('upserts');
        const upsert = (createdAt: Date) => upserts.updateOne({ _id: 'u' }, { $set: { seen: createdAt }, $setOnInsert: { createdAt } }, { upsert: true });
        const first = new Date('2026-01-01T00:00:00Z');
        expect(await upsert(first)).to.include({ upsertedCount: 1, matchedCount: 0 });
        expect(await upsert(new Date('2026-02-01T00:00:00Z'))).to.include({ upsertedCount: 0, matchedCount: 1 });
        expect((await upserts.findOne({ _id: 'u' }))?.createdAt).to.deep.equal(first);
      });

      it("findOneAndUpdate returns the document after, and null when a guard does not match (nothing changed)", async () => {
        const requests = db.collection<Row<{ status: string; version: number }>>('requests');
        await requests.insertOne({ _id: 'r1', status: 'open', version: 1 });
        const after = await requests.findOneAndUpdate({ _id: 'r1', status: 'open' }, { $set: { status: 'accepted' }, $inc: { version: 1 } }, { returnDocument: 'after' });
        expect(after).to.deep.equal({ _id: 'r1', status: 'accepted', version: 2 });
        expect(await requests.findOneAndUpdate({ _id: 'r1', status: 'open' }, { $set: { status: 'declined' } }, { returnDocument: 'after' })).to.equal(null);
        expect(await requests.findOne({ _id: 'r1' })).to.deep.equal({ _id: 'r1', status: 'accepted', version: 2 });
      });

      it('a team add guarded by $ne on an array member applies once; $pull of a matching subdocument removes it', async () => {
        const teams = db.collection<Row<{ members: Array<{ userId: string; role: string }> }>>('teams');
        await teams.insertOne({ _id: 't1', members: [{ userId: 'u1', role: 'owner' }] });
        const add = () => teams.findOneAndUpdate({ _id: 't1', 'members.userId': { $ne: 'u2' } }, { $push: { members: { userId: 'u2', role: 'member' } } }, { returnDocument: 'after' });
        const results = await Promise.all([add(), add(), add(), add()]);
        expect(results.filter((r) => r !== null)).to.have.length(1);
        expect((await teams.findOne({ _id: 't1' }))!.members).to.deep.equal([{ userId: 'u1', role: 'owner' }, { userId: 'u2', role: 'member' }]);
        const removed = await teams.findOneAndUpdate(
          { _id: 't1', members: { $elemMatch: { userId: 'u2', role: 'member' } } },
          { $pull: { members: { userId: 'u2', role: 'member' } } },
          { returnDocument: 'after' },
        );
        expect(removed!.members).to.deep.equal([{ userId: 'u1', role: 'owner' }]);
      });

      it('countDocuments, estimatedDocumentCount and distinct (flattening arrays)', async () => {
        const coll = db.collection('mentors');
        expect(await coll.countDocuments({ status: 'active' })).to.equal(2);
        expect(await coll.estimatedDocumentCount()).to.equal(4);
        expect((await coll.distinct('status')).sort()).to.deep.equal(['active', 'closed', 'paused']);
        expect((await coll.distinct('tags')).sort()).to.deep.equal(['agri', 'edtech', 'fintech']);
      });

      it('bulkWrite with updateOne operations', async () => {
        const stats = db.collection<Row<{ n: number }>>('stats');
        await stats.insertMany([{ _id: 'a', n: 1 }, { _id: 'b', n: 1 }]);
        const result = await stats.bulkWrite([
          { updateOne: { filter: { _id: 'a' }, update: { $inc: { n: 1 } } } },
          { updateOne: { filter: { _id: 'b', n: 99 }, update: { $inc: { n: 1 } } } },
          { updateOne: { filter: { _id: 'c' }, update: { $inc: { n: 5 } }, upsert: true } },
        ]);
        expect([result.matchedCount, result.modifiedCount, result.upsertedCount]).to.deep.equal([1, 1, 1]);
        expect(await stats.find().sort({ _id: 1 }).toArray()).to.deep.equal([{ _id: 'a', n: 2 }, { _id: 'b', n: 1 }, { _id: 'c', n: 5 }]);
      });

      for (const [name, pipeline, expected] of pipelines) {
        it(`aggregate ${name}`, async () => {
          expect(await db.collection('mentors').aggregate(pipeline).toArray()).to.deep.equal(expected);
        });
      }
    });

    it('round-trips Dates, ObjectIds and Vietnamese text byte for byte', async () => {
      const nfc = 'Nông nghiệp Cần Thơ'.normalize('NFC');
      const nfd = nfc.normalize('NFD');
      const doc = { _id: new ObjectId(), at: new Date('2026-03-04T05:06:07.089Z'), ref: new ObjectId(), nfc, nfd };
      await db.collection('roundtrip').insertOne(doc);
      const read = (await db.collection('roundtrip').findOne({ nfc }))!;
      expect(read._id).to.be.instanceOf(ObjectId);
      expect(read.ref).to.be.instanceOf(ObjectId);
      expect(read.ref.equals(doc.ref)).to.equal(true);
      expect(read.at).to.be.instanceOf(Date);
      expect(read.at.getTime()).to.equal(doc.at.getTime());
      expect(Buffer.from(read.nfc).toString('hex'), 'NFC text').to.equal(Buffer.from(nfc).toString('hex'));
      expect(Buffer.from(read.nfd).toString('hex'), 'NFD text is kept as sent, not normalised').to.equal(Buffer.from(nfd).toString('hex'));
    });

    it('a dropped database is gone (tests clean up with dropDatabase)', async () => {
      const scratch = clients[0]!.db(uniqueDbName());
      const databases = async () => (await scratch.admin().listDatabases()).databases.map((d) => d.name);
      await scratch.collection('notes').insertOne({ a: 1 });
      expect(await databases()).to.include(scratch.databaseName);
      await scratch.dropDatabase();
      expect(await databases()).not.to.include(scratch.databaseName);
      expect(await scratch.listCollections().toArray()).to.deep.equal([]);
    });
  });
}

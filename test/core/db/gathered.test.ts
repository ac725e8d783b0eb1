/**
 * Reads and inserts gathered per turn of the event loop (stored.ts,
 * gathered-insert.ts), on the run's real database: callers of one turn share
 * one query or one insertMany, and each still gets exactly its own answer.
 * The collection is the driver's own, wrapped only to count the commands
 * that reach the database.
 */
import { expect } from 'chai';
import { MongoClient, ObjectId, type Collection, type Db } from 'mongodb';
import mongoose from 'mongoose';
import { insertGathered } from '../../../server/core/db/gathered-insert.js';
import { findAllStored, findOneStored } from '../../../server/core/db/stored.js';
import { testDatabaseUri, uniqueDbName } from '../../helpers/runway.js';

const schema = new mongoose.Schema({ name: String, kind: String, ownerId: mongoose.Schema.Types.ObjectId, secret: { type: String, select: false } });

/** The real collection, counting the finds and inserts sent through it. */
function counted(collection: Collection) {
  const sent = { find: 0, insertMany: 0 };
  const wrapped = new Proxy(collection, {
    get(target, property, receiver) {
      if (property === 'find' || property === 'insertMany') {
        return (...args: unknown[]) => {
          sent[property]++;
          return (target[property] as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { model: { schema, collection: wrapped as unknown as mongoose.Collection }, sent };
}

describe('reads and inserts gathered per turn', () => {
  let client: MongoClient;
  let db: Db;
  before(async () => {
    client = await MongoClient.connect(testDatabaseUri());
    db = client.db(uniqueDbName());
  });
  after(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('30 reads of one turn, by 10 keys (some repeated, some unknown), are one query; each caller gets its own copy, hidden paths left out', async () => {
    const things = db.collection('things');
    const ids = Array.from({ length: 8 }, () => new ObjectId());
    await things.insertMany(ids.map((_id, i) => ({ _id, name: `thing ${i}`, secret: 'hidden' })));
    const { model, sent } = counted(things);
    const asked = Array.from({ length: 30 }, (_, i) => (i % 10 < 8 ? ids[i % 10]! : new ObjectId()));
    const found = await Promise.all(asked.map((id) => findOneStored<{ _id: ObjectId; name: string; secret?: string }>(model, '_id', id)));
    expect(sent.find).to.equal(1);
    found.forEach((doc, i) => {
      const k = i % 10;
      if (k < 8) expect(doc, `read ${i}`).to.deep.equal({ _id: ids[k], name: `thing ${k}` });
      else expect(doc, `read ${i}`).to.equal(undefined);
    });
    found[0]!.name = 'changed by its caller';
    expect(found[10]!.name).to.equal('thing 0');
    expect(found[10]!._id).to.be.instanceOf(ObjectId);
  });

  it('reads of different turns are different queries, each seeing the writes before it', async () => {
    const things = db.collection('turns');
    const { model, sent } = counted(things);
    const id = new ObjectId();
    expect(await findOneStored(model, '_id', id)).to.equal(undefined);
    await things.insertOne({ _id: id, name: 'now there' });
    expect(await findOneStored(model, '_id', id)).to.deep.equal({ _id: id, name: 'now there' });
    expect(sent.find).to.equal(2);
  });

  it('all documents of a key under a fixed condition, in _id order, for every caller of the turn in one query', async () => {
    const owned = db.collection('owned');
    const [a, b] = [new ObjectId(), new ObjectId()];
    const docs = [
      { _id: new ObjectId(), ownerId: a, kind: 'active', name: 'a1' },
      { _id: new ObjectId(), ownerId: b, kind: 'active', name: 'b1' },
      { _id: new ObjectId(), ownerId: a, kind: 'left', name: 'a-left' },
      { _id: new ObjectId(), ownerId: a, kind: 'active', name: 'a2' },
    ];
    await owned.insertMany([...docs].reverse());
    const { model, sent } = counted(owned);
    const where = { kind: 'active' };
    const [ofA, ofB, ofNobody] = await Promise.all([a, b, new ObjectId()].map((id) => findAllStored<{ name: string }>(model, 'ownerId', id, where)));
    expect(sent.find).to.equal(1);
    expect(ofA!.map((d) => d.name)).to.deep.equal(['a1', 'a2']);
    expect(ofB!.map((d) => d.name)).to.deep.equal(['b1']);
    expect(ofNobody).to.deep.equal([]);
  });

  it('inserts of one turn are one insertMany; a document a unique index already has comes back false to its own caller only', async () => {
    const notices = db.collection('notices');
    await notices.createIndex({ key: 1 }, { unique: true });
    await notices.insertOne({ key: 'told-before' });
    const { model, sent } = counted(notices);
    const [first, second, third] = await Promise.all([
      insertGathered(model, [{ key: 'n1' }, { key: 'told-before' }]),
      insertGathered(model, [{ key: 'n2' }]),
      insertGathered(model, [{ key: 'n1' }, { key: 'n3' }]),
    ]);
    expect(sent.insertMany).to.equal(1);
    expect(first).to.deep.equal([true, false]);
    expect(second).to.deep.equal([true]);
    expect(third).to.deep.equal([false, true]);
    expect((await notices.find({}, { projection: { _id: 0, key: 1 } }).sort({ key: 1 }).toArray()).map((d) => d.key)).to.deep.equal(['n1', 'n2', 'n3', 'told-before']);
  });

  it('a read asked while mongoose is not connected yet waits in its buffer and is answered once it connects', async () => {
    const things = db.collection('buffered');
    const id = new ObjectId();
    await things.insertOne({ _id: id, name: 'there all along' });
    const connection = mongoose.createConnection();
    try {
      const model = connection.model('Buffered', new mongoose.Schema({ name: String }, { collection: 'buffered' }));
      const read = findOneStored(model, '_id', id);
      await connection.openUri(testDatabaseUri(), { dbName: db.databaseName });
      expect(await read).to.deep.equal({ _id: id, name: 'there all along' });
    } finally {
      await connection.close();
    }
  });

  it('a database that does not answer fails every caller of the round, read or insert', async () => {
    const away = await MongoClient.connect(testDatabaseUri());
    const collection = away.db(db.databaseName).collection('away');
    await away.close();
    const { model } = counted(collection);
    const reads = await Promise.allSettled([findOneStored(model, '_id', new ObjectId()), findOneStored(model, '_id', new ObjectId())]);
    const inserts = await Promise.allSettled([insertGathered(model, [{ n: 1 }]), insertGathered(model, [{ n: 2 }])]);
    expect([...reads, ...inserts].map((r) => r.status)).to.deep.equal(['rejected', 'rejected', 'rejected', 'rejected']);
  });
});

/**
 * Mongoose and Agenda on the run's server (the embedded engine unless
 * MONGODB_URI is set): CRUD, a unique index raising E11000 (which the API
 * answers as 409), and an Agenda 6 job with a validated payload. The
 * engine-level guarantees are in database-contract.test.ts.
 */
import { expect } from 'chai';
import mongoose, { Schema } from 'mongoose';
import { IsInt, Min } from 'class-validator';
import { pino } from 'pino';
import { createMailer } from '../../../server/core/mail/mailer.js';
import { EventBus } from '../../../server/core/events/event-bus.js';
import { defineJob } from '../../../server/core/jobs/job-definition.js';
import { createJobWorker } from '../../../server/core/jobs/worker.js';
import { isDuplicateKey } from '../../../server/core/db/duplicate-key.js';
import { testDatabaseUri, uniqueDbName } from '../../helpers/runway.js';

class CountPayload {
  @IsInt() @Min(1) by!: number;
}

describe('mongoose 8 and Agenda 6 on the run’s server', () => {
  let connection: mongoose.Connection;

  before(async () => {
    connection = await mongoose.createConnection(testDatabaseUri(), { dbName: uniqueDbName() }).asPromise();
  });
  after(async () => {
    await connection.db?.dropDatabase();
    await connection.close();
  });

  it('creates, reads, updates and deletes a document', async () => {
    const Note = connection.model('Note', new Schema({ title: String, views: Number }));
    const created = await Note.create({ title: 'Cần Thơ', views: 1 });
    await Note.updateOne({ _id: created._id }, { $inc: { views: 2 } });
    const read = await Note.findById(created._id).lean();
    expect(read).to.include({ title: 'Cần Thơ', views: 3 });
    await Note.deleteOne({ _id: created._id });
    expect(await Note.countDocuments()).to.equal(0);
  });

  it('enforces a unique index with E11000', async () => {
    const Slot = connection.model('Slot', new Schema({ key: String }));
    await Slot.collection.createIndex({ key: 1 }, { unique: true });
    await Slot.create({ key: 'mentor-1|2026-12-01T02:00Z' });
    let caught: unknown;
    try {
      await Slot.create({ key: 'mentor-1|2026-12-01T02:00Z' });
    } catch (error) {
      caught = error;
    }
    expect(isDuplicateKey(caught), String(caught)).to.equal(true);
    expect(await Slot.countDocuments()).to.equal(1);
  });

  it('runs an Agenda job with a validated payload, and refuses a bad payload', async () => {
    const seen: number[] = [];
    const worker = createJobWorker({
      db: connection.db!,
      definitions: [defineJob({ name: 'test.count', payload: CountPayload, handler: async (p) => void seen.push(p.by) })],
      processEveryMs: 100,
      logger: pino({ level: 'silent' }),
      deps: { bus: new EventBus(), now: () => new Date(), mailer: createMailer({ from: 'test@runway.local' }, pino({ level: 'silent' })) },
    });
    const failures: string[] = [];
    worker.agenda.on('fail', (error: Error) => failures.push(error.message));
    await worker.start();
    try {
      await worker.now('test.count', { by: 2 });
      await worker.now('test.count', { by: 'two' });
      const deadline = Date.now() + 10_000;
      while ((seen.length < 1 || failures.length < 1) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await worker.stop();
    }
    expect(seen).to.deep.equal([2]);
    expect(failures.join()).to.match(/by/);
  });
});

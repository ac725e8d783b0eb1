/**
 * `npm run worker` as its own process on the shared database: it takes a
 * due job that the API process queued and runs it (here, the email run:
 * the notice's email reaches a real SMTP server), and stops cleanly on
 * SIGTERM. Without MONGODB_URI it refuses to start and says why.
 */
import { expect } from 'chai';
import { once } from 'node:events';
import mongoose from 'mongoose';
import { SEND_EMAILS_JOB } from '../../jobs/send-emails.js';
import { notify } from '../../server/modules/notifications/usecases/notify.js';
import { createTestUser } from '../helpers/factories.js';
import { startWorkerProcess as startWorker } from '../helpers/process.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { startTestRunway, testDatabaseUri, type TestRunway } from '../helpers/runway.js';

describe('npm run worker: the job worker alone', function () {
  this.timeout(60_000);
  let smtp: TestSmtp;
  let smtpUrl: string;
  let runway: TestRunway;

  before(async () => {
    smtp = await startTestSmtp();
    smtpUrl = smtp.url;
    runway = await startTestRunway();
    // Only the process under test may run jobs on this database.
    await runway.worker.stop();
  });
  after(async () => {
    await runway.stop();
    await smtp.close();
  });

  it('runs a due job from the shared database (a notice’s email reaches SMTP), then stops on SIGTERM with code 0', async () => {
    const user = await createTestUser(runway, 'startup');
    await notify({ key: 'test.worker:1', kind: 'test.worker', userIds: [user.id], title: { vi: 'Thử worker', en: 'Worker test' }, body: { vi: 'Xin chào', en: 'Hello' }, data: {} }, runway.context.bus);
    // A due email run, as the API's schedule queues it every minute.
    await mongoose.connection.db!.collection('agendaJobs').insertOne({ name: SEND_EMAILS_JOB, data: { trigger: 'test' }, type: 'normal', priority: 0, nextRunAt: new Date(), lockedAt: null });

    const worker = startWorker({ MONGODB_URI: testDatabaseUri(), DB_NAME: runway.context.config.DB_NAME, SMTP_URL: smtpUrl });
    const since = Date.now();
    while (!smtp.received.some((m) => m.subject === 'Thử worker') && Date.now() - since < 30_000 && worker.child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
    const mail = smtp.received.find((m) => m.subject === 'Thử worker');
    expect(mail?.text, worker.stderr()).to.include('Xin chào');

    const exited = once(worker.child, 'exit');
    worker.child.kill('SIGTERM');
    const [code] = await exited;
    expect(code, worker.stderr()).to.equal(0);
  });

  it('without MONGODB_URI it refuses to start, saying why', async () => {
    const worker = startWorker({ MONGODB_URI: '' });
    const [code] = await once(worker.child, 'exit');
    expect(code).to.equal(1);
    expect(worker.stderr()).to.include('npm run worker needs MONGODB_URI');
  });
});

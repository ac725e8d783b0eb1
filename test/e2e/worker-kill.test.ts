/**
 * A worker killed with SIGKILL in the middle of a job, and another worker
 * started: the job's work is done exactly once, by the second, as soon as
 * the first one's lock has lapsed — not before, and not never.
 *
 * The vehicle is the email run (`notifications.sendEmails`): it is the one
 * job that waits on something outside the database, so a real SMTP server
 * can hold it mid-run. The server reads worker A's message to the end and
 * never answers it; A has claimed the email and is waiting for the 250 when
 * it is killed. Completed SMTP transactions count what was delivered. Both
 * workers are `npm run worker` processes on the test's database.
 */
import { expect } from 'chai';
import { once } from 'node:events';
import type { ParsedMail } from 'mailparser';
import mongoose from 'mongoose';
import { SEND_EMAILS_JOB } from '../../jobs/send-emails.js';
import { notify } from '../../server/modules/notifications/usecases/notify.js';
import { createTestUser, type TestUser } from '../helpers/factories.js';
import { startWorkerProcess, type WorkerProcess } from '../helpers/process.js';
import { startTestRunway, testDatabaseUri, type TestRunway } from '../helpers/runway.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

/** Long enough for worker B to start and run a job while A's lock still holds; short enough for the test. */
const LOCK_LIFETIME_MS = 10_000;
const SUBJECT = 'Thử dừng worker';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

async function until(what: string, done: () => boolean | Promise<boolean>, withinMs: number, worker?: WorkerProcess): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await done())) {
    if (worker && worker.child.exitCode !== null) throw new Error(`the worker exited with ${worker.child.exitCode} before ${what}: ${worker.stderr()}`);
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}${worker ? `\n${worker.stderr()}` : ''}`);
    await wait(50);
  }
}

describe('npm run worker: a worker killed mid-job', function () {
  this.timeout(60_000);
  let smtp: TestSmtp;
  let runway: TestRunway;
  let user: TestUser;
  const workers: WorkerProcess[] = [];

  const db = () => mongoose.connection.db!;
  const notice = async () => (await db().collection('notifications').findOne({ userId: new mongoose.Types.ObjectId(user.id), kind: 'test.worker-kill' }))!;
  const queueEmailRun = async (trigger: string) => {
    // A due email run, as the API's schedule queues one every minute.
    const { insertedId } = await db().collection('agendaJobs').insertOne({ name: SEND_EMAILS_JOB, data: { trigger }, type: 'normal', priority: 0, nextRunAt: new Date(), lockedAt: null });
    return insertedId;
  };
  const startWorker = () => {
    const worker = startWorkerProcess({
      MONGODB_URI: testDatabaseUri(),
      DB_NAME: runway.context.config.DB_NAME,
      SMTP_URL: smtp.url,
      JOBS_LOCK_LIFETIME_MS: String(LOCK_LIFETIME_MS),
    });
    workers.push(worker);
    return worker;
  };
  const deliveredTo = (address: string) => smtp.received.filter((m) => recipient(m) === address && m.subject === SUBJECT);

  before(async () => {
    // Only the first message is held: worker A's attempt. Any later one is accepted.
    smtp = await startTestSmtp({ hold: (_mail, index) => index === 0 });
    runway = await startTestRunway();
    // Only the processes under test may run jobs on this database.
    await runway.worker.stop();
    user = await createTestUser(runway, 'startup');
  });
  after(async () => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await runway.stop();
    await smtp.close();
  });

  it('SIGKILL while sending, a second worker started → the email is delivered once, by the second, once the first one’s lock lapses', async () => {
    await notify({ key: 'test.worker-kill:1', kind: 'test.worker-kill', userIds: [user.id], title: { vi: SUBJECT, en: 'Worker kill test' }, body: { vi: 'Xin chào', en: 'Hello' }, data: {} }, runway.context.bus);
    const deadRunId = await queueEmailRun('test: the run A dies in');

    // A takes the run, claims the email and is left waiting for the server's answer.
    const a = startWorker();
    await until('worker A is sending', () => smtp.held.length === 1, 30_000, a);
    expect(recipient(smtp.held[0]!)).to.equal(user.record.email);
    expect(await notice()).to.deep.include({ emailState: 'sending', emailAttempts: 1 });
    const lockedAt = ((await db().collection('agendaJobs').findOne({ _id: deadRunId }))!.lockedAt as Date).getTime();
    expect(a.child.exitCode, 'A is still running').to.equal(null);

    const exited = once(a.child, 'exit');
    a.child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).to.equal('SIGKILL');
    const killedAt = Date.now();

    // B starts, and the next email run (the schedule's) comes due while A's lock still holds: B must leave A's email alone.
    const b = startWorker();
    const freshRunId = await queueEmailRun('test: the next run');
    await until('worker B runs the next email run', async () => Boolean((await db().collection('agendaJobs').findOne({ _id: freshRunId }))?.lastFinishedAt), 20_000, b);
    const freshRunAt = ((await db().collection('agendaJobs').findOne({ _id: freshRunId }))!.lastRunAt as Date).getTime();
    expect(freshRunAt, 'B ran the next email run while A’s lock held (raise LOCK_LIFETIME_MS if B starts slowly)').to.be.below(lockedAt + LOCK_LIFETIME_MS);
    expect(deliveredTo(user.record.email), 'nothing sent while A’s claim holds').to.have.length(0);

    // Once A's lock lapses, B runs A's job again and sends the email.
    await until('worker B delivers the email', () => deliveredTo(user.record.email).length > 0, LOCK_LIFETIME_MS + 15_000, b);
    const deliveredAt = Date.now();
    expect(deliveredAt - lockedAt, 'not before A’s lock lapsed').to.be.at.least(LOCK_LIFETIME_MS);
    expect(deliveredAt - killedAt, 'within the lock lifetime and a few polls of the kill').to.be.below(LOCK_LIFETIME_MS + 5000);

    // Give a second delivery (a duplicate) time to show up: there is none.
    await until('B finishes A’s job', async () => Boolean((await db().collection('agendaJobs').findOne({ _id: deadRunId }))?.lastFinishedAt), 5000, b);
    await wait(1000);
    expect(deliveredTo(user.record.email)).to.have.length(1);
    expect(smtp.received).to.have.length(1);
    expect(deliveredTo(user.record.email)[0]!.text).to.include('Xin chào');
    const sent = await notice();
    expect(sent).to.deep.include({ emailState: 'sent', emailAttempts: 2 });
    expect(sent.emailedAt).to.be.instanceOf(Date);

    const stopped = once(b.child, 'exit');
    b.child.kill('SIGTERM');
    const [code] = await stopped;
    expect(code, b.stderr()).to.equal(0);
  });
});

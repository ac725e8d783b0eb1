/**
 * The daily eligibility sweep, walked day by day with a pinned clock:
 * warnings at 90, 30 and 7 days, the aged_out move the day after, each
 * exactly once however often the job runs (concurrently too), and the job
 * also run by the real worker.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { eligibilitySweepJob } from '../../jobs/eligibility-sweep.js';
import type { DomainEvents } from '../../server/core/events/domain-events.js';
import { createTestUser, type TestUser } from '../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../helpers/runway.js';

/** eligibleUntil of the main startup: registered 2021-06-30, so eligible through 2026-06-30. */
const UNTIL = '2026-06-30';
const at = (date: string, time = '12:00') => DateTime.fromISO(`${date}T${time}`, { zone: 'Asia/Ho_Chi_Minh' }).toJSDate();
const shift = (date: string, days: number) => DateTime.fromISO(date).plus({ days }).toISODate()!;

describe('jobs: eligibility.sweep', () => {
  let runway: TestRunway;
  let now = at(shift(UNTIL, -100));
  let founder: TestUser;
  let manager: TestUser;
  let startupId: string;
  let cohortId: string;
  const warned: Array<DomainEvents['eligibility.warned']> = [];
  const expired: Array<DomainEvents['eligibility.expired']> = [];

  const sweep = () => eligibilitySweepJob.handler({}, { bus: runway.context.bus, logger: runway.context.logger, mailer: runway.context.mailer, now: () => now });

  before(async () => {
    runway = await startTestRunway({}, { now: () => now });
    runway.context.bus.on('eligibility.warned', (e) => void warned.push(e));
    runway.context.bus.on('eligibility.expired', (e) => void expired.push(e));
    founder = await createTestUser(runway, 'startup');
    manager = await createTestUser(runway, 'manager');

    const startup = await runway.http('POST', '/api/v1/startups', {
      token: founder.token,
      body: { name: 'Gạo Mầm Tây Đô', kind: 'company', enterpriseCode: '1801112223', firstRegisteredOn: '2021-06-30', growthBasis: ['technology'], sectors: ['food_processing'], stage: 'growth' },
    });
    expect(startup.status, startup.text).to.equal(201);
    startupId = startup.body.id;

    const cohort = await runway.http('POST', '/api/v1/cohorts', {
      token: manager.token,
      body: {
        name: 'Runway 2026',
        programme: 'Mekong Startup Runway',
        year: 2026,
        startsOn: shift(UNTIL, -120),
        endsOn: shift(UNTIL, 60),
        milestoneTemplate: [{ key: 'mvp', title: 'MVP', dueWeeks: 4 }],
      },
    });
    expect(cohort.status, cohort.text).to.equal(201);
    cohortId = cohort.body.id;
    const admitted = await runway.http('POST', `/api/v1/cohorts/${cohortId}/admissions`, { token: manager.token, body: { startupId } });
    expect(admitted.status, admitted.text).to.equal(201);
  });
  after(() => runway.stop());

  const warningsFor = (id: string) => warned.filter((w) => w.startupId === id).map((w) => w.daysBefore);
  const boardStatus = async () => {
    const board = await runway.http('GET', `/api/v1/cohorts/${cohortId}/board`, { token: manager.token });
    expect(board.status, board.text).to.equal(200);
    return board.body.admissions.find((a: { startup: { id: string } }) => a.startup.id === startupId).status as string;
  };

  it('100 days before: no warning', async () => {
    await sweep();
    expect(warningsFor(startupId)).to.deep.equal([]);
  });

  it('90 days before: one 90-day warning naming the active cohort, however often it runs (even concurrently)', async () => {
    now = at(shift(UNTIL, -90));
    await sweep();
    await Promise.all([sweep(), sweep(), sweep()]);
    await sweep();
    expect(warningsFor(startupId)).to.deep.equal([90]);
    const event = warned.find((w) => w.startupId === startupId)!;
    expect(event).to.include({ eligibleUntil: UNTIL, daysBefore: 90 });
    expect(event.cohortIds).to.deep.equal([cohortId]);
  });

  it('45 days before: nothing new; 30 and 7 days before: one warning each', async () => {
    now = at(shift(UNTIL, -45));
    await sweep();
    expect(warningsFor(startupId)).to.deep.equal([90]);
    now = at(shift(UNTIL, -30));
    await sweep();
    await sweep();
    now = at(shift(UNTIL, -7));
    await sweep();
    await sweep();
    expect(warningsFor(startupId)).to.deep.equal([90, 30, 7]);
  });

  it('on the last eligible day, even at 23:59 in Can Tho: still active', async () => {
    now = at(UNTIL, '23:59');
    await sweep();
    expect(expired).to.deep.equal([]);
    expect(await boardStatus()).to.equal('active');
  });

  it('the day after (00:01 in Can Tho, still the 30th in UTC): aged_out once, history kept', async () => {
    now = at(shift(UNTIL, 1), '00:01');
    expect(now.toISOString().slice(0, 10)).to.equal(UNTIL);
    await sweep();
    await Promise.all([sweep(), sweep()]);
    expect(expired.map((e) => e.startupId)).to.deep.equal([startupId]);
    expect(expired[0]!.cohortIds).to.deep.equal([cohortId]);
    expect(await boardStatus()).to.equal('aged_out');

    const notices = await mongoose.connection.db!.collection('eligibility_notices').find({ startupId: new mongoose.Types.ObjectId(startupId) }).toArray();
    expect(notices.map((n) => n.kind).sort()).to.deep.equal(['expired', 'warned_30', 'warned_7', 'warned_90']);
    const startup = await runway.http('GET', `/api/v1/startups/${startupId}`, { token: founder.token });
    expect(startup.status, 'the startup itself is never deleted').to.equal(200);
  });

  it('a company first seen 20 days before its end gets the 30-day warning only, not a late 90-day one', async () => {
    const late = await runway.http('POST', '/api/v1/startups', {
      token: founder.token,
      body: {
        name: 'Kho Lạnh Cái Răng',
        kind: 'company',
        enterpriseCode: '1801112224',
        firstRegisteredOn: DateTime.fromJSDate(now).setZone('Asia/Ho_Chi_Minh').plus({ days: 20 }).minus({ years: 5 }).toISODate(),
        growthBasis: ['business_model'],
        sectors: ['logistics'],
        stage: 'growth',
      },
    });
    expect(late.status, late.text).to.equal(201);
    await sweep();
    expect(warningsFor(late.body.id)).to.deep.equal([30]);
  });

  it('the worker runs it too (agenda.now), and it stays idempotent there', async () => {
    const before = warned.length + expired.length;
    const fresh = await runway.http('POST', '/api/v1/startups', {
      token: founder.token,
      body: {
        name: 'Ví Nông Dân',
        kind: 'company',
        enterpriseCode: '1801112225',
        firstRegisteredOn: DateTime.fromJSDate(now).setZone('Asia/Ho_Chi_Minh').plus({ days: 5 }).minus({ years: 5 }).toISODate(),
        growthBasis: ['technology'],
        sectors: ['fintech'],
        stage: 'mvp',
      },
    });
    const seen = new Promise<DomainEvents['eligibility.warned']>((resolve) => {
      const off = runway.context.bus.on('eligibility.warned', (e) => {
        if (e.startupId === fresh.body.id) {
          off();
          resolve(e);
        }
      });
    });
    const failures: string[] = [];
    runway.worker.agenda.on('fail', (error: Error) => failures.push(error.message));
    await runway.worker.now('eligibility.sweep', { trigger: 'test' });
    const event = await Promise.race([
      seen,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the worker did not run the sweep: ${failures.join('; ')}`)), 10_000)),
    ]);
    expect(event.daysBefore).to.equal(7);
    await runway.worker.now('eligibility.sweep', { trigger: 'test again' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(failures).to.deep.equal([]);
    expect(warned.length + expired.length - before).to.equal(1);
  });

  it('is scheduled daily at 00:05 in Can Tho', async () => {
    const jobs = await mongoose.connection.db!.collection('agendaJobs').find({ name: 'eligibility.sweep', type: 'single' }).toArray();
    expect(jobs).to.have.length(1);
    expect(jobs[0]).to.include({ repeatInterval: '5 0 * * *', repeatTimezone: 'Asia/Ho_Chi_Minh' });
  });
});

import { expect } from 'chai';
import mongoose from 'mongoose';
import type { DomainEvents } from '../../../server/core/events/domain-events.js';
import { ageOutStartup } from '../../../server/modules/cohorts/usecases/age-out-startup.js';
import { activeCohortIdsByStartup } from '../../../server/modules/cohorts/usecases/list-active-admissions.js';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { admit, companyBody, createCohort, createStartup, individualBody, pinnedClock, PINNED_NOW } from './cohort-helpers.js';
import { expectProblem } from '../../helpers/problems.js';

describe('cohorts: functions for the eligibility sweep', () => {
  let runway: TestRunway;
  let manager: TestUser;
  let founder: TestUser;
  let cohortA: string;
  let cohortB: string;
  let cohortC: string;
  let ageing: string;
  let other: string;

  const deps = () => ({ bus: runway.context.bus, now: () => PINNED_NOW });
  const admissionOf = (cohortId: string, startupId: string) =>
    mongoose.connection.db!.collection('cohort_admissions').findOne({ cohortId: new mongoose.Types.ObjectId(cohortId), startupId: new mongoose.Types.ObjectId(startupId) });

  before(async () => {
    runway = await startTestRunway({}, pinnedClock);
    [manager, founder] = await Promise.all([createTestUser(runway, 'manager'), createTestUser(runway, 'startup')]);
    const cohorts = await Promise.all([1, 2, 3].map(async () => (await createCohort(runway, manager.token)).id));
    [cohortA, cohortB, cohortC] = cohorts as [string, string, string];
    // Registered 2021-06-15: eligible through 2026-06-15 (today), so it can still be admitted.
    ageing = await createStartup(runway, founder.token, companyBody('2021-06-15'));
    other = await createStartup(runway, founder.token, individualBody());
    for (const cohort of [cohortA, cohortB, cohortC]) await admit(runway, manager.token, cohort, ageing);
    await admit(runway, manager.token, cohortA, other);
    // An ended admission is not active: ageing out leaves it alone.
    expect((await runway.http('POST', `/api/v1/cohorts/${cohortC}/admissions/${ageing}/graduate`, { token: manager.token })).status).to.equal(200);
  });
  after(() => runway.stop());

  it('activeCohortIdsByStartup maps each startup with an active admission to its active cohorts', async () => {
    const map = await activeCohortIdsByStartup();
    expect([...map.keys()]).to.have.members([ageing, other]);
    expect(map.get(ageing)).to.have.members([cohortA, cohortB]);
    expect(map.get(other)).to.deep.equal([cohortA]);
  });

  it('ageOutStartup moves every active admission to aged_out once; a second call returns [] and changes nothing', async () => {
    const events: Array<DomainEvents['cohort.progressed']> = [];
    const off = runway.context.bus.on('cohort.progressed', (event) => {
      events.push(event);
    });
    try {
      const first = await ageOutStartup(ageing, '2026-06-15', deps());
      expect(first).to.have.members([cohortA, cohortB]);
      const second = await ageOutStartup(ageing, '2026-06-15', deps());
      expect(second).to.deep.equal([]);
      expect(events.map((e) => [e.cohortId, e.startupId, e.status])).to.have.deep.members([
        [cohortA, ageing, 'aged_out'],
        [cohortB, ageing, 'aged_out'],
      ]);
    } finally {
      off();
    }

    for (const cohort of [cohortA, cohortB]) {
      const admission = await admissionOf(cohort, ageing);
      expect(admission!.status).to.equal('aged_out');
      const agedOut = admission!.history.filter((h: { status: string }) => h.status === 'aged_out');
      expect(agedOut).to.have.length(1);
      expect(agedOut[0]).to.deep.include({ by: null, reason: 'eligibility ended 2026-06-15', at: PINNED_NOW });
    }
    expect((await admissionOf(cohortC, ageing))!.status).to.equal('graduated');
    expect((await admissionOf(cohortA, other))!.status).to.equal('active');
    expect((await activeCohortIdsByStartup()).has(ageing)).to.equal(false);
  });

  it('ageOutStartup run twice concurrently changes each admission once', async () => {
    const startupId = await createStartup(runway, founder.token, individualBody());
    await admit(runway, manager.token, cohortB, startupId);
    const results = await Promise.all([ageOutStartup(startupId, '2026-06-14', deps()), ageOutStartup(startupId, '2026-06-14', deps())]);
    expect(results.flat()).to.deep.equal([cohortB]);
    const admission = await admissionOf(cohortB, startupId);
    expect(admission!.history.map((h: { status: string }) => h.status)).to.deep.equal(['active', 'aged_out']);
  });

  it('ageOutStartup returns [] for a startup with no active admission and for a malformed id', async () => {
    const idle = await createStartup(runway, founder.token, individualBody());
    expect(await ageOutStartup(idle, '2026-06-14', deps())).to.deep.equal([]);
    expect(await ageOutStartup('not-an-id', '2026-06-14', deps())).to.deep.equal([]);
  });

  it('an aged-out startup’s milestones no longer change (422 admission_not_active)', async () => {
    const list = await runway.http('GET', `/api/v1/milestones?cohortId=${cohortA}&startupId=${ageing}`, { token: founder.token });
    expect(list.status).to.equal(200);
    const response = await runway.http('PATCH', `/api/v1/milestones/${list.body.items[0].id}`, { token: founder.token, body: { state: 'done' } });
    expectProblem(response, 422, 'admission_not_active');
  });
});

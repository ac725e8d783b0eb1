import { expect } from 'chai';
import mongoose from 'mongoose';
import type { DomainEvents } from '../../../server/core/events/domain-events.js';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { admit, companyBody, createCohort, createStartup, individualBody, pinnedClock, PINNED_NOW, TEMPLATE } from './cohort-helpers.js';
import { expectProblem } from '../../helpers/problems.js';

describe('cohort admissions (today pinned to 2026-06-15 in Vietnam)', () => {
  let runway: TestRunway;
  let manager: TestUser;
  let otherManager: TestUser;
  let admin: TestUser;
  let founder: TestUser;
  let mentor: TestUser;
  let cohortId: string;

  before(async () => {
    runway = await startTestRunway({}, pinnedClock);
    [manager, otherManager, admin, founder, mentor] = await Promise.all([
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'admin'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'mentor'),
    ]);
    cohortId = (await createCohort(runway, manager.token)).id;
  });
  after(() => runway.stop());

  const admitAs = (user: TestUser, startupId: unknown, cohort = cohortId) =>
    runway.http('POST', `/api/v1/cohorts/${cohort}/admissions`, { token: user.token, body: { startupId } });
  /** The startup's milestones in the cohort, as its manager reads them (404 admission_not_found when not admitted). */
  const milestonesOf = (startupId: string, cohort = cohortId) =>
    runway.http('GET', `/api/v1/milestones?cohortId=${cohort}&startupId=${startupId}`, { token: manager.token });
  const admissionsIn = (cohort: string) => mongoose.connection.db!.collection('cohort_admissions').countDocuments({ cohortId: new mongoose.Types.ObjectId(cohort) });

  describe('POST /cohorts/{id}/admissions', () => {
    it('→ 201 for an eligible company, with its milestones due startsOn + 7 × dueWeeks days', async () => {
      const startupId = await createStartup(runway, founder.token, companyBody('2022-01-10'));
      const response = await admitAs(manager, startupId);
      expect(response.status, response.text).to.equal(201);
      expect(response.body).to.include({ cohortId, startupId, status: 'active', admittedBy: manager.id });
      expect(response.body.admittedAt).to.equal(PINNED_NOW.toISOString());
      expect(response.body.history).to.deep.equal([{ status: 'active', at: PINNED_NOW.toISOString(), by: manager.id, reason: null }]);
      expect(response.body.milestones.map((m: { key: string; dueOn: string; state: string; order: number }) => [m.key, m.dueOn, m.state, m.order])).to.deep.equal([
        ['kickoff', '2026-05-01', 'planned', 0],
        ['customer-interviews', '2026-05-29', 'planned', 1],
        ['mvp', '2026-06-26', 'planned', 2],
        ['pitch', '2026-07-24', 'planned', 3],
      ]);
      expect(response.body.milestones[1]).to.include({ title: TEMPLATE[1]!.title, description: TEMPLATE[1]!.description, startupId, cohortId });
    });

    it('→ 201 for an individual (no registration yet), admitted by an admin', async () => {
      const startupId = await createStartup(runway, founder.token, individualBody());
      const response = await admitAs(admin, startupId);
      expect(response.status, response.text).to.equal(201);
      expect(response.body.milestones).to.have.length(TEMPLATE.length);
      expect((await milestonesOf(startupId)).body.items).to.have.length(TEMPLATE.length);
    });

    it('→ 201 for a company on its last eligible day (registered 2021-06-15)', async () => {
      const startupId = await createStartup(runway, founder.token, companyBody('2021-06-15', 'Last Day Co'));
      expect((await admitAs(manager, startupId)).status).to.equal(201);
    });

    it('→ 422 startup_ineligible with eligibleUntil when the startup is over 5 years old (Vietnam date, not UTC)', async () => {
      // eligibleUntil 2026-06-14: still "today" in UTC at the pinned instant, already yesterday in Can Tho.
      const startupId = await createStartup(runway, founder.token, companyBody('2021-06-14', 'Old Rice Mill Ltd'));
      const response = await admitAs(manager, startupId);
      expect(response.status).to.equal(422);
      expect(response.headers.get('content-type')).to.match(/application\/problem\+json/);
      expect(response.body).to.include({ code: 'startup_ineligible', eligibleUntil: '2026-06-14' });
      expect(response.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['startupId']);
      expectProblem(await milestonesOf(startupId), 404, 'admission_not_found');
    });

    it('→ 404 naming startupId for an unknown startup; 400 for a malformed id', async () => {
      const unknown = await admitAs(manager, new mongoose.Types.ObjectId().toHexString());
      expectProblem(unknown, 404, 'startup_not_found');
      expect(unknown.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['startupId']);

      const malformed = await admitAs(manager, 'abc');
      expect(malformed.status).to.equal(400);
      expect(malformed.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['startupId']);
    });

    it('→ 404 for an unknown or malformed cohort id', async () => {
      const startupId = await createStartup(runway, founder.token, individualBody());
      for (const cohort of [new mongoose.Types.ObjectId().toHexString(), 'nope']) {
        const response = await admitAs(manager, startupId, cohort);
        expectProblem(response, 404, 'cohort_not_found');
      }
    });

    it('→ 409 already_admitted the second time, with no second set of milestones', async () => {
      const startupId = await createStartup(runway, founder.token, individualBody('Twice Co'));
      await admit(runway, manager.token, cohortId, startupId);
      const again = await admitAs(manager, startupId);
      expectProblem(again, 409, 'already_admitted');
      expect((await milestonesOf(startupId)).body.items).to.have.length(TEMPLATE.length);
    });

    it('a retried admission fills in milestones that an interrupted first attempt did not create (and still answers 409)', async () => {
      const startupId = await createStartup(runway, founder.token, individualBody('Interrupted Co'));
      const admission = await admit(runway, manager.token, cohortId, startupId);
      const milestones = mongoose.connection.db!.collection('milestones');
      // As if the process had stopped after storing the admission and two of its milestones.
      await milestones.deleteMany({ admissionId: new mongoose.Types.ObjectId(admission.id), key: { $in: ['mvp', 'pitch'] } });
      const retry = await admitAs(manager, startupId);
      expect(retry.status).to.equal(409);
      const keys = (await milestones.find({ admissionId: new mongoose.Types.ObjectId(admission.id) }).toArray()).map((m) => m.key);
      expect(keys).to.have.members(TEMPLATE.map((i) => i.key));
    });

    it('→ exactly one 201 when the same startup is admitted by several concurrent requests', async () => {
      const startupId = await createStartup(runway, founder.token, individualBody('Race Co'));
      const responses = await Promise.all([manager, manager, admin, admin].map((user) => admitAs(user, startupId)));
      expect(responses.map((r) => r.status).sort()).to.deep.equal([201, 409, 409, 409]);
      const board = await runway.http('GET', `/api/v1/cohorts/${cohortId}/board`, { token: manager.token });
      expect(board.body.admissions.filter((a: { startup: { id: string } }) => a.startup.id === startupId)).to.have.length(1);
      expect((await milestonesOf(startupId)).body.items).to.have.length(TEMPLATE.length);
    });

    it('→ 403 for a manager who does not manage this cohort; 403 forbidden_role for founders and mentors', async () => {
      const startupId = await createStartup(runway, founder.token, individualBody());
      const other = await admitAs(otherManager, startupId);
      expectProblem(other, 403, 'not_cohort_manager');
      for (const user of [founder, mentor]) {
        const response = await admitAs(user, startupId);
        expectProblem(response, 403, 'forbidden_role');
      }
      expectProblem(await milestonesOf(startupId), 404, 'admission_not_found');
    });

    it('emits cohort.admitted once, after the admission is stored', async () => {
      const events: Array<DomainEvents['cohort.admitted'] & { storedThen: number }> = [];
      // The bus swallows listener errors, so the listener only records; the test asserts.
      const off = runway.context.bus.on('cohort.admitted', async (event) => {
        events.push({ ...event, storedThen: await admissionsIn(event.cohortId) });
      });
      try {
        const before = await admissionsIn(cohortId);
        const startupId = await createStartup(runway, founder.token, individualBody());
        await admit(runway, manager.token, cohortId, startupId);
        expect(events).to.have.length(1);
        expect(events[0]).to.include({ cohortId, startupId, occurredAt: PINNED_NOW.toISOString(), storedThen: before + 1 });
      } finally {
        off();
      }
    });
  });

  describe('POST /cohorts/{id}/admissions/{startupId}/withdraw | graduate', () => {
    const move = (user: TestUser, startupId: string, action: 'withdraw' | 'graduate', cohort = cohortId) =>
      runway.http('POST', `/api/v1/cohorts/${cohort}/admissions/${startupId}/${action}`, { token: user.token });

    for (const [action, status] of [
      ['withdraw', 'withdrawn'],
      ['graduate', 'graduated'],
    ] as const) {
      it(`${action} → 200 ${status} with a history entry and a cohort.progressed event`, async () => {
        const startupId = await createStartup(runway, founder.token, individualBody());
        await admit(runway, manager.token, cohortId, startupId);
        const events: Array<DomainEvents['cohort.progressed']> = [];
        const off = runway.context.bus.on('cohort.progressed', (event) => {
          events.push(event);
        });
        try {
          const response = await move(manager, startupId, action);
          expect(response.status, response.text).to.equal(200);
          expect(response.body.status).to.equal(status);
          expect(response.body.history.map((h: { status: string }) => h.status)).to.deep.equal(['active', status]);
          expect(response.body.history[1]).to.include({ by: manager.id, at: PINNED_NOW.toISOString() });
          expect(events.map((e) => [e.cohortId, e.startupId, e.status])).to.deep.equal([[cohortId, startupId, status]]);
        } finally {
          off();
        }
      });
    }

    it('→ 409 invalid_transition once the admission has ended (withdrawn → graduated, graduated → withdrawn, twice)', async () => {
      const first = await createStartup(runway, founder.token, individualBody());
      await admit(runway, manager.token, cohortId, first);
      expect((await move(manager, first, 'withdraw')).status).to.equal(200);
      for (const action of ['graduate', 'withdraw'] as const) {
        const response = await move(admin, first, action);
        expect(response.status, action).to.equal(409);
        expect(response.body).to.include({ code: 'invalid_transition', currentStatus: 'withdrawn' });
      }
      const second = await createStartup(runway, founder.token, individualBody());
      await admit(runway, manager.token, cohortId, second);
      expect((await move(admin, second, 'graduate')).status).to.equal(200);
      expect((await move(manager, second, 'withdraw')).body.code).to.equal('invalid_transition');
      const stored = await mongoose.connection.db!.collection('cohort_admissions').findOne({ startupId: new mongoose.Types.ObjectId(second) });
      expect(stored!.status).to.equal('graduated');
      expect(stored!.history).to.have.length(2);
    });

    it('→ exactly one of a concurrent withdraw and graduate applies', async () => {
      const startupId = await createStartup(runway, founder.token, individualBody());
      await admit(runway, manager.token, cohortId, startupId);
      const responses = await Promise.all([move(manager, startupId, 'withdraw'), move(admin, startupId, 'graduate'), move(manager, startupId, 'graduate')]);
      expect(responses.map((r) => r.status).sort()).to.deep.equal([200, 409, 409]);
      const stored = await mongoose.connection.db!.collection('cohort_admissions').findOne({ startupId: new mongoose.Types.ObjectId(startupId) });
      expect(stored!.history).to.have.length(2);
      expect(stored!.status).to.equal(responses.find((r) => r.status === 200)!.body.status);
    });

    it('→ 403 for another manager, 403 forbidden_role for a founder, 404 for a startup not admitted or a bad id', async () => {
      const startupId = await createStartup(runway, founder.token, individualBody());
      await admit(runway, manager.token, cohortId, startupId);
      expect((await move(otherManager, startupId, 'withdraw')).status).to.equal(403);
      expect((await move(founder, startupId, 'withdraw')).body.code).to.equal('forbidden_role');
      const notAdmitted = await createStartup(runway, founder.token, individualBody());
      for (const id of [notAdmitted, 'bad-id']) {
        const response = await move(manager, id, 'graduate');
        expectProblem(response, 404, 'admission_not_found');
      }
      const stored = await mongoose.connection.db!.collection('cohort_admissions').findOne({ startupId: new mongoose.Types.ObjectId(startupId) });
      expect(stored!.status).to.equal('active');
    });
  });
});

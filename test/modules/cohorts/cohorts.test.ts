import { expect } from 'chai';
import mongoose from 'mongoose';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { admit, cohortBody, createCohort, createStartup, individualBody, TEMPLATE } from './cohort-helpers.js';
import { expectProblem } from '../../helpers/problems.js';

const fields = (body: { errors: Array<{ field: string }> }) => body.errors.map((e) => e.field);

describe('cohorts: create, list, read', () => {
  let runway: TestRunway;
  let manager: TestUser;
  let otherManager: TestUser;
  let admin: TestUser;
  let founder: TestUser;
  let mentor: TestUser;

  before(async () => {
    runway = await startTestRunway();
    [manager, otherManager, admin, founder, mentor] = await Promise.all([
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'admin'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'mentor'),
    ]);
  });
  after(() => runway.stop());

  const post = (token: string, body: unknown) => runway.http('POST', '/api/v1/cohorts', { token, body });

  describe('POST /cohorts', () => {
    it('→ 201 with the creating manager among its managers and default weights', async () => {
      const response = await post(manager.token, cohortBody({ name: 'Runway 2026 — Nông nghiệp', managerIds: [otherManager.id] }));
      expect(response.status, response.text).to.equal(201);
      expect(response.body).to.include({ name: 'Runway 2026 — Nông nghiệp', programme: 'Mekong Startup Runway', year: 2026, startsOn: '2026-05-01' });
      expect(response.body.managerIds).to.have.members([manager.id, otherManager.id]);
      expect(response.body.weights).to.deep.equal({
        sectorFit: 3,
        stageFit: 2,
        topicOverlap: 3,
        availabilitySoon: 1,
        loadBalance: 1,
        rating: 1,
        responsiveness: 1,
      });
      expect(response.body.milestoneTemplate.map((i: { key: string }) => i.key)).to.deep.equal(TEMPLATE.map((i) => i.key));
      expect(response.body.milestoneTemplate[0]).to.deep.equal({ key: 'kickoff', title: 'Kick-off and goals', description: '', dueWeeks: 0 });
    });

    it('→ 201 keeping given weights and filling the others with defaults', async () => {
      const response = await post(manager.token, cohortBody({ weights: { sectorFit: 10, rating: 0 } }));
      expect(response.status, response.text).to.equal(201);
      expect(response.body.weights).to.include({ sectorFit: 10, rating: 0, stageFit: 2, topicOverlap: 3 });
    });

    it('→ 201 for an admin, who is not added as a manager', async () => {
      const response = await post(admin.token, cohortBody({ managerIds: [manager.id] }));
      expect(response.status, response.text).to.equal(201);
      expect(response.body.managerIds).to.deep.equal([manager.id]);
    });

    it('→ 422 rule_violated naming endsOn when it is not after startsOn', async () => {
      for (const endsOn of ['2026-04-30', '2026-05-01']) {
        const response = await post(manager.token, cohortBody({ endsOn }));
        expectProblem(response, 422, 'rule_violated');
        expect(fields(response.body)).to.deep.equal(['endsOn']);
      }
    });

    it('→ 422 naming milestoneTemplate.N.key for a key used twice', async () => {
      const template = [...TEMPLATE, { key: 'mvp', title: 'Second MVP', dueWeeks: 20 }];
      const response = await post(manager.token, cohortBody({ milestoneTemplate: template }));
      expectProblem(response, 422, 'rule_violated');
      expect(response.body.errors).to.deep.include({
        field: `milestoneTemplate.${TEMPLATE.length}.key`,
        code: 'duplicate_key',
        message: 'The key "mvp" is already used earlier in the template.',
      });
    });

    it('→ 400 naming every malformed field, nested ones by path', async () => {
      const response = await post(
        manager.token,
        cohortBody({
          startsOn: '2026-02-30',
          year: 26.5,
          weights: { sectorFit: 11 },
          milestoneTemplate: [{ key: 'Bad Key', title: '', dueWeeks: 261 }],
        }),
      );
      expect(response.status).to.equal(400);
      expect(fields(response.body)).to.include.members([
        'year',
        'startsOn',
        'weights.sectorFit',
        'milestoneTemplate.0.key',
        'milestoneTemplate.0.title',
        'milestoneTemplate.0.dueWeeks',
      ]);
    });

    it('→ 400 for an empty template and for more than 50 items', async () => {
      const many = Array.from({ length: 51 }, (_, i) => ({ key: `m${i}`, title: `Item ${i}`, dueWeeks: 1 }));
      for (const milestoneTemplate of [[], many]) {
        const response = await post(manager.token, cohortBody({ milestoneTemplate }));
        expect(response.status).to.equal(400);
        expect(fields(response.body)).to.deep.equal(['milestoneTemplate']);
      }
    });

    it('→ 422 naming managerIds.N when a named user is not a manager', async () => {
      const response = await post(admin.token, cohortBody({ managerIds: [manager.id, founder.id] }));
      expectProblem(response, 422, 'not_a_manager');
      expect(fields(response.body)).to.deep.equal(['managerIds.1']);
    });

    it('→ 403 for a founder and for a mentor, and nothing is stored', async () => {
      const before = await mongoose.connection.db!.collection('cohorts').countDocuments();
      for (const user of [founder, mentor]) {
        const response = await post(user.token, cohortBody());
        expectProblem(response, 403, 'forbidden_role');
      }
      expect(await mongoose.connection.db!.collection('cohorts').countDocuments()).to.equal(before);
    });

    it('emits cohort.created after storing it', async () => {
      const seen: string[] = [];
      const off = runway.context.bus.on('cohort.created', (event) => {
        seen.push(event.cohortId);
      });
      try {
        const cohort = await createCohort(runway, manager.token);
        expect(seen).to.deep.equal([cohort.id]);
      } finally {
        off();
      }
    });
  });

  describe('GET /cohorts and GET /cohorts/{id}', () => {
    let admittedCohort: string;
    let otherCohort: string;
    let otherFounder: TestUser;

    before(async () => {
      otherFounder = await createTestUser(runway, 'startup');
      admittedCohort = (await createCohort(runway, manager.token, { name: 'Cohort with my startup' })).id;
      otherCohort = (await createCohort(runway, manager.token, { name: 'Cohort without it' })).id;
      const startupId = await createStartup(runway, founder.token, individualBody());
      await admit(runway, manager.token, admittedCohort, startupId);
    });

    const list = (token: string, query = '') => runway.http('GET', `/api/v1/cohorts${query}`, { token });
    const ids = (body: { items: Array<{ id: string }> }) => body.items.map((c) => c.id);

    it('GET /cohorts → staff see every cohort', async () => {
      const total = await mongoose.connection.db!.collection('cohorts').countDocuments();
      for (const user of [manager, otherManager, admin]) {
        const response = await list(user.token, '?limit=100');
        expect(response.status).to.equal(200);
        expect(response.body.items).to.have.length(total);
        expect(ids(response.body)).to.include.members([admittedCohort, otherCohort]);
      }
    });

    it('GET /cohorts → a founder sees only the cohorts their startups were admitted to', async () => {
      const response = await list(founder.token);
      expect(response.status).to.equal(200);
      expect(ids(response.body)).to.deep.equal([admittedCohort]);
      expect(response.body.nextCursor).to.equal(null);
      expect(ids((await list(otherFounder.token)).body)).to.deep.equal([]);
    });

    it('GET /cohorts → an empty page for a mentor, not an error', async () => {
      const response = await list(mentor.token);
      expect(response.status).to.equal(200);
      expect(response.body).to.deep.equal({ items: [], nextCursor: null });
    });

    it('GET /cohorts pages with limit and cursor, never repeating a cohort', async () => {
      const first = await list(admin.token, '?limit=2');
      expect(first.body.items).to.have.length(2);
      expect(first.body.nextCursor).to.be.a('string');
      const second = await list(admin.token, `?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.status).to.equal(200);
      expect(ids(second.body)).to.not.include.members(ids(first.body));
    });

    it('GET /cohorts?q= ignores diacritics and case', async () => {
      const response = await list(admin.token, `?q=${encodeURIComponent('nong NGHIEP')}`);
      expect(response.status).to.equal(200);
      expect(response.body.items.map((c: { name: string }) => c.name)).to.deep.equal(['Runway 2026 — Nông nghiệp']);
    });

    it('GET /cohorts/{id} → 200 for staff and for a founder of an admitted startup', async () => {
      for (const user of [manager, otherManager, admin, founder]) {
        const response = await runway.http('GET', `/api/v1/cohorts/${admittedCohort}`, { token: user.token });
        expect(response.status, user.record.role).to.equal(200);
        expect(response.body.id).to.equal(admittedCohort);
      }
    });

    it('GET /cohorts/{id} → 404 for a founder of another startup, a mentor, unknown and malformed ids', async () => {
      const cases: Array<[TestUser, string]> = [
        [founder, otherCohort],
        [otherFounder, admittedCohort],
        [mentor, admittedCohort],
        [admin, new mongoose.Types.ObjectId().toHexString()],
        [admin, 'not-an-id'],
      ];
      for (const [user, id] of cases) {
        const response = await runway.http('GET', `/api/v1/cohorts/${id}`, { token: user.token });
        expectProblem(response, 404, 'cohort_not_found');
      }
    });

    it('GET /cohorts/{id} → 401 without a token', async () => {
      expect((await runway.http('GET', `/api/v1/cohorts/${admittedCohort}`)).status).to.equal(401);
    });
  });
});

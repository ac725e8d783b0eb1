import { expect } from 'chai';
import mongoose from 'mongoose';
import type { DomainEvents } from '../../../server/core/events/domain-events.js';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { admit, createCohort, createStartup, individualBody, pinnedClock, PINNED_NOW } from './cohort-helpers.js';
import { expectProblem } from '../../helpers/problems.js';
import { milestonesRepository } from '../../../server/modules/cohorts/milestones.repository.js';

const STATES = ['planned', 'in_progress', 'done', 'blocked', 'waived'] as const;
type State = (typeof STATES)[number];

/** SPEC §6 as the product owner wrote it; the code's own table is not consulted. */
const ALLOWED: Record<State, State[]> = {
  planned: ['in_progress', 'done', 'blocked', 'waived'],
  in_progress: ['done', 'blocked', 'planned', 'waived'],
  blocked: ['in_progress', 'planned', 'waived'],
  done: ['in_progress'],
  waived: ['planned'],
};

/** Enough template items for one fresh milestone per test case. */
const BIG_TEMPLATE = Array.from({ length: 50 }, (_, i) => ({ key: `step-${i}`, title: `Step ${i}`, dueWeeks: i % 20 }));

describe('milestones: list, read, update (today pinned to 2026-06-15 in Vietnam)', () => {
  let runway: TestRunway;
  let manager: TestUser;
  let otherManager: TestUser;
  let admin: TestUser;
  let founder: TestUser;
  let teammate: TestUser;
  let otherFounder: TestUser;
  let mentor: TestUser;
  let cohortId: string;
  let startupId: string;
  let pool: string[];

  /** A milestone nobody has touched yet. */
  const fresh = () => {
    const id = pool.shift();
    if (!id) throw new Error('the test ran out of milestones: enlarge BIG_TEMPLATE');
    return id;
  };
  const patch = (user: TestUser, id: string, body: unknown) => runway.http('PATCH', `/api/v1/milestones/${id}`, { token: user.token, body });
  const stored = (id: string) => mongoose.connection.db!.collection('milestones').findOne({ _id: new mongoose.Types.ObjectId(id) });

  /** A fresh milestone moved (by an admin) into `state`. */
  async function milestoneIn(state: State): Promise<string> {
    const id = fresh();
    if (state !== 'planned') {
      const response = await patch(admin, id, { state });
      expect(response.status, response.text).to.equal(200);
    }
    return id;
  }

  before(async () => {
    runway = await startTestRunway({}, pinnedClock);
    [manager, otherManager, admin, founder, teammate, otherFounder, mentor] = await Promise.all([
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'admin'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'mentor'),
    ]);
    cohortId = (await createCohort(runway, manager.token, { milestoneTemplate: BIG_TEMPLATE })).id;
    startupId = await createStartup(runway, founder.token, individualBody('Lúa Thông Minh'));
    const added = await runway.http('POST', `/api/v1/startups/${startupId}/members`, { token: founder.token, body: { email: teammate.record.email } });
    expect(added.status, added.text).to.equal(200);
    pool = (await admit(runway, manager.token, cohortId, startupId)).milestones.map((m) => m.id);
  });
  after(() => runway.stop());

  describe('GET /milestones?cohortId=&startupId=', () => {
    const list = (user: TestUser, query = `cohortId=${cohortId}&startupId=${startupId}`) => runway.http('GET', `/api/v1/milestones?${query}`, { token: user.token });

    it('→ 200 in template order for the startup’s members, the cohort’s manager and an admin', async () => {
      for (const user of [founder, teammate, manager, admin]) {
        const response = await list(user);
        expect(response.status, user.record.role).to.equal(200);
        expect(response.body.items).to.have.length(BIG_TEMPLATE.length);
        expect(response.body.items.map((m: { order: number }) => m.order)).to.deep.equal(BIG_TEMPLATE.map((_, i) => i));
        expect(response.body.nextCursor).to.equal(null);
      }
    });

    it('marks a past-due open milestone as overdue', async () => {
      const { body } = await list(founder);
      const first = body.items[0];
      expect(first).to.include({ key: 'step-0', dueOn: '2026-05-01', state: 'planned', overdue: true });
      expect(body.items.find((m: { key: string }) => m.key === 'step-19')).to.include({ dueOn: '2026-09-11', overdue: false });
    });

    it('→ 403 for a manager of another cohort; 404 for a founder of another startup and a mentor', async () => {
      expect((await list(otherManager)).status).to.equal(403);
      for (const user of [otherFounder, mentor]) {
        const response = await list(user);
        expectProblem(response, 404, 'admission_not_found');
      }
    });

    it('→ 404 when the startup is not admitted to the cohort; 400 naming a missing or malformed id', async () => {
      const elsewhere = await createCohort(runway, manager.token);
      expect((await list(admin, `cohortId=${elsewhere.id}&startupId=${startupId}`)).status).to.equal(404);
      const malformed = await list(admin, `cohortId=xyz`);
      expect(malformed.status).to.equal(400);
      expect(malformed.body.errors.map((e: { field: string }) => e.field)).to.have.members(['cohortId', 'startupId']);
    });
  });

  describe('GET /milestones/{id}', () => {
    it('→ 200 for a member, 403 for another manager, 404 for another founder, a mentor and bad ids', async () => {
      const id = pool[0]!;
      expect((await runway.http('GET', `/api/v1/milestones/${id}`, { token: teammate.token })).body.id).to.equal(id);
      expect((await runway.http('GET', `/api/v1/milestones/${id}`, { token: otherManager.token })).status).to.equal(403);
      for (const [user, target] of [
        [otherFounder, id],
        [mentor, id],
        [admin, new mongoose.Types.ObjectId().toHexString()],
        [admin, 'bad'],
      ] as const) {
        const response = await runway.http('GET', `/api/v1/milestones/${target}`, { token: user.token });
        expectProblem(response, 404, 'milestone_not_found');
      }
    });
  });

  describe('PATCH /milestones/{id}: transitions', () => {
    for (const from of STATES) {
      for (const to of STATES.filter((s) => s !== from)) {
        const allowed = ALLOWED[from].includes(to);
        it(`${from} → ${to}: ${allowed ? '200' : '409 invalid_transition'} (as the cohort’s manager)`, async () => {
          const id = await milestoneIn(from);
          const response = await patch(manager, id, { state: to });
          if (allowed) {
            expect(response.status, response.text).to.equal(200);
            expect(response.body.state).to.equal(to);
            expect(response.body.history.at(-1)).to.include({ from, to, by: manager.id, at: PINNED_NOW.toISOString() });
          } else {
            expectProblem(response, 409, 'invalid_transition');
            expect(response.body.allowed).to.have.members(ALLOWED[from]);
            expect((await stored(id))!.state).to.equal(from);
          }
        });
      }
    }
  });

  describe('PATCH /milestones/{id}: who may', () => {
    it('→ 200 for the startup’s members moving along (planned → in_progress → done → in_progress)', async () => {
      const id = fresh();
      for (const [user, state] of [
        [founder, 'in_progress'],
        [teammate, 'done'],
        [founder, 'in_progress'],
      ] as const) {
        const response = await patch(user, id, { state });
        expect(response.status, response.text).to.equal(200);
        expect(response.body.state).to.equal(state);
      }
      expect((await stored(id))!.history.map((h: { to: string }) => h.to)).to.deep.equal(['in_progress', 'done', 'in_progress']);
    });

    it('→ 403 waive_needs_manager when a founder waives or un-waives; the manager may', async () => {
      const id = fresh();
      const refused = await patch(founder, id, { state: 'waived' });
      expectProblem(refused, 403, 'waive_needs_manager');
      expect((await stored(id))!.state).to.equal('planned');

      expect((await patch(manager, id, { state: 'waived', note: 'Not relevant for an individual' })).status).to.equal(200);
      const back = await patch(teammate, id, { state: 'planned' });
      expectProblem(back, 403, 'waive_needs_manager');
      expect((await patch(admin, id, { state: 'planned' })).status).to.equal(200);
    });

    it('→ 403 for a manager of another cohort; 404 for a founder of another startup, a mentor, unknown and malformed ids', async () => {
      const id = fresh();
      const other = await patch(otherManager, id, { state: 'in_progress' });
      expectProblem(other, 403, 'not_cohort_manager');
      for (const [user, target] of [
        [otherFounder, id],
        [mentor, id],
        [founder, new mongoose.Types.ObjectId().toHexString()],
        [founder, '%20'],
      ] as const) {
        const response = await patch(user, target, { state: 'in_progress' });
        expectProblem(response, 404, 'milestone_not_found');
      }
      expect((await stored(id))!.state).to.equal('planned');
    });

    it('→ 400 for an unknown state, an unknown field or an empty body', async () => {
      const id = fresh();
      for (const body of [{ state: 'finished' }, { state: 'done', owner: 'me' }, {}]) {
        const response = await patch(founder, id, body);
        expect(response.status, JSON.stringify(body)).to.equal(400);
      }
    });
  });

  describe('PATCH /milestones/{id}: notes, history, events, concurrency', () => {
    it('records a note with the transition, and a note-only change as its own history entry', async () => {
      const id = fresh();
      const moved = await patch(founder, id, { state: 'blocked', note: 'Chờ giấy phép' });
      expect(moved.body).to.include({ state: 'blocked', note: 'Chờ giấy phép' });
      const noted = await patch(founder, id, { note: 'Giấy phép đã nộp' });
      expect(noted.status).to.equal(200);
      expect(noted.body).to.include({ state: 'blocked', note: 'Giấy phép đã nộp' });
      expect(noted.body.history.map((h: { from: string; to: string; note: string | null }) => [h.from, h.to, h.note])).to.deep.equal([
        ['planned', 'blocked', 'Chờ giấy phép'],
        ['blocked', 'blocked', 'Giấy phép đã nộp'],
      ]);
    });

    it('sending the current state changes nothing and emits nothing', async () => {
      const id = fresh();
      let events = 0;
      const off = runway.context.bus.on('milestone.updated', () => {
        events += 1;
      });
      try {
        const response = await patch(founder, id, { state: 'planned' });
        expect(response.status).to.equal(200);
        expect(response.body.history).to.deep.equal([]);
        expect(events).to.equal(0);
      } finally {
        off();
      }
    });

    it('emits milestone.updated with the changed fields after the change is stored', async () => {
      const id = fresh();
      const events: Array<DomainEvents['milestone.updated'] & { storedState: string }> = [];
      const off = runway.context.bus.on('milestone.updated', async (event) => {
        events.push({ ...event, storedState: (await stored(event.milestoneId))!.state });
      });
      try {
        await patch(founder, id, { state: 'in_progress', note: 'Bắt đầu' });
        await patch(founder, id, { note: 'Tiến triển tốt' });
      } finally {
        off();
      }
      expect(events.map((e) => [e.milestoneId, e.cohortId, e.startupId, e.state, e.storedState, e.changed])).to.deep.equal([
        [id, cohortId, startupId, 'in_progress', 'in_progress', ['state', 'note']],
        [id, cohortId, startupId, 'in_progress', 'in_progress', ['note']],
      ]);
    });

    it('→ exactly one of several concurrent updates from the same state wins; the others get 409', async () => {
      for (const targets of [
        ['in_progress', 'in_progress'],
        ['in_progress', 'done', 'blocked'],
        ['done', 'done', 'done'],
      ]) {
        const id = fresh();
        const responses = await Promise.all(targets.map((state, i) => patch(i % 2 ? teammate : founder, id, { state })));
        const codes = JSON.stringify(responses.map((r) => [r.status, r.body.code]));
        for (const response of responses) expect([200, 409], codes).to.include(response.status);
        for (const loser of responses.filter((r) => r.status === 409)) expect(loser.body.code).to.equal('concurrent_update');
        const winners = responses.filter((r) => r.status === 200);
        expect(winners.length, codes).to.be.at.least(1);
        // No lost update: one unbroken chain of moves from `planned`, never two from the same state. (A request
        // that read only after a move saw another state: a no-op, or a move from there — never a second winner from `planned`.)
        const doc = (await stored(id))!;
        const history = doc.history as Array<{ from: string; to: string }>;
        expect(history.length, codes).to.be.within(1, winners.length);
        history.forEach((move, k) => expect(move.from, codes).to.equal(k === 0 ? 'planned' : history[k - 1]!.to));
        expect(doc.state).to.equal(history.at(-1)!.to);
      }
    });

    it('→ 422 admission_not_active once the startup has graduated; nothing changes', async () => {
      const otherStartup = await createStartup(runway, founder.token, individualBody('Graduated Co'));
      const [first] = (await admit(runway, manager.token, cohortId, otherStartup)).milestones;
      const graduate = await runway.http('POST', `/api/v1/cohorts/${cohortId}/admissions/${otherStartup}/graduate`, { token: manager.token });
      expect(graduate.status).to.equal(200);
      for (const [user, body] of [
        [founder, { state: 'done' }],
        [manager, { state: 'waived' }],
        [founder, { note: 'late note' }],
      ] as const) {
        const response = await patch(user, first!.id, body);
        expect(response.status, JSON.stringify(body)).to.equal(422);
        expect(response.body.code).to.equal('admission_not_active');
      }
      expect((await stored(first!.id))!).to.include({ state: 'planned', note: '' });
    });

    it('a change that read the admission as active but lands after it ended is refused: ending freezes the milestones', async () => {
      const otherStartup = await createStartup(runway, founder.token, individualBody('Withdrawn Co'));
      const [first] = (await admit(runway, manager.token, cohortId, otherStartup)).milestones;
      const readBefore = await milestonesRepository.findById(first!.id);
      const withdraw = await runway.http('POST', `/api/v1/cohorts/${cohortId}/admissions/${otherStartup}/withdraw`, { token: manager.token });
      expect(withdraw.status, withdraw.text).to.equal(200);
      // The in-flight change, as update-milestone would make it with what it read before the withdrawal.
      const late = await milestonesRepository.change(readBefore!, { to: 'done', at: PINNED_NOW, by: founder.id });
      expect(late.applied).to.equal(false);
      expect((await stored(first!.id))!).to.include({ state: 'planned', frozen: true, revision: 0 });
    });
  });
});

import { expect } from 'chai';
import mongoose from 'mongoose';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { admit, createCohort, createStartup, individualBody, pinnedClock, PINNED_TODAY } from './cohort-helpers.js';
import { expectProblem } from '../../helpers/problems.js';

/**
 * Template due dates from startsOn 2026-05-01: kickoff 05-01, customer-interviews 05-29,
 * mvp 06-26, pitch 07-24. Today (Vietnam) is 2026-06-15: the first two are past due.
 */
describe('GET /cohorts/{id}/board (today pinned to 2026-06-15 in Vietnam)', () => {
  let runway: TestRunway;
  let manager: TestUser;
  let otherManager: TestUser;
  let admin: TestUser;
  let founder: TestUser;
  let otherFounder: TestUser;
  let mentor: TestUser;
  let cohortId: string;
  let board: { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const startups: Record<'behind' | 'onTrack' | 'allWaived' | 'withdrawn', string> = { behind: '', onTrack: '', allWaived: '', withdrawn: '' };

  const patch = async (token: string, milestoneId: string, state: string) => {
    const response = await runway.http('PATCH', `/api/v1/milestones/${milestoneId}`, { token, body: { state } });
    expect(response.status, response.text).to.equal(200);
  };
  const getBoard = (user: TestUser, id = cohortId) => runway.http('GET', `/api/v1/cohorts/${id}/board`, { token: user.token });
  const row = (startupId: string) => board.body.admissions.find((r: { startup: { id: string } }) => r.startup.id === startupId);

  before(async () => {
    runway = await startTestRunway({}, pinnedClock);
    [manager, otherManager, admin, founder, otherFounder, mentor] = await Promise.all([
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'admin'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'mentor'),
    ]);
    cohortId = (await createCohort(runway, manager.token)).id;

    // "Behind": nothing done; kickoff and interviews are overdue.
    startups.behind = await createStartup(runway, founder.token, individualBody('Bình Thủy Behind'));
    await admit(runway, manager.token, cohortId, startups.behind);

    // "On track": kickoff done, interviews waived, mvp in progress → 1 / (4 − 1) = 33 %; nothing overdue; next due 06-26.
    startups.onTrack = await createStartup(runway, founder.token, individualBody('An Khánh On Track'));
    const onTrack = (await admit(runway, manager.token, cohortId, startups.onTrack)).milestones;
    await patch(founder.token, onTrack[0]!.id, 'done');
    await patch(manager.token, onTrack[1]!.id, 'waived');
    await patch(founder.token, onTrack[2]!.id, 'in_progress');

    // Everything waived → 100 %, nothing due.
    startups.allWaived = await createStartup(runway, founder.token, individualBody('Cái Răng Waived'));
    for (const m of (await admit(runway, manager.token, cohortId, startups.allWaived)).milestones) await patch(admin.token, m.id, 'waived');

    // Withdrawn: still on the board, after the active ones, with nothing overdue.
    startups.withdrawn = await createStartup(runway, founder.token, individualBody('A Withdrawn Startup'));
    await admit(runway, manager.token, cohortId, startups.withdrawn);
    const withdraw = await runway.http('POST', `/api/v1/cohorts/${cohortId}/admissions/${startups.withdrawn}/withdraw`, { token: manager.token });
    expect(withdraw.status).to.equal(200);

    board = await getBoard(manager);
  });
  after(() => runway.stop());

  it('→ 200 for the cohort’s manager, computed for Vietnam’s today', () => {
    expect(board.status, JSON.stringify(board.body)).to.equal(200);
    expect(board.body.today).to.equal(PINNED_TODAY);
    expect(board.body.cohort).to.include({ id: cohortId, programme: 'Mekong Startup Runway', startsOn: '2026-05-01' });
  });

  it('lists every admission, active ones first (then by name), with startup id and name and an empty mentors list', () => {
    expect(board.body.admissions.map((r: { startup: { name: string }; status: string }) => [r.startup.name, r.status])).to.deep.equal([
      ['An Khánh On Track', 'active'],
      ['Bình Thủy Behind', 'active'],
      ['Cái Răng Waived', 'active'],
      ['A Withdrawn Startup', 'withdrawn'],
    ]);
    for (const r of board.body.admissions) expect(r.mentors).to.deep.equal([]);
  });

  it('progress is done / (total − waived), 100 when everything is waived', () => {
    expect(row(startups.behind).progress).to.equal(0);
    expect(row(startups.onTrack).progress).to.equal(33);
    expect(row(startups.allWaived).progress).to.equal(100);
    expect(row(startups.onTrack).counts).to.deep.equal({ planned: 1, in_progress: 1, done: 1, blocked: 0, waived: 1, total: 4 });
  });

  it('overdue items are past due and not done or waived, with days overdue, most overdue first', () => {
    expect(row(startups.behind).overdue.map((o: { title: string; dueOn: string; daysOverdue: number }) => [o.title, o.dueOn, o.daysOverdue])).to.deep.equal([
      ['Kick-off and goals', '2026-05-01', 45],
      ['Twenty customer interviews', '2026-05-29', 17],
    ]);
    expect(row(startups.behind).overdue[0].id).to.match(/^[0-9a-f]{24}$/);
    expect(row(startups.onTrack).overdue).to.deep.equal([]);
    expect(row(startups.allWaived).overdue).to.deep.equal([]);
  });

  it('nextDueOn is the earliest due date among open milestones (null when none is open)', () => {
    expect(row(startups.behind).nextDueOn).to.equal('2026-05-01');
    expect(row(startups.onTrack).nextDueOn).to.equal('2026-06-26');
    expect(row(startups.allWaived).nextDueOn).to.equal(null);
  });

  it('an ended admission keeps its counts but has no overdue items or next due date', () => {
    expect(row(startups.withdrawn)).to.include({ status: 'withdrawn', progress: 0, nextDueOn: null });
    expect(row(startups.withdrawn).overdue).to.deep.equal([]);
    expect(row(startups.withdrawn).counts.total).to.equal(4);
  });

  it('totals count admissions by status, and milestones, overdue and progress over active admissions', () => {
    expect(board.body.totals.admissions).to.deep.equal({ active: 3, withdrawn: 1, graduated: 0, aged_out: 0, total: 4 });
    expect(board.body.totals.milestones).to.deep.equal({ planned: 5, in_progress: 1, done: 1, blocked: 0, waived: 5, total: 12 });
    expect(board.body.totals.overdue).to.equal(2);
    // done 1 / (12 − 5 waived) = 14 %
    expect(board.body.totals.progress).to.equal(14);
  });

  it('→ 200 for an admin', async () => {
    expect((await getBoard(admin)).status).to.equal(200);
  });

  it('→ 403 for a manager of another cohort and for a founder admitted to it; 404 for others and for bad ids', async () => {
    const other = await getBoard(otherManager);
    expectProblem(other, 403, 'not_cohort_manager');
    expect((await getBoard(founder)).status).to.equal(403);
    for (const user of [otherFounder, mentor]) {
      const response = await getBoard(user);
      expectProblem(response, 404, 'cohort_not_found');
    }
    expect((await getBoard(admin, new mongoose.Types.ObjectId().toHexString())).status).to.equal(404);
    expect((await getBoard(admin, '12345')).status).to.equal(404);
  });

  it('an empty cohort has no rows and no progress figure', async () => {
    const empty = await createCohort(runway, manager.token);
    const response = await getBoard(manager, empty.id);
    expect(response.status).to.equal(200);
    expect(response.body.admissions).to.deep.equal([]);
    expect(response.body.totals).to.deep.include({ overdue: 0, progress: null });
  });
});

/**
 * Startups under concurrent edits: every PATCH is a guarded update on the
 * revision it read, and team changes are single atomic updates, so no edit
 * is lost and nobody joins a team twice.
 */
import { expect } from 'chai';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { expectProblem } from '../../helpers/problems.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { createStartup, individualBody } from '../cohorts/cohort-helpers.js';

describe('startups: racing edits and team changes', () => {
  let runway: TestRunway;
  let owner: TestUser;
  before(async () => {
    runway = await startTestRunway();
    owner = await createTestUser(runway, 'startup');
  });
  after(() => runway.stop());

  const read = async (id: string) => (await runway.http('GET', `/api/v1/startups/${id}`, { token: owner.token })).body;

  it('PATCH /startups/{id} ×6 at once, each a different field → each 200 is kept, each 409 changed nothing', async () => {
    const id = await createStartup(runway, owner.token, individualBody('Lúa Xanh Mekong'));
    const patches: Array<[string, Record<string, unknown>]> = [
      ['description', { description: 'Giống lúa chịu mặn' }],
      ['district', { district: 'Cờ Đỏ' }],
      ['website', { website: 'https://luaxanh.vn' }],
      ['stage', { stage: 'mvp' }],
      ['needs', { needs: ['fundraising'] }],
      ['sectors', { sectors: ['agriculture', 'environment'] }],
    ];
    const before = await read(id);
    const answers = await Promise.all(patches.map(([, body]) => runway.http('PATCH', `/api/v1/startups/${id}`, { token: owner.token, body })));
    const after = await read(id);
    expect(answers.some((a) => a.status === 200)).to.equal(true);
    answers.forEach((answer, i) => {
      const [field, body] = patches[i]!;
      if (answer.status === 200) expect(after[field], `${field} answered 200 but was lost`).to.deep.equal(body[field]);
      else {
        expectProblem(answer, 409, 'concurrent_update');
        expect(after[field], `${field} answered 409 but was written`).to.deep.equal(before[field]);
      }
    });
    // The search text is derived from the record as written, never from a stale read: it finds the district exactly when it was kept.
    const found = await runway.http('GET', '/api/v1/startups?q=co%20do', { token: owner.token });
    expect(found.body.items.some((s: { id: string }) => s.id === id)).to.equal(after.district === 'Cờ Đỏ');
  });

  it('POST /startups/{id}/members ×5 at once for one person → one 200, four 409 already_member, one membership', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await createStartup(runway, owner.token, individualBody(`Nhóm ${round}`));
      const teammate = await createTestUser(runway, 'startup');
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => runway.http('POST', `/api/v1/startups/${id}/members`, { token: owner.token, body: { email: teammate.record.email } })),
      );
      expect(answers.map((a) => a.status).sort(), `round ${round}`).to.deep.equal([200, 409, 409, 409, 409]);
      for (const loser of answers.filter((a) => a.status === 409)) expectProblem(loser, 409, 'already_member');
      const members = (await read(id)).members as Array<{ userId: string; role: string }>;
      expect(members.map((m) => m.role).sort()).to.deep.equal(['member', 'owner']);
      expect(members.filter((m) => m.userId === teammate.id)).to.have.length(1);
    }
  });

  it('removing a member twice at once → one 200, one 404 member_not_found; the owner stays', async () => {
    const id = await createStartup(runway, owner.token, individualBody('Tre Việt Xanh'));
    const teammate = await createTestUser(runway, 'startup');
    expect((await runway.http('POST', `/api/v1/startups/${id}/members`, { token: owner.token, body: { email: teammate.record.email } })).status).to.equal(200);
    const answers = await Promise.all([0, 1].map(() => runway.http('DELETE', `/api/v1/startups/${id}/members/${teammate.id}`, { token: owner.token })));
    expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 404]);
    expectProblem(answers.find((a) => a.status === 404)!, 404, 'member_not_found');
    expect(((await read(id)).members as Array<{ role: string }>).map((m) => m.role)).to.deep.equal(['owner']);
  });
});

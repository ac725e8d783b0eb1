/**
 * Admins manage users: list and search, change roles, deactivate. A change
 * applies to the user's very next request in this process (the token check
 * reads no database when warm, and drops the changed user at once) and
 * within 2 s in another Runway process on the same database.
 */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { expectInvalidFields, expectProblem } from '../../helpers/problems.js';
import { startRunwayProcess, type RunwayProcess } from '../../helpers/process.js';
import { sendRequest, startTestRunway, type TestRunway } from '../../helpers/runway.js';

describe('users: admin changes roles and deactivates', () => {
  let runway: TestRunway;
  let admin: TestUser;
  before(async () => {
    runway = await startTestRunway();
    admin = await createTestUser(runway, 'admin');
  });
  after(() => runway.stop());

  const patch = (id: string, body: unknown, token = admin.token) => runway.http('PATCH', `/api/v1/users/${id}`, { token, body });
  const me = (user: TestUser) => runway.http('GET', '/api/v1/me', { token: user.token });

  it('PATCH /users/{id} {status: deactivated} → the user’s token is refused on the next request; reactivated, it works again', async () => {
    const founder = await createTestUser(runway, 'startup');
    expect((await me(founder)).status, 'warm: the user is now cached').to.equal(200);

    const deactivated = await patch(founder.id, { status: 'deactivated' });
    expect(deactivated.status, deactivated.text).to.equal(200);
    expect(deactivated.body).to.include({ id: founder.id, status: 'deactivated' });
    expectProblem(await me(founder), 401, 'unauthenticated');
    expectProblem(await runway.http('GET', '/api/v1/startups', { token: founder.token }), 401, 'unauthenticated');

    expect((await patch(founder.id, { status: 'active' })).status).to.equal(200);
    expect((await me(founder)).status).to.equal(200);
  });

  it('PATCH /users/{id} {role} → the next request is judged by the new role, whatever the token says', async () => {
    const founder = await createTestUser(runway, 'startup');
    expect((await runway.http('GET', '/api/v1/startups', { token: founder.token })).status).to.equal(200);
    const changed = await patch(founder.id, { role: 'mentor' });
    expect(changed.body.role).to.equal('mentor');
    expect((await me(founder)).body.role).to.equal('mentor');
    // Mentors do not list startups: the old token's "startup" claim no longer counts.
    expectProblem(await runway.http('GET', '/api/v1/startups', { token: founder.token }), 403, 'forbidden');
  });

  it('a warm token check and GET /me read nothing from the database', async () => {
    const founder = await createTestUser(runway, 'startup');
    expect((await me(founder)).status).to.equal(200);
    const operations: string[] = [];
    mongoose.set('debug', (collection: string, method: string) => void operations.push(`${collection}.${method}`));
    try {
      for (let i = 0; i < 10; i++) expect((await me(founder)).body.id).to.equal(founder.id);
    } finally {
      mongoose.set('debug', false);
    }
    expect(operations.filter((op) => op.startsWith('users.'))).to.deep.equal([]);
  });

  it('an admin cannot change their own role or status (422 cannot_change_self); sending what is stored changes nothing', async () => {
    expectProblem(await patch(admin.id, { role: 'manager' }), 422, 'cannot_change_self');
    expectProblem(await patch(admin.id, { status: 'deactivated' }), 422, 'cannot_change_self');
    const same = await patch(admin.id, { role: 'admin', status: 'active' });
    expect(same.status).to.equal(200);
    expect((await me(admin)).body).to.include({ role: 'admin', status: 'active' });
  });

  it('PATCH /users/{id} → 400 naming each bad field (unknown value, null, unknown key), 404 for an unknown id', async () => {
    const founder = await createTestUser(runway, 'startup');
    expectInvalidFields(await patch(founder.id, { role: 'owner', status: null, email: 'x@example.vn' }), ['role', 'status', 'email']);
    expectProblem(await patch('5f0000000000000000000000', { role: 'mentor' }), 404, 'user_not_found');
    expectProblem(await patch('not-an-id', { role: 'mentor' }), 404, 'user_not_found');
    expect((await me(founder)).body.role).to.equal('startup');
  });

  it('GET /users → admins page through users, filter by role and status, and search without diacritics', async () => {
    await createTestUser(runway, 'manager', 'Nguyễn Thị Thu Hà');
    const found = await runway.http('GET', '/api/v1/users?q=nguyen%20thi%20thu&role=manager', { token: admin.token });
    expect(found.status, found.text).to.equal(200);
    expect(found.body.items.map((u: { name: string }) => u.name)).to.deep.equal(['Nguyễn Thị Thu Hà']);
    expect(found.body.items[0]).not.to.have.any.keys('passwordHash', 'searchText');

    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = await runway.http('GET', `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: admin.token });
      for (const user of page.body.items as Array<{ id: string }>) seen.add(user.id);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.size).to.be.greaterThan(5);

    const one = await runway.http('GET', `/api/v1/users/${admin.id}`, { token: admin.token });
    expect(one.body).to.include({ id: admin.id, role: 'admin' });
  });

  it('two admins demoting each other at once never leave the platform without an active admin (20 rounds)', async () => {
    const activeAdmins = () => mongoose.connection.db!.collection('users').countDocuments({ role: 'admin', status: 'active' });
    let survivors = [admin];
    for (let round = 0; round < 20; round++) {
      const [a, b] = await Promise.all([createTestUser(runway, 'admin'), createTestUser(runway, 'admin')]);
      for (const old of survivors) expect((await patch(old.id, { role: 'manager' }, a!.token)).status).to.equal(200);
      expect(await activeAdmins()).to.equal(2);

      const [aDemotesB, bDemotesA] = await Promise.all([patch(b!.id, { role: 'manager' }, a!.token), patch(a!.id, { role: 'manager' }, b!.token)]);
      const statuses = [aDemotesB.status, bDemotesA.status];
      expect(statuses, `round ${round}`).not.to.deep.equal([200, 200]);
      for (const response of [aDemotesB, bDemotesA]) if (response.status === 409) expect(response.body.code).to.equal('last_admin');
      expect(await activeAdmins(), `round ${round}: ${statuses.join(', ')}`).to.be.at.least(1);
      survivors = [];
      for (const user of [a!, b!]) if ((await me(user)).body.role === 'admin') survivors.push(user);
    }
    expect((await patch(admin.id, { role: 'admin' }, survivors[0]!.token)).status, 'the suite’s admin back for the next tests').to.equal(200);
  });

  describe('with a second Runway process on the same database', function () {
    this.timeout(60_000);
    let other: RunwayProcess;
    before(async () => {
      other = await startRunwayProcess(runway.context.config.DB_NAME);
    });
    after(() => other.stop());

    it('a deactivation made through one process refuses the token in the other within 2 s', async () => {
      const founder = await createTestUser(runway, 'startup');
      const meThere = () => sendRequest(other.url, 'GET', '/api/v1/me', { token: founder.token });
      expect((await meThere()).status, 'warm in the other process').to.equal(200);

      expect((await patch(founder.id, { status: 'deactivated' })).status).to.equal(200);
      const changedAt = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - changedAt < 5000) {
        status = (await meThere()).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 50));
      }
      const took = Date.now() - changedAt;
      expect(status).to.equal(401);
      expect(took, `refused after ${took} ms`).to.be.below(2000);
    });
  });
});

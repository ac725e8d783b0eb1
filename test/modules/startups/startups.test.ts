import { expect } from 'chai';
import { DateTime } from 'luxon';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { expectProblem } from '../../helpers/problems.js';

/** Today in this test: 27 November 2026, 23:30 in Can Tho (16:30 UTC). */
const NOW = DateTime.fromISO('2026-11-27T23:30', { zone: 'Asia/Ho_Chi_Minh' }).toJSDate();

const company = (overrides: Record<string, unknown> = {}) => ({
  name: 'Nông Sản Xanh Cần Thơ',
  description: 'Truy xuất nguồn gốc nông sản cho hợp tác xã ở Phong Điền.',
  kind: 'company',
  enterpriseCode: '1801234567',
  firstRegisteredOn: '2022-03-15',
  growthBasis: ['technology'],
  sectors: ['agriculture', 'information_technology'],
  stage: 'early_revenue',
  needs: ['fundraising', 'export'],
  district: 'Phong Điền',
  ...overrides,
});

const fieldsOf = (body: { errors: Array<{ field: string }> }) => body.errors.map((e) => e.field);

describe('startups', () => {
  let runway: TestRunway;
  let founder: TestUser;
  let teammate: TestUser;
  let stranger: TestUser;
  let manager: TestUser;
  let mentor: TestUser;

  before(async () => {
    runway = await startTestRunway({}, { now: () => NOW });
    [founder, teammate, stranger, manager, mentor] = await Promise.all([
      createTestUser(runway, 'startup', 'Lê Hoàng Phúc'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'mentor'),
    ]);
  });
  after(() => runway.stop());

  const create = (body: unknown, user = founder) => runway.http('POST', '/api/v1/startups', { token: user.token, body });

  describe('POST /startups', () => {
    it('→ 201 with the founder as owner and eligibility derived', async () => {
      const response = await create(company());
      expect(response.status, response.text).to.equal(201);
      expect(response.body).to.include({ kind: 'company', eligibleUntil: '2027-03-15', eligible: true });
      expect(response.body.members).to.have.length(1);
      expect(response.body.members[0]).to.include({ userId: founder.id, role: 'owner' });
      expect(response.body).not.to.have.property('searchText');
    });

    it('→ 201 for an individual with no code or date', async () => {
      const response = await create(company({ kind: 'individual', enterpriseCode: undefined, firstRegisteredOn: undefined }));
      expect(response.status, response.text).to.equal(201);
      expect(response.body).to.include({ eligible: true, eligibleUntil: null });
    });

    for (const [label, overrides, field] of [
      ['an impossible date', { firstRegisteredOn: '2023-02-29' }, 'firstRegisteredOn'],
      ['a malformed date', { firstRegisteredOn: '15/03/2022' }, 'firstRegisteredOn'],
      ['a malformed enterprise code', { enterpriseCode: '18012345' }, 'enterpriseCode'],
      ['an enterprise code with letters', { enterpriseCode: '180123456A' }, 'enterpriseCode'],
      ['an unknown sector', { sectors: ['agriculture', 'space_mining'] }, 'sectors'],
      ['an empty growth basis', { growthBasis: [] }, 'growthBasis'],
      ['an unknown stage', { stage: 'unicorn' }, 'stage'],
    ] as const) {
      it(`→ 400 naming ${field} for ${label}`, async () => {
        const response = await create(company(overrides));
        expectProblem(response, 400, 'validation_failed');
        expect(fieldsOf(response.body)).to.include(field);
      });
    }

    // Well-formed, but a rule spanning fields or the calendar says no: 422, as the OpenAPI document cannot say these.
    for (const [label, overrides, field] of [
      ['a registration date in the future (tomorrow in Vietnam)', { firstRegisteredOn: '2026-11-28' }, 'firstRegisteredOn'],
      ['a company without its code', { enterpriseCode: undefined }, 'enterpriseCode'],
      ['a company without its registration date', { firstRegisteredOn: undefined }, 'firstRegisteredOn'],
      ['a group with an enterprise code', { kind: 'group', firstRegisteredOn: undefined }, 'enterpriseCode'],
      ['an S&T certificate dated in the future', { stEnterprise: { certifiedOn: '2027-01-01', certificateNumber: 'KHCN-01' } }, 'stEnterprise.certifiedOn'],
      ['an S&T certificate before registration', { stEnterprise: { certifiedOn: '2020-01-01', certificateNumber: 'KHCN-01' } }, 'stEnterprise.certifiedOn'],
    ] as const) {
      it(`→ 422 rule_violated naming ${field} for ${label}`, async () => {
        const response = await create(company(overrides));
        expectProblem(response, 422, 'rule_violated');
        expect(fieldsOf(response.body)).to.include(field);
      });
    }

    it('→ 400 naming every bad field at once', async () => {
      const response = await create(company({ name: '', enterpriseCode: 'x', sectors: ['nope'], stage: 'nope' }));
      expect(fieldsOf(response.body)).to.include.members(['name', 'enterpriseCode', 'sectors', 'stage']);
    });

    it('→ 403 for a mentor or a manager (founders register their own)', async () => {
      expect((await create(company(), mentor)).status).to.equal(403);
      expect((await create(company(), manager)).status).to.equal(403);
    });
  });

  describe('reading, updating and the team', () => {
    let startupId: string;
    before(async () => {
      startupId = (await create(company({ name: 'Du Lịch Sông Nước', sectors: ['tourism'], firstRegisteredOn: '2021-11-27' }))).body.id;
    });

    it('GET /startups/{id}/eligibility → the last day, 0 days left, at 23:30 Vietnam time', async () => {
      const response = await runway.http('GET', `/api/v1/startups/${startupId}/eligibility`, { token: founder.token });
      expect(response.status).to.equal(200);
      expect(response.body).to.include({ eligible: true, eligibleUntil: '2026-11-27', daysLeft: 0, reason: 'within_five_years' });
      expect(response.body.message.vi).to.be.a('string');
    });

    it('GET /startups/{id} → 200 for the owner and staff, 404 for other founders and mentors', async () => {
      expect((await runway.http('GET', `/api/v1/startups/${startupId}`, { token: founder.token })).status).to.equal(200);
      expect((await runway.http('GET', `/api/v1/startups/${startupId}`, { token: manager.token })).status).to.equal(200);
      expect((await runway.http('GET', `/api/v1/startups/${startupId}`, { token: stranger.token })).status).to.equal(404);
      expect((await runway.http('GET', `/api/v1/startups/${startupId}`, { token: mentor.token })).status).to.equal(404);
      expect((await runway.http('GET', '/api/v1/startups/not-an-id', { token: manager.token })).status).to.equal(404);
    });

    it('PATCH /startups/{id} → 200 and eligibility recomputed when the date changes', async () => {
      const response = await runway.http('PATCH', `/api/v1/startups/${startupId}`, {
        token: founder.token,
        body: { firstRegisteredOn: '2021-11-26', stage: 'growth' },
      });
      expect(response.status, response.text).to.equal(200);
      expect(response.body).to.include({ firstRegisteredOn: '2021-11-26', eligibleUntil: '2026-11-26', eligible: false, stage: 'growth' });
    });

    it('PATCH /startups/{id} → a company becomes a group only when its company fields are removed', async () => {
      const refused = await runway.http('PATCH', `/api/v1/startups/${startupId}`, { token: founder.token, body: { kind: 'group' } });
      expectProblem(refused, 422, 'rule_violated');
      expect(fieldsOf(refused.body)).to.have.members(['enterpriseCode', 'firstRegisteredOn']);
      const accepted = await runway.http('PATCH', `/api/v1/startups/${startupId}`, {
        token: founder.token,
        body: { kind: 'group', enterpriseCode: null, firstRegisteredOn: null },
      });
      expect(accepted.status, accepted.text).to.equal(200);
      expect(accepted.body).to.include({ kind: 'group', enterpriseCode: null, eligibleUntil: null, eligible: true });
      const back = await runway.http('PATCH', `/api/v1/startups/${startupId}`, {
        token: founder.token,
        body: { kind: 'company', enterpriseCode: '1801234567-002', firstRegisteredOn: '2021-11-27' },
      });
      expect(back.body).to.include({ kind: 'company', eligibleUntil: '2026-11-27', eligible: true });
    });

    it('PATCH /startups/{id} → 403 for a manager, 404 for another founder; nothing changes', async () => {
      expect((await runway.http('PATCH', `/api/v1/startups/${startupId}`, { token: manager.token, body: { name: 'X' } })).status).to.equal(403);
      expect((await runway.http('PATCH', `/api/v1/startups/${startupId}`, { token: stranger.token, body: { name: 'X' } })).status).to.equal(404);
      const read = await runway.http('GET', `/api/v1/startups/${startupId}`, { token: founder.token });
      expect(read.body.name).to.equal('Du Lịch Sông Nước');
    });

    it('POST /startups/{id}/members adds a founder by email; the teammate may then edit; 409 the second time', async () => {
      const added = await runway.http('POST', `/api/v1/startups/${startupId}/members`, { token: founder.token, body: { email: teammate.record.email } });
      expect(added.status, added.text).to.equal(200);
      expect(added.body.members.map((m: { userId: string }) => m.userId)).to.include(teammate.id);
      const again = await runway.http('POST', `/api/v1/startups/${startupId}/members`, { token: founder.token, body: { email: teammate.record.email } });
      expect(again.status).to.equal(409);
      const edit = await runway.http('PATCH', `/api/v1/startups/${startupId}`, { token: teammate.token, body: { description: 'Tour miệt vườn' } });
      expect(edit.status).to.equal(200);
    });

    it('members: only the owner manages the team; mentors cannot join; the owner cannot be removed', async () => {
      const nobody = await runway.http('POST', `/api/v1/startups/${startupId}/members`, { token: founder.token, body: { email: 'chua-dang-ky@example.vn' } });
      expectProblem(nobody, 422, 'user_not_found');
      expect(nobody.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['email']);
      const byTeammate = await runway.http('POST', `/api/v1/startups/${startupId}/members`, { token: teammate.token, body: { email: stranger.record.email } });
      expect(byTeammate.status).to.equal(403);
      const aMentor = await runway.http('POST', `/api/v1/startups/${startupId}/members`, { token: founder.token, body: { email: mentor.record.email } });
      expectProblem(aMentor, 422, 'not_a_founder');
      const owner = await runway.http('DELETE', `/api/v1/startups/${startupId}/members/${founder.id}`, { token: founder.token });
      expect(owner.status).to.equal(422);
      const removed = await runway.http('DELETE', `/api/v1/startups/${startupId}/members/${teammate.id}`, { token: founder.token });
      expect(removed.status).to.equal(200);
      expect((await runway.http('GET', `/api/v1/startups/${startupId}`, { token: teammate.token })).status).to.equal(404);
    });
  });

  describe('GET /startups', () => {
    before(async () => {
      const other = await createTestUser(runway, 'startup');
      await create(company({ name: 'Gạo Thơm Thới Lai', sectors: ['agriculture', 'food_processing'], stage: 'mvp' }), other);
      await create(company({ name: 'Học Trực Tuyến Ninh Kiều', sectors: ['education'], firstRegisteredOn: '2019-05-01', needs: ['marketing'] }), other);
      await create(company({ name: 'Xe Điện Cái Răng', sectors: ['logistics'], kind: 'group', enterpriseCode: undefined, firstRegisteredOn: undefined }), other);
    });

    const list = async (query: string, user = manager) => runway.http('GET', `/api/v1/startups${query}`, { token: user.token });
    const names = (body: { items: Array<{ name: string }> }) => body.items.map((s) => s.name);

    it('staff see all; a founder sees only their own; a mentor gets 403', async () => {
      const all = await list('?limit=100');
      expect(all.body.items.length).to.be.greaterThanOrEqual(5);
      const mine = await list('?limit=100', founder);
      expect(mine.body.items.every((s: { members: Array<{ userId: string }> }) => s.members.some((m) => m.userId === founder.id))).to.equal(true);
      expect((await list('', mentor)).status).to.equal(403);
    });

    it('filters by sector, stage, kind, need and eligibility', async () => {
      expect(names((await list('?sector=food_processing')).body)).to.deep.equal(['Gạo Thơm Thới Lai']);
      expect(names((await list('?stage=mvp')).body)).to.include('Gạo Thơm Thới Lai');
      expect(names((await list('?kind=group&limit=100')).body)).to.include('Xe Điện Cái Răng');
      expect(names((await list('?need=marketing')).body)).to.deep.equal(['Học Trực Tuyến Ninh Kiều']);
      const ineligible = names((await list('?eligible=false&limit=100')).body);
      expect(ineligible).to.include('Học Trực Tuyến Ninh Kiều');
      expect(ineligible).not.to.include('Gạo Thơm Thới Lai');
      expect(names((await list('?eligible=true&limit=100')).body)).to.include.members(['Gạo Thơm Thới Lai', 'Xe Điện Cái Răng']);
    });

    it('searches without diacritics or case: "gao thom", "NINH KIEU", "nong nghiep" (a sector label)', async () => {
      expect(names((await list('?q=gao%20thom')).body)).to.deep.equal(['Gạo Thơm Thới Lai']);
      expect(names((await list('?q=NINH%20KIEU')).body)).to.deep.equal(['Học Trực Tuyến Ninh Kiều']);
      expect(names((await list('?q=nong%20nghiep&limit=100')).body)).to.include('Gạo Thơm Thới Lai');
      expect(names((await list('?q=xe%20dien%20cai%20rang')).body)).to.deep.equal(['Xe Điện Cái Răng']);
    });

    it('paginates with a cursor: every startup once, in order', async () => {
      const all = (await list('?limit=100')).body.items.map((s: { id: string }) => s.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).to.be.at.most(2);
        seen.push(...page.body.items.map((s: { id: string }) => s.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).to.deep.equal(all);
    });

    it('a founder paging with a cursor never sees another team\'s startups', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`, founder);
        expect(page.status).to.equal(200);
        for (const s of page.body.items) {
          expect(s.members.map((m: { userId: string }) => m.userId), s.name).to.include(founder.id);
          seen.push(s.id);
        }
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.length).to.be.greaterThanOrEqual(2);
    });

    it('→ 400 naming bad query values', async () => {
      const response = await list('?sector=space&limit=1000&cursor=zzz&eligible=maybe');
      expect(response.status).to.equal(400);
      expect(fieldsOf(response.body)).to.have.members(['sector', 'limit', 'cursor', 'eligible']);
    });
  });
});

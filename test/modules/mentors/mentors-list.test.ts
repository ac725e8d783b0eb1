/** GET /mentors: who sees which statuses, each filter, cursor pages, and search that ignores diacritics and case. */
import { expect } from 'chai';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { expectInvalidFields, expectProblem } from '../../helpers/problems.js';
import { createActiveMentor, createMentor, type TestMentor } from './mentor-helpers.js';

describe('mentors: listing, filters and search', () => {
  let runway: TestRunway;
  let manager: TestUser;
  let startup: TestUser;
  let mentorCaller: TestUser;
  /** Active: agriculture in Can Tho, offline, vi+en. */
  let hong: TestMentor;
  /** Active: IT at Can Tho University, online, en+fr; "nông nghiệp" only in the bio. */
  let quan: TestMentor;
  /** Active: tourism in Ho Chi Minh City, both modes, vi. */
  let trang: TestMentor;
  /** Pending: agriculture, a "Nguyễn" too. */
  let pending: TestMentor;
  /** Paused: agriculture. */
  let paused: TestMentor;

  before(async () => {
    runway = await startTestRunway();
    [manager, startup, mentorCaller] = await Promise.all([
      createTestUser(runway, 'manager'),
      createTestUser(runway, 'startup'),
      createTestUser(runway, 'mentor'),
    ]);
    // One at a time, so that _id order is creation order.
    hong = await createActiveMentor(runway, manager, {
      name: 'Nguyễn Thị Hồng',
      title: 'Kỹ sư nông học',
      bio: 'Chuyên gia Nông nghiệp công nghệ cao, từng hỗ trợ hợp tác xã lúa gạo.',
      sectors: ['agriculture', 'food_processing'],
      stages: ['idea', 'mvp'],
      expertise: ['marketing', 'sales'],
      languages: ['vi', 'en'],
      mode: 'offline',
      location: { district: 'Ninh Kiều', city: 'Cần Thơ' },
    });
    quan = await createActiveMentor(runway, manager, {
      name: 'Trần Minh Quân',
      organisation: 'Trường Đại học Cần Thơ',
      bio: 'Cố vấn chuyển đổi số cho hợp tác xã nông nghiệp.',
      sectors: ['information_technology'],
      stages: ['growth'],
      expertise: ['technology', 'fundraising'],
      languages: ['en', 'fr'],
      mode: 'online',
    });
    trang = await createActiveMentor(runway, manager, {
      name: 'Phạm Thu Trang',
      bio: 'Du lịch cộng đồng miền Tây.',
      sectors: ['tourism'],
      stages: ['idea'],
      expertise: ['marketing'],
      languages: ['vi'],
      mode: 'both',
      location: { city: 'TP. Hồ Chí Minh' },
    });
    pending = await createMentor(runway, { name: 'Nguyễn Văn Chờ', bio: 'Trồng xoài cát Hòa Lộc.', sectors: ['agriculture'], languages: ['vi'] });
    paused = await createActiveMentor(runway, manager, { name: 'Lý Tạm Nghỉ', sectors: ['agriculture'], languages: ['vi'] });
    const pause = await runway.http('POST', `/api/v1/mentors/${paused.profile.id}/pause`, { token: paused.user.token });
    expect(pause.status).to.equal(200);
  });
  after(() => runway.stop());

  const list = (caller: TestUser, query = '') => runway.http('GET', `/api/v1/mentors${query ? `?${query}` : ''}`, { token: caller.token });
  const idsOf = (response: { body: { items: Array<{ id: string }> } }) => response.body.items.map((m) => m.id);
  const ids = (...mentors: TestMentor[]) => mentors.map((m) => m.profile.id);

  describe('who sees what', () => {
    it('GET /mentors → a startup sees only active mentors, in id order', async () => {
      const response = await list(startup);
      expect(response.status, response.text).to.equal(200);
      expect(idsOf(response)).to.deep.equal(ids(hong, quan, trang));
      expect(response.body.nextCursor).to.equal(null);
    });

    it('GET /mentors → a mentor sees only active mentors too', async () => {
      expect(idsOf(await list(mentorCaller))).to.deep.equal(ids(hong, quan, trang));
    });

    it('GET /mentors → a manager sees every status and may filter by status', async () => {
      expect(idsOf(await list(manager))).to.deep.equal(ids(hong, quan, trang, pending, paused));
      expect(idsOf(await list(manager, 'status=pending'))).to.deep.equal(ids(pending));
      expect(idsOf(await list(manager, 'status=paused'))).to.deep.equal(ids(paused));
      expect(idsOf(await list(manager, 'status=active'))).to.deep.equal(ids(hong, quan, trang));
    });

    it('GET /mentors?status=pending → 403 status_filter_forbidden for a startup; status=active is fine', async () => {
      const refused = await list(startup, 'status=pending');
      expectProblem(refused, 403, 'status_filter_forbidden');
      expect(refused.body.errors[0].field).to.equal('status');
      expectProblem(await list(mentorCaller, 'status=paused'), 403, 'status_filter_forbidden');
      expect(idsOf(await list(startup, 'status=active'))).to.deep.equal(ids(hong, quan, trang));
    });

    it('a startup cannot find a pending mentor by search either', async () => {
      expect(idsOf(await list(startup, 'q=xoai%20cat'))).to.deep.equal([]);
      expect(idsOf(await list(manager, 'q=xoai%20cat'))).to.deep.equal(ids(pending));
    });

    it('list items are summaries: no search text or revision, no availability, and never conflicts of interest', async () => {
      const [item] = (await list(startup, 'limit=1')).body.items;
      expect(item).to.include.keys('id', 'userId', 'name', 'status', 'stats', 'capacity', 'languages');
      expect(item).not.to.have.any.keys('searchText', '__v', '_id', 'revision', 'conflicts', 'availability', 'statusHistory');
    });
  });

  describe('filters', () => {
    it('GET /mentors?sector= → mentors with that sector (active only for a startup, all for a manager)', async () => {
      expect(idsOf(await list(startup, 'sector=agriculture'))).to.deep.equal(ids(hong));
      expect(idsOf(await list(manager, 'sector=agriculture'))).to.deep.equal(ids(hong, pending, paused));
      expect(idsOf(await list(startup, 'sector=tourism'))).to.deep.equal(ids(trang));
    });

    it('GET /mentors?stage= → mentors who help that stage', async () => {
      expect(idsOf(await list(startup, 'stage=idea'))).to.deep.equal(ids(hong, trang));
      expect(idsOf(await list(startup, 'stage=growth'))).to.deep.equal(ids(quan));
    });

    it('GET /mentors?topic= → mentors with that topic in their expertise', async () => {
      expect(idsOf(await list(startup, 'topic=marketing'))).to.deep.equal(ids(hong, trang));
      expect(idsOf(await list(startup, 'topic=fundraising'))).to.deep.equal(ids(quan));
      expect(idsOf(await list(startup, 'topic=legal'))).to.deep.equal([]);
    });

    it('GET /mentors?language= → mentors who speak it; the code is ISO 639-1, lower case as the document says', async () => {
      expect(idsOf(await list(startup, 'language=fr'))).to.deep.equal(ids(quan));
      expect(idsOf(await list(startup, 'language=en'))).to.deep.equal(ids(hong, quan));
      expectInvalidFields(await list(startup, 'language=EN'), ['language']);
    });

    it('GET /mentors?mode= → online and offline include mentors who do both; both means both', async () => {
      expect(idsOf(await list(startup, 'mode=offline'))).to.deep.equal(ids(hong, trang));
      expect(idsOf(await list(startup, 'mode=online'))).to.deep.equal(ids(quan, trang));
      expect(idsOf(await list(startup, 'mode=both'))).to.deep.equal(ids(trang));
    });

    it('GET /mentors → filters combine: every one must hold', async () => {
      expect(idsOf(await list(startup, 'topic=marketing&language=en'))).to.deep.equal(ids(hong));
      expect(idsOf(await list(startup, 'sector=agriculture&mode=online'))).to.deep.equal([]);
    });

    it('GET /mentors → 400 naming each unknown filter value', async () => {
      const response = await list(startup, 'sector=mining&stage=unicorn&topic=magic&language=xx&mode=teleport&status=retired&limit=0');
      expectInvalidFields(response, ['sector', 'stage', 'topic', 'language', 'mode', 'status', 'limit']);
    });
  });

  describe('cursor pages', () => {
    async function walk(caller: TestUser, query: string): Promise<{ pages: string[][]; all: string[] }> {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const response = await list(caller, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.status, response.text).to.equal(200);
        pages.push(idsOf(response));
        cursor = response.body.nextCursor;
        expect(pages.length, 'too many pages').to.be.below(10);
      } while (cursor);
      return { pages, all: pages.flat() };
    }

    it('GET /mentors?limit=2 → walking nextCursor visits every mentor once, in order', async () => {
      const { pages, all } = await walk(manager, 'limit=2');
      expect(pages.map((p) => p.length)).to.deep.equal([2, 2, 1]);
      expect(all).to.deep.equal(ids(hong, quan, trang, pending, paused));
      expect(new Set(all).size).to.equal(all.length);
    });

    it('GET /mentors?limit=1 with a filter → pages stay within the filter', async () => {
      const { all } = await walk(startup, 'limit=1&sector=agriculture');
      expect(all).to.deep.equal(ids(hong));
      const marketing = await walk(startup, 'limit=1&topic=marketing');
      expect(marketing.all).to.deep.equal(ids(hong, trang));
    });

    it('GET /mentors?cursor=garbage → 400 naming cursor', async () => {
      expectInvalidFields(await list(startup, 'cursor=garbage'), ['cursor']);
    });
  });

  describe('search (?q=)', () => {
    it('"nong nghiep" finds "Nông nghiệp" in a bio and as a sector label', async () => {
      expect(idsOf(await list(startup, 'q=nong%20nghiep'))).to.deep.equal(ids(hong, quan));
    });

    it('"can tho" finds "Cần Thơ" as a city and inside an organisation', async () => {
      expect(idsOf(await list(startup, 'q=can%20tho'))).to.deep.equal(ids(hong, quan));
    });

    it('"NGUYEN" finds "Nguyễn" whatever the case (active only for a startup)', async () => {
      expect(idsOf(await list(startup, 'q=NGUYEN'))).to.deep.equal(ids(hong));
      expect(idsOf(await list(manager, 'q=NGUYEN'))).to.deep.equal(ids(hong, pending));
    });

    it('searches both labels of expertise topics: "tiep thi" and "marketing" find the same mentors', async () => {
      expect(idsOf(await list(startup, 'q=tiep%20thi'))).to.deep.equal(ids(hong, trang));
      expect(idsOf(await list(startup, 'q=Marketing'))).to.deep.equal(ids(hong, trang));
    });

    it('the folded phrase must match, and search combines with filters and pages', async () => {
      expect(idsOf(await list(startup, 'q=nong%20nghiep'))).to.include.members(ids(hong));
      expect(idsOf(await list(startup, 'q=nong%20nghiep%20ninh%20kieu'))).to.deep.equal([]);
      expect(idsOf(await list(startup, 'q=can%20tho&language=fr'))).to.deep.equal(ids(quan));
      const first = await list(startup, 'q=can%20tho&limit=1');
      expect(idsOf(first)).to.deep.equal(ids(hong));
      const second = await list(startup, `q=can%20tho&limit=1&cursor=${first.body.nextCursor}`);
      expect(idsOf(second)).to.deep.equal(ids(quan));
      expect(second.body.nextCursor).to.equal(null);
    });

    it('regex characters in q are plain text, not a 500', async () => {
      const response = await list(startup, `q=${encodeURIComponent('(.*')}`);
      expect(response.status).to.equal(200);
      expect(response.body.items).to.deep.equal([]);
    });

    it('PATCH recomputes the search text: the new words are found, the old ones no longer', async () => {
      const response = await runway.http('PATCH', `/api/v1/mentors/${trang.profile.id}`, {
        token: trang.user.token,
        body: { bio: 'Du lịch sinh thái ở Thốt Nốt.', location: { city: 'Cần Thơ' } },
      });
      expect(response.status, response.text).to.equal(200);
      expect(idsOf(await list(startup, 'q=thot%20not'))).to.deep.equal(ids(trang));
      expect(idsOf(await list(startup, 'q=mien%20tay'))).to.deep.equal([]);
      expect(idsOf(await list(startup, 'q=can%20tho'))).to.deep.equal(ids(hong, quan, trang));
      // Fields the PATCH left alone still count.
      expect(idsOf(await list(startup, 'q=pham%20thu%20trang'))).to.deep.equal(ids(trang));
    });
  });
});

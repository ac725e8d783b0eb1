/**
 * Mentor notes and action items (SPEC §5) over real HTTP on a real
 * database: the note is the mentor's alone (admins read it too), action
 * items are set by the mentor and ticked by either side, and an item marked
 * done moves its milestone by the milestones' own rules — once, however
 * many mark it done at the same moment.
 */
import { expect } from 'chai';
import type { TestUser } from '../../helpers/factories.js';
import { expectInvalidFields, expectProblem, expectRuleViolated, errorFields } from '../../helpers/problems.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { admit, createStartup, PINNED_NOW } from '../cohorts/cohort-helpers.js';
import { activeMentor, matchingWorld, requestMentor, type MatchingWorld } from '../matching/matching-helpers.js';
import type { TestMentor } from '../mentors/mentor-helpers.js';

interface Milestone {
  id: string;
  key: string;
  state: string;
  history: Array<{ from: string; to: string; by: string }>;
}

describe('sessions: mentor notes and action items', function () {
  this.timeout(120_000);
  const clock = { now: new Date(PINNED_NOW) };
  let runway: TestRunway;
  let world: MatchingWorld;
  let mentor: TestMentor;
  let slots: string[];
  let milestones: Milestone[];
  /** A milestone of another startup in the same cohort. */
  let othersMilestoneId: string;

  const as = (user: TestUser) => ({ token: user.token });
  const session = (id: string, user: TestUser) => runway.http('GET', `/api/v1/sessions/${id}`, as(user));
  const writeNote = (id: string, user: TestUser, body: unknown) => runway.http('PUT', `/api/v1/sessions/${id}/notes`, { ...as(user), body });
  const addItem = (id: string, user: TestUser, body: unknown) => runway.http('POST', `/api/v1/sessions/${id}/action-items`, { ...as(user), body });
  const markItem = (id: string, itemId: string, user: TestUser, body: unknown) => runway.http('PATCH', `/api/v1/sessions/${id}/action-items/${itemId}`, { ...as(user), body });
  const milestone = async (id: string): Promise<Milestone> => {
    const response = await runway.http('GET', `/api/v1/milestones/${id}`, as(world.founder));
    expect(response.status, response.text).to.equal(200);
    return response.body;
  };
  const moveMilestone = async (id: string, state: string) => {
    const response = await runway.http('PATCH', `/api/v1/milestones/${id}`, { ...as(world.founder), body: { state } });
    expect(response.status, response.text).to.equal(200);
  };

  /** A new scheduled session of the world's startup with the mentor, at the next unused slot. */
  async function book(): Promise<string> {
    const start = slots.shift()!;
    const body = { startupId: world.startupId, mentorId: mentor.profile.id, start, mode: 'online', link: 'https://meet.example.vn/runway', topic: 'Kênh phân phối' };
    const response = await runway.http('POST', '/api/v1/sessions', { ...as(world.founder), body });
    expect(response.status, response.text).to.equal(201);
    return response.body.id as string;
  }

  before(async () => {
    runway = await startTestRunway({}, { now: () => clock.now });
    world = await matchingWorld(runway);
    mentor = await activeMentor(runway, world, { capacity: { maxActiveMentees: 3, maxSessionsPerMonth: 100 } });
    const requestId = await requestMentor(runway, world.founder.token, world.startupId, mentor.profile.id);
    expect((await runway.http('POST', `/api/v1/mentor-requests/${requestId}/accept`, as(mentor.user))).status).to.equal(200);
    const listed = await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}/slots?from=2026-06-15&to=2026-07-15`, as(world.founder));
    slots = (listed.body.items as Array<{ start: string }>).map((slot) => slot.start);
    const mine = await runway.http('GET', `/api/v1/milestones?cohortId=${world.cohortId}&startupId=${world.startupId}`, as(world.founder));
    milestones = mine.body.items;
    const otherStartup = await createStartup(runway, world.otherFounder.token, { name: 'Gạo Hữu Cơ Cờ Đỏ', kind: 'individual', growthBasis: ['technology'], sectors: ['agriculture'], stage: 'idea' });
    othersMilestoneId = (await admit(runway, world.manager.token, world.cohortId, otherStartup)).milestones[0]!.id;
  });
  after(() => runway.stop());
  beforeEach(() => {
    clock.now = new Date(PINNED_NOW);
  });

  describe('PUT /sessions/{id}/notes', () => {
    it('the mentor writes and replaces a private note: GET shows it to the mentor and admins, null to the team and managers', async () => {
      const id = await book();
      const first = await writeNote(id, mentor.user, { text: '  Nhóm nắm rõ chi phí.\nCần luyện phần doanh thu.  ' });
      expect(first.status, first.text).to.equal(200);
      expect(first.body).to.deep.equal({ sessionId: id, text: 'Nhóm nắm rõ chi phí.\nCần luyện phần doanh thu.', updatedAt: PINNED_NOW.toISOString() });
      const second = await writeNote(id, mentor.user, { text: 'Đã gửi mẫu bảng giá.' });
      expect(second.body.text).to.equal('Đã gửi mẫu bảng giá.');

      expect((await session(id, mentor.user)).body.mentorNote).to.deep.equal({ sessionId: id, text: 'Đã gửi mẫu bảng giá.', updatedAt: PINNED_NOW.toISOString() });
      expect((await session(id, world.admin)).body.mentorNote.text).to.equal('Đã gửi mẫu bảng giá.');
      for (const reader of [world.founder, world.manager]) {
        const seen = await session(id, reader);
        expect(seen.status).to.equal(200);
        expect(seen.body.mentorNote, 'not for the team or managers').to.equal(null);
        expect(seen.text).not.to.include('bảng giá');
      }
      // Lists never carry it, not even the mentor's own.
      const listed = await runway.http('GET', `/api/v1/sessions?mentorId=${mentor.profile.id}&limit=100`, as(mentor.user));
      expect(listed.body.items.find((s: { id: string }) => s.id === id).mentorNote).to.equal(null);
    });

    it('anyone but the mentor: 403 not_the_mentor if they see the session (admins included), 404 otherwise', async () => {
      const id = await book();
      for (const user of [world.founder, world.manager, world.admin]) expectProblem(await writeNote(id, user, { text: 'Ghi chú' }), 403, 'not_the_mentor');
      for (const user of [world.otherFounder, world.otherManager]) expectProblem(await writeNote(id, user, { text: 'Ghi chú' }), 404, 'session_not_found');
      const stranger = await activeMentor(runway, world);
      expectProblem(await writeNote(id, stranger.user, { text: 'Ghi chú' }), 404, 'session_not_found');
      expect((await runway.http('PUT', `/api/v1/sessions/${id}/notes`, { body: { text: 'Ghi chú' } })).status).to.equal(401);
    });

    it('bad input → 400 naming the field; a cancelled session → 409 session_closed; a completed one takes notes', async () => {
      const id = await book();
      expectInvalidFields(await writeNote(id, mentor.user, {}), ['text']);
      expectInvalidFields(await writeNote(id, mentor.user, { text: '   ' }), ['text']);
      expectInvalidFields(await writeNote(id, mentor.user, { text: null }), ['text']);
      expectInvalidFields(await writeNote(id, mentor.user, { text: 'x'.repeat(5001) }), ['text']);
      expectInvalidFields(await writeNote(id, mentor.user, { text: 'Được', private: true }), ['private']);
      expectProblem(await runway.http('PUT', '/api/v1/sessions/not-an-id/notes', { ...as(mentor.user), body: { text: 'Được' } }), 404, 'session_not_found');

      const held = await book();
      clock.now = new Date(Date.parse((await session(held, mentor.user)).body.start) + 70 * 60_000);
      expect((await runway.http('POST', `/api/v1/sessions/${held}/complete`, as(mentor.user))).status).to.equal(200);
      expect((await writeNote(held, mentor.user, { text: 'Buổi gặp tốt.' })).status).to.equal(200);

      clock.now = new Date(PINNED_NOW);
      expect((await runway.http('POST', `/api/v1/sessions/${id}/cancel`, { ...as(world.founder), body: { reason: 'Bận' } })).status).to.equal(200);
      const closed = await writeNote(id, mentor.user, { text: 'Muộn' });
      expectProblem(closed, 409, 'session_closed');
      expect(closed.body.sessionStatus).to.equal('cancelled');
    });
  });

  it('GET /sessions/{id}/milestones: the mentor reads the startup’s milestones there and names one in an action item', async () => {
    const id = await book();
    const listed = await runway.http('GET', `/api/v1/sessions/${id}/milestones`, as(mentor.user));
    expect(listed.status, listed.text).to.equal(200);
    expect(listed.body.items.map((m: Milestone) => m.id)).to.deep.equal(milestones.map((m) => m.id));
    expect(listed.body.items.every((m: { startupId: string }) => m.startupId === world.startupId)).to.equal(true);
    const item = await addItem(id, mentor.user, { title: 'Hoàn thiện mô hình kinh doanh', milestoneId: listed.body.items[1].id, moveTo: 'in_progress' });
    expect(item.status, item.text).to.equal(201);
    // Not a party: the same 404 as the session itself.
    expectProblem(await runway.http('GET', `/api/v1/sessions/${id}/milestones`, as(world.otherFounder)), 404, 'session_not_found');
  });

  it('a rescheduled session keeps its note and action items: they move to the new session', async () => {
    const id = await book();
    expect((await writeNote(id, mentor.user, { text: 'Chuẩn bị số liệu bán hàng.' })).status).to.equal(200);
    const item = await addItem(id, mentor.user, { title: 'Gửi báo giá' });
    expect(item.status, item.text).to.equal(201);
    const moved = await runway.http('POST', `/api/v1/sessions/${id}/reschedule`, { ...as(world.founder), body: { start: slots.shift()! } });
    expect(moved.status, moved.text).to.equal(200);
    expect(moved.body.session.actionItems.map((i: { id: string; title: string }) => [i.id, i.title])).to.deep.equal([[item.body.id, 'Gửi báo giá']]);
    const read = await session(moved.body.session.id, mentor.user);
    expect(read.body.mentorNote?.text).to.equal('Chuẩn bị số liệu bán hàng.');
    expect(read.body.actionItems).to.have.length(1);
  });

  describe('POST /sessions/{id}/action-items', () => {
    it('the mentor (or an admin) adds items; every party sees them; the team is told in Vietnamese and English', async () => {
      const id = await book();
      const added = await addItem(id, mentor.user, { title: ' Gửi bảng giá mới cho hai siêu thị ', dueOn: '2026-07-01' });
      expect(added.status, added.text).to.equal(201);
      expect(added.body).to.deep.include({
        sessionId: id,
        title: 'Gửi bảng giá mới cho hai siêu thị',
        dueOn: '2026-07-01',
        milestoneId: null,
        moveTo: null,
        done: false,
        doneAt: null,
        doneBy: null,
        milestoneMove: null,
        createdBy: mentor.user.id,
      });
      const byAdmin = await addItem(id, world.admin, { title: 'Cập nhật hồ sơ trên Runway', milestoneId: milestones[0]!.id });
      expect(byAdmin.status, byAdmin.text).to.equal(201);
      expect(byAdmin.body).to.include({ milestoneId: milestones[0]!.id, moveTo: 'done' }); // moveTo defaults to done

      for (const reader of [world.founder, world.manager, mentor.user, world.admin]) {
        expect((await session(id, reader)).body.actionItems.map((i: { id: string }) => i.id)).to.deep.equal([added.body.id, byAdmin.body.id]);
      }
      const notices = await runway.http('GET', '/api/v1/notifications?limit=100', as(world.founder));
      const told = (notices.body.items as Array<{ kind: string; title: { vi: string; en: string }; body: { vi: string; en: string }; data: Record<string, string> }>).filter(
        (n) => n.kind === 'session.actionItemAdded' && n.data.actionItemId === added.body.id,
      );
      expect(told).to.have.length(1);
      expect(told[0]!.title).to.deep.equal({ vi: 'Việc cần làm từ cố vấn', en: 'New action item from your mentor' });
      expect(told[0]!.body.vi).to.match(/^.+ giao việc: “Gửi bảng giá mới cho hai siêu thị” \(hạn 01\/07\/2026\)\.$/);
      expect(told[0]!.body.en).to.match(/^.+ set an action item: “Gửi bảng giá mới cho hai siêu thị” \(due 1 July 2026\)\.$/);
      expect(told[0]!.data).to.include({ sessionId: id, startupId: world.startupId });
      // The mentor who set it is not told of it.
      const mentorNotices = await runway.http('GET', '/api/v1/notifications?limit=100', as(mentor.user));
      expect(mentorNotices.body.items.map((n: { kind: string }) => n.kind)).not.to.include('session.actionItemAdded');
    });

    it('the team and managers: 403 not_the_mentor; other startups and cohorts: 404', async () => {
      const id = await book();
      for (const user of [world.founder, world.manager]) expectProblem(await addItem(id, user, { title: 'Việc' }), 403, 'not_the_mentor');
      for (const user of [world.otherFounder, world.otherManager]) expectProblem(await addItem(id, user, { title: 'Việc' }), 404, 'session_not_found');
    });

    it('bad input → 400 naming every field; rules → 422 naming the field; another startup’s milestone → 422 milestone_not_of_startup', async () => {
      const id = await book();
      expectInvalidFields(await addItem(id, mentor.user, {}), ['title']);
      expectInvalidFields(await addItem(id, mentor.user, { title: 'Việc', dueOn: '2026-02-30', milestoneId: 'm1', moveTo: 'waived', owner: 'Lan' }), ['dueOn', 'milestoneId', 'moveTo', 'owner']);
      expectInvalidFields(await addItem(id, mentor.user, { title: 'x'.repeat(201) }), ['title']);
      expectInvalidFields(await addItem(id, mentor.user, { title: 'Việc', dueOn: '2026-7-1' }), ['dueOn']);

      // 2026-06-14 is yesterday in Can Tho (today in UTC).
      expectRuleViolated(await addItem(id, mentor.user, { title: 'Việc', dueOn: '2026-06-14', moveTo: 'done' }), ['dueOn', 'milestoneId']);
      expect((await addItem(id, mentor.user, { title: 'Việc hôm nay', dueOn: '2026-06-15' })).status).to.equal(201);

      for (const milestoneId of [othersMilestoneId, '6a1f00000000000000000099']) {
        const refused = await addItem(id, mentor.user, { title: 'Việc', milestoneId, moveTo: 'in_progress' });
        expectProblem(refused, 422, 'milestone_not_of_startup');
        expect(errorFields(refused)).to.deep.equal(['milestoneId']);
      }
      expect((await session(id, mentor.user)).body.actionItems).to.have.length(1);
    });

    it('at most 20 per session, even when 25 are added at once; none on a cancelled session', async () => {
      const id = await book();
      const answers = await Promise.all(Array.from({ length: 25 }, (_, n) => addItem(id, mentor.user, { title: `Việc số ${n + 1}` })));
      expect(answers.filter((a) => a.status === 201)).to.have.length(20);
      const refused = answers.filter((a) => a.status !== 201);
      expect(refused).to.have.length(5);
      for (const answer of refused) {
        expectProblem(answer, 409, 'action_items_full');
        expect(answer.body.limit).to.equal(20);
      }
      expect((await session(id, world.founder)).body.actionItems).to.have.length(20);

      const cancelled = await book();
      expect((await runway.http('POST', `/api/v1/sessions/${cancelled}/cancel`, { ...as(mentor.user), body: { reason: 'Ốm' } })).status).to.equal(200);
      const closed = await addItem(cancelled, mentor.user, { title: 'Việc' });
      expectProblem(closed, 409, 'session_closed');
      expect(closed.body.sessionStatus).to.equal('cancelled');
    });
  });

  describe('PATCH /sessions/{id}/action-items/{itemId}', () => {
    it('done moves the milestone by its own rules and says so: moved, already there, refused with the reason; not done leaves it', async () => {
      const [kickoff, interviews] = milestones;
      const id = await book();
      const item = async (body: Record<string, unknown>) => (await addItem(id, mentor.user, { title: 'Việc', ...body })).body.id as string;
      const start = await item({ milestoneId: kickoff!.id, moveTo: 'in_progress' });
      const again = await item({ milestoneId: kickoff!.id, moveTo: 'in_progress' });
      const finish = await item({ milestoneId: kickoff!.id, moveTo: 'done' });
      const blocked = await item({ milestoneId: interviews!.id, moveTo: 'done' });
      const plain = await item({});

      const started = await markItem(id, start, world.founder, { done: true });
      expect(started.status, started.text).to.equal(200);
      expect(started.body).to.include({ done: true, doneBy: world.founder.id, doneAt: PINNED_NOW.toISOString() });
      expect(started.body.milestoneMove).to.deep.equal({ outcome: 'moved', reason: null, milestoneState: 'in_progress', at: PINNED_NOW.toISOString() });
      const afterStart = await milestone(kickoff!.id);
      expect(afterStart.state).to.equal('in_progress');
      expect(afterStart.history.at(-1)).to.include({ from: 'planned', to: 'in_progress', by: world.founder.id });

      expect((await markItem(id, again, mentor.user, { done: true })).body.milestoneMove).to.include({ outcome: 'already_there', milestoneState: 'in_progress' });

      // The mentor cannot PATCH the startup's milestones, but an item they set moves it when they tick it.
      expectProblem(await runway.http('PATCH', `/api/v1/milestones/${kickoff!.id}`, { ...as(mentor.user), body: { state: 'done' } }), 404, 'milestone_not_found');
      const finished = await markItem(id, finish, mentor.user, { done: true });
      expect(finished.body.milestoneMove).to.include({ outcome: 'moved', milestoneState: 'done' });
      expect((await milestone(kickoff!.id)).history.at(-1)).to.include({ from: 'in_progress', to: 'done', by: mentor.user.id });
      // A done milestone is never reopened by an item: in_progress is "already there".
      expect((await markItem(id, again, mentor.user, { done: false })).body).to.include({ done: false, milestoneMove: null, doneAt: null, doneBy: null });
      expect((await markItem(id, again, mentor.user, { done: true })).body.milestoneMove).to.include({ outcome: 'already_there', milestoneState: 'done' });

      await moveMilestone(interviews!.id, 'blocked');
      const refused = await markItem(id, blocked, world.admin, { done: true });
      expect(refused.status, refused.text).to.equal(200);
      expect(refused.body).to.include({ done: true });
      expect(refused.body.milestoneMove).to.include({ outcome: 'refused', reason: 'invalid_transition', milestoneState: 'blocked' });
      expect((await milestone(interviews!.id)).state).to.equal('blocked');

      expect((await markItem(id, plain, world.founder, { done: true })).body).to.include({ done: true, milestoneMove: null });
      const undone = await markItem(id, finish, world.founder, { done: false });
      expect(undone.body).to.include({ done: false, milestoneMove: null });
      expect((await milestone(kickoff!.id)).state, 'not done leaves the milestone where it is').to.equal('done');

      const detail = (await session(id, world.manager)).body.actionItems as Array<{ id: string; done: boolean; milestoneMove: { outcome: string } | null }>;
      expect(detail.map((i) => [i.id, i.done, i.milestoneMove?.outcome ?? null])).to.deep.equal([
        [start, true, 'moved'],
        [again, true, 'already_there'],
        [finish, false, null],
        [blocked, true, 'refused'],
        [plain, true, null],
      ]);
      await moveMilestone(kickoff!.id, 'in_progress');
      await moveMilestone(kickoff!.id, 'planned');
      await moveMilestone(interviews!.id, 'planned');
    });

    it('done twice → 409 action_item_already_done; not done twice → 409 action_item_not_done; managers 403; others 404; bad input 400', async () => {
      const id = await book();
      const itemId = (await addItem(id, mentor.user, { title: 'Việc' })).body.id as string;
      expect((await markItem(id, itemId, world.founder, { done: true })).status).to.equal(200);
      const twice = await markItem(id, itemId, mentor.user, { done: true });
      expectProblem(twice, 409, 'action_item_already_done');
      expect(twice.body.doneAt).to.equal(PINNED_NOW.toISOString());
      expect((await markItem(id, itemId, mentor.user, { done: false })).status).to.equal(200);
      expectProblem(await markItem(id, itemId, mentor.user, { done: false }), 409, 'action_item_not_done');

      expectProblem(await markItem(id, itemId, world.manager, { done: true }), 403, 'not_session_party');
      for (const user of [world.otherFounder, world.otherManager]) expectProblem(await markItem(id, itemId, user, { done: true }), 404, 'session_not_found');
      expectProblem(await markItem(id, '6a1f00000000000000000099', world.founder, { done: true }), 404, 'action_item_not_found');
      expectProblem(await markItem(id, 'nope', world.founder, { done: true }), 404, 'action_item_not_found');
      expectInvalidFields(await markItem(id, itemId, world.founder, {}), ['done']);
      expectInvalidFields(await markItem(id, itemId, world.founder, { done: 'yes' }), ['done']);
      expectInvalidFields(await markItem(id, itemId, world.founder, { done: null }), ['done']);
      expectInvalidFields(await markItem(id, itemId, world.founder, { done: true, note: 'x' }), ['note']);
    });

    it('the mentor and the team mark one item done at the same moment: one 200, one 409, the milestone moved once — 20 runs in a row', async () => {
      const target = milestones[2]!;
      const id = await book();
      for (let run = 0; run < 20; run++) {
        const itemId = (await addItem(id, mentor.user, { title: `Lần ${run + 1}`, milestoneId: target.id, moveTo: 'in_progress' })).body.id as string;
        const movesBefore = (await milestone(target.id)).history.length;
        const answers = await Promise.all([markItem(id, itemId, world.founder, { done: true }), markItem(id, itemId, mentor.user, { done: true })]);
        expect(answers.map((a) => a.status).sort(), `run ${run}: ${answers.map((a) => a.text).join(' | ')}`).to.deep.equal([200, 409]);
        const winner = answers.find((a) => a.status === 200)!;
        expect(winner.body.milestoneMove, `run ${run}`).to.include({ outcome: 'moved', milestoneState: 'in_progress' });
        expectProblem(answers.find((a) => a.status === 409)!, 409, 'action_item_already_done');
        const after = await milestone(target.id);
        expect(after.history.length - movesBefore, `run ${run}: moves`).to.equal(1);
        expect(after.history.at(-1)).to.include({ from: 'planned', to: 'in_progress', by: winner.body.doneBy });
        await moveMilestone(target.id, 'planned');
      }
    });
  });
});

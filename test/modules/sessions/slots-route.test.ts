/**
 * GET /mentors/{id}/slots over real HTTP: a Berlin mentor's windows in UTC
 * with both local times, the default and bounded ranges, who may look.
 */
import { expect } from 'chai';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { expectProblem } from '../../helpers/problems.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { pinnedClock } from '../cohorts/cohort-helpers.js';
import { createActiveMentor, createMentor } from '../mentors/mentor-helpers.js';

describe('sessions: GET /mentors/{id}/slots', () => {
  let runway: TestRunway;
  let founder: TestUser;
  let manager: TestUser;
  let berlin: string;

  before(async () => {
    // The app's clock: 2026-06-15 00:30 in Can Tho, a Monday.
    runway = await startTestRunway({}, pinnedClock);
    [founder, manager] = await Promise.all([createTestUser(runway, 'startup'), createTestUser(runway, 'manager')]);
    const body = { timezone: 'Europe/Berlin', minNoticeHours: 0, sessionMinutes: 60, availability: { weekly: [{ weekday: 1, start: '09:00', end: '11:00' }] } };
    berlin = (await createActiveMentor(runway, manager, body)).profile.id;
  });
  after(() => runway.stop());

  const get = (path: string, user: TestUser | null) => runway.http('GET', `/api/v1${path}`, user ? { token: user.token } : {});

  it('each free slot as UTC instants, with the mentor’s clock and Can Tho’s', async () => {
    const response = await get(`/mentors/${berlin}/slots?from=2026-06-15&to=2026-06-22`, founder);
    expect(response.status, response.text).to.equal(200);
    expect(response.body).to.include({ mentorId: berlin, mentorStatus: 'active', timezone: 'Europe/Berlin', sessionMinutes: 60, from: '2026-06-15', to: '2026-06-22' });
    expect(response.body.items.map((s: { start: string }) => s.start)).to.deep.equal([
      '2026-06-15T07:00:00.000Z', '2026-06-15T08:00:00.000Z', '2026-06-22T07:00:00.000Z', '2026-06-22T08:00:00.000Z',
    ]);
    expect(response.body.items[0]).to.deep.include({
      end: '2026-06-15T08:00:00.000Z',
      mentorLocal: { date: '2026-06-15', time: '09:00', offset: '+02:00' },
      vietnamLocal: { date: '2026-06-15', time: '14:00', offset: '+07:00' },
    });
  });

  it('two weeks from today by default; a range backwards or over 31 days → 422 naming to; a bad date → 400 naming from', async () => {
    const byDefault = await get(`/mentors/${berlin}/slots`, founder);
    expect(byDefault.body).to.include({ from: '2026-06-15', to: '2026-06-28' });
    expect(byDefault.body.items).to.have.length(4);
    const backwards = await get(`/mentors/${berlin}/slots?from=2026-06-20&to=2026-06-19`, founder);
    expectProblem(backwards, 422, 'invalid_range');
    expect(backwards.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['to']);
    expectProblem(await get(`/mentors/${berlin}/slots?from=2026-06-01&to=2026-07-15`, founder), 422, 'invalid_range');
    expectProblem(await get(`/mentors/${berlin}/slots?to=2426-07-12`, founder), 422, 'invalid_range');
    const impossible = await get(`/mentors/${berlin}/slots?from=2026-02-30`, founder);
    expect(impossible.status).to.equal(400);
    expect(impossible.body.errors.map((e: { field: string }) => e.field)).to.deep.equal(['from']);
  });

  it('who may look: anyone signed in who may see the profile; a pending mentor is 404 to founders, slot-less to staff; anonymous 401', async () => {
    const pending = (await createMentor(runway, { availability: { weekly: [{ weekday: 1, start: '09:00', end: '11:00' }] } })).profile.id;
    expectProblem(await get(`/mentors/${pending}/slots`, founder), 404, 'mentor_not_found');
    const asStaff = await get(`/mentors/${pending}/slots`, manager);
    expect(asStaff.status).to.equal(200);
    expect(asStaff.body).to.deep.include({ mentorStatus: 'pending', items: [] });
    expect((await get(`/mentors/${berlin}/slots`, null)).status).to.equal(401);
    expectProblem(await get('/mentors/0123456789abcdef01234567/slots', founder), 404, 'mentor_not_found');
  });
});

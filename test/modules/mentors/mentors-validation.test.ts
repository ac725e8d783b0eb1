/** POST and PATCH /mentors refuse bad profiles with a 400 that names every bad field, and store nothing. */
import { expect } from 'chai';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { errorFields, expectInvalidFields, expectRuleViolated } from '../../helpers/problems.js';
import { createMentor, type TestMentor } from './mentor-helpers.js';

describe('mentors: profile validation', () => {
  let runway: TestRunway;
  let mentor: TestUser;
  before(async () => {
    runway = await startTestRunway();
    mentor = await createTestUser(runway, 'mentor');
  });
  after(() => runway.stop());

  const create = (body: Record<string, unknown>) =>
    runway.http('POST', '/api/v1/mentors', { token: mentor.token, body: { languages: ['vi'], ...body } });
  const weekly = (...rules: Array<[number, string, string]>) => ({
    availability: { weekly: rules.map(([weekday, start, end]) => ({ weekday, start, end })) },
  });
  const messageOf = (response: { body: { errors: Array<{ field: string; message: string }> } }, field: string) =>
    response.body.errors.find((e) => e.field === field)?.message;

  it('POST /mentors → 400 naming availability.weekly.0.start and .end for times that are not HH:mm', async () => {
    const response = await create(weekly([1, '9:00', '25:00']));
    expectInvalidFields(response, ['availability.weekly.0.start', 'availability.weekly.0.end']);
  });

  it('POST /mentors → 400 naming availability.weekly.0.start for 24:00 as a start and 23:60', async () => {
    expectInvalidFields(await create(weekly([1, '24:00', '24:00'])), ['availability.weekly.0.start']);
    expectInvalidFields(await create(weekly([1, '23:60', '24:00'])), ['availability.weekly.0.start']);
  });

  it('POST /mentors → 422 naming availability.weekly.1.end when a rule ends before (or when) it starts', async () => {
    const response = await create(weekly([2, '08:00', '10:00'], [3, '14:00', '09:30']));
    expectRuleViolated(response, ['availability.weekly.1.end']);
    expect(response.body.errors[0].code).to.equal('isAfterStart');
    expectRuleViolated(await create(weekly([3, '14:00', '14:00'])), ['availability.weekly.0.end']);
  });

  it('POST /mentors → 400, not 422, when a rule also has a malformed time: the malformed field comes first', async () => {
    expectInvalidFields(await create(weekly([3, '14:00', '09:30'], [4, '25:00', '26:00'])), ['availability.weekly.0.end', 'availability.weekly.1.start', 'availability.weekly.1.end']);
  });

  it('POST /mentors → 422 naming availability.weekly when two rules of one weekday overlap', async () => {
    const response = await create(weekly([1, '09:00', '12:00'], [2, '09:00', '12:00'], [1, '11:30', '13:00']));
    expectRuleViolated(response, ['availability.weekly']);
    expect(messageOf(response, 'availability.weekly')).to.include('rules 0 and 2 overlap on Monday');
  });

  it('POST /mentors → 400 naming availability.weekly.0.weekday outside 1..7', async () => {
    expectInvalidFields(await create(weekly([0, '09:00', '10:00'])), ['availability.weekly.0.weekday']);
    expectInvalidFields(await create(weekly([8, '09:00', '10:00'])), ['availability.weekly.0.weekday']);
  });

  it('POST /mentors → 400 naming timezone for a zone IANA does not know', async () => {
    const response = await create({ timezone: 'Asia/Can_Tho' });
    expectInvalidFields(response, ['timezone']);
    expect(messageOf(response, 'timezone')).to.include('IANA');
  });

  it('POST /mentors → 400 naming availability.blockedDates for 2025-02-29 and for a repeated date', async () => {
    expectInvalidFields(await create({ availability: { blockedDates: ['2025-03-01', '2025-02-29'] } }), ['availability.blockedDates']);
    const repeated = await create({ availability: { blockedDates: ['2026-01-01', '2026-01-01'] } });
    expectInvalidFields(repeated, ['availability.blockedDates']);
    expect(repeated.body.errors[0].code).to.equal('arrayUnique');
  });

  it('POST /mentors → 400 naming sectors, stages and expertise for unknown codes', async () => {
    const response = await create({ sectors: ['agriculture', 'space_mining'], stages: ['unicorn'], expertise: ['astrology'] });
    expectInvalidFields(response, ['sectors', 'stages', 'expertise']);
  });

  it('POST /mentors → 400 naming languages when missing, empty, or not ISO 639-1', async () => {
    const missing = await runway.http('POST', '/api/v1/mentors', { token: mentor.token, body: { name: 'Lê Văn Tám' } });
    expectInvalidFields(missing, ['languages']);
    expectInvalidFields(await create({ languages: [] }), ['languages']);
    expectInvalidFields(await create({ languages: ['vietnamese'] }), ['languages']);
  });

  it('POST /mentors → 400 naming conflicts.startupIds and conflicts.enterpriseCodes when malformed', async () => {
    const response = await create({ conflicts: { startupIds: ['not-an-id'], enterpriseCodes: ['1801234567-12'] } });
    expectInvalidFields(response, ['conflicts.startupIds', 'conflicts.enterpriseCodes']);
  });

  it('POST /mentors → 400 naming each number outside its range', async () => {
    const response = await create({
      capacity: { maxActiveMentees: 0, maxSessionsPerMonth: 101 },
      sessionMinutes: 10,
      bufferMinutes: 121,
      minNoticeHours: 2.5,
    });
    expectInvalidFields(response, ['capacity.maxActiveMentees', 'capacity.maxSessionsPerMonth', 'sessionMinutes', 'bufferMinutes', 'minNoticeHours']);
  });

  it('POST /mentors → 400 naming status, stats and userId: the mentor cannot set them', async () => {
    const response = await create({ status: 'active', stats: { rating: 5 }, userId: mentor.id });
    expectInvalidFields(response, ['status', 'stats', 'userId']);
    expect(response.body.errors.map((e: { code: string }) => e.code)).to.deep.equal(['unknown_field', 'unknown_field', 'unknown_field']);
  });

  it('POST /mentors → 400 naming every bad field of one body at once, and stores nothing', async () => {
    const response = await create({
      timezone: 'Nowhere/City',
      mode: 'telepathy',
      sectors: ['mining'],
      availability: { weekly: [{ weekday: 1, start: '10:00', end: '09:00' }], blockedDates: ['2025-02-29'] },
    });
    expectInvalidFields(response, ['timezone', 'mode', 'sectors', 'availability.weekly.0.end', 'availability.blockedDates']);
    const mine = await runway.http('GET', '/api/v1/mentors/me', { token: mentor.token });
    expect(mine.status).to.equal(404);
  });

  it('POST /mentors accepts a rule ending at 24:00 and rules that touch (12:00 end, 12:00 start)', async () => {
    const response = await create(weekly([5, '08:00', '12:00'], [5, '12:00', '24:00']));
    expect(response.status, response.text).to.equal(201);
    expect(response.body.availability.weekly).to.deep.equal([
      { weekday: 5, start: '08:00', end: '12:00' },
      { weekday: 5, start: '12:00', end: '24:00' },
    ]);
  });

  describe('PATCH /mentors/:id', () => {
    let own: TestMentor;
    before(async () => {
      own = await createMentor(runway, { availability: { weekly: [{ weekday: 2, start: '09:00', end: '11:00' }] } });
    });
    const patch = (body: Record<string, unknown>) =>
      runway.http('PATCH', `/api/v1/mentors/${own.profile.id}`, { token: own.user.token, body });

    it('PATCH /mentors/:id → 400 naming name and languages when they are null or empty (required fields cannot be cleared)', async () => {
      expectInvalidFields(await patch({ name: null, languages: [] }), ['name', 'languages']);
    });

    it('PATCH /mentors/:id → 400 with the same checks as create (overlap, zone, date)', async () => {
      const response = await patch({
        timezone: 'Mars/Olympus',
        availability: { weekly: [{ weekday: 4, start: '09:00', end: '11:00' }, { weekday: 4, start: '10:00', end: '12:00' }], blockedDates: ['2023-02-29'] },
      });
      expectInvalidFields(response, ['timezone', 'availability.weekly', 'availability.blockedDates']);
    });

    it('PATCH /mentors/:id → 400 naming status: status changes go through approve, pause and resume', async () => {
      const response = await patch({ status: 'active' });
      expectInvalidFields(response, ['status']);
      const after = await runway.http('GET', '/api/v1/mentors/me', { token: own.user.token });
      expect(after.body.status).to.equal('pending');
    });

    it('a refused PATCH leaves the profile as it was', async () => {
      const before = await runway.http('GET', '/api/v1/mentors/me', { token: own.user.token });
      const response = await patch({ bio: 'Đổi tiểu sử', sessionMinutes: 5 });
      expect(errorFields(response)).to.deep.equal(['sessionMinutes']);
      const after = await runway.http('GET', '/api/v1/mentors/me', { token: own.user.token });
      expect(after.body).to.deep.equal(before.body);
    });
  });
});

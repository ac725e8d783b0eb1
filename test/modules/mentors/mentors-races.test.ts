/** Status changes under concurrency: one guarded update lets exactly one of racing calls win. */
import { expect } from 'chai';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { createActiveMentor, createMentor } from './mentor-helpers.js';
import { expectProblem } from '../../helpers/problems.js';

describe('mentors: racing status changes', () => {
  let runway: TestRunway;
  let manager: TestUser;
  before(async () => {
    runway = await startTestRunway();
    manager = await createTestUser(runway, 'manager');
  });
  after(() => runway.stop());

  const history = async (id: string) => {
    const response = await runway.http('GET', `/api/v1/mentors/${id}`, { token: manager.token });
    return (response.body.statusHistory as Array<{ from: string; to: string }>).map((c) => `${c.from}→${c.to}`);
  };

  it('POST /mentors/{id}/approve ×6 at once → exactly one 200, five 409 naming the status, one mentor.approved event', async () => {
    for (let round = 0; round < 3; round++) {
      const mentor = await createMentor(runway);
      const events: string[] = [];
      const off = runway.context.bus.on('mentor.approved', (e) => void events.push(e.mentorId));
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => runway.http('POST', `/api/v1/mentors/${mentor.profile.id}/approve`, { token: manager.token })),
      );
      off();
      expect(answers.map((a) => a.status).sort(), `round ${round}`).to.deep.equal([200, 409, 409, 409, 409, 409]);
      for (const loser of answers.filter((a) => a.status === 409)) expect(loser.body).to.include({ code: 'invalid_transition', mentorStatus: 'active' });
      expect(events).to.deep.equal([mentor.profile.id]);
      expect(await history(mentor.profile.id)).to.deep.equal(['pending→active']);
    }
  });

  it('pause and resume racing from the same state → one wins; the history shows every applied move in order', async () => {
    const mentor = await createActiveMentor(runway, manager);
    const path = (verb: string) => `/api/v1/mentors/${mentor.profile.id}/${verb}`;
    const pauses = await Promise.all(Array.from({ length: 4 }, () => runway.http('POST', path('pause'), { token: mentor.user.token })));
    expect(pauses.filter((a) => a.status === 200)).to.have.length(1);
    const resumed = await runway.http('POST', path('resume'), { token: mentor.user.token });
    expect(resumed.status).to.equal(200);
    expect(await history(mentor.profile.id)).to.deep.equal(['pending→active', 'active→paused', 'paused→active']);
  });

  it('PATCH /mentors/{id} ×8 at once, each a different field → each 200 is kept, each 409 changed nothing (no lost update)', async () => {
    const mentor = await createActiveMentor(runway, manager);
    const patches: Array<[string, Record<string, unknown>, (p: Record<string, unknown>) => unknown]> = [
      ['title', { title: 'Tiến sĩ' }, (p) => p.title],
      ['organisation', { organisation: 'Trường Đại học Cần Thơ' }, (p) => p.organisation],
      ['bio', { bio: 'Nông nghiệp công nghệ cao' }, (p) => p.bio],
      ['sessionMinutes', { sessionMinutes: 45 }, (p) => p.sessionMinutes],
      ['bufferMinutes', { bufferMinutes: 15 }, (p) => p.bufferMinutes],
      ['minNoticeHours', { minNoticeHours: 12 }, (p) => p.minNoticeHours],
      ['maxActiveMentees', { capacity: { maxActiveMentees: 4 } }, (p) => (p.capacity as Record<string, unknown>).maxActiveMentees],
      ['maxSessionsPerMonth', { capacity: { maxSessionsPerMonth: 6 } }, (p) => (p.capacity as Record<string, unknown>).maxSessionsPerMonth],
    ];
    const before = (await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}`, { token: manager.token })).body;
    const answers = await Promise.all(patches.map(([, body]) => runway.http('PATCH', `/api/v1/mentors/${mentor.profile.id}`, { token: mentor.user.token, body })));
    const after = (await runway.http('GET', `/api/v1/mentors/${mentor.profile.id}`, { token: manager.token })).body;
    expect(answers.filter((a) => a.status === 200).length, 'at least one edit lands').to.be.greaterThan(0);
    answers.forEach((answer, i) => {
      const [field, body, read] = patches[i]!;
      if (answer.status === 200) {
        expect(read(after), `${field} answered 200 but was lost`).to.deep.equal(read(body));
      } else {
        expectProblem(answer, 409, 'concurrent_update');
        expect(read(after), `${field} answered 409 but was written`).to.deep.equal(read(before));
      }
    });
  });
});

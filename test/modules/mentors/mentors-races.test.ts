/** Status changes under concurrency: the transition claim lets exactly one of racing calls win. */
import { expect } from 'chai';
import mongoose from 'mongoose';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import { startTestRunway, type TestRunway } from '../../helpers/runway.js';
import { createActiveMentor, createMentor } from './mentor-helpers.js';

describe('mentors: racing status changes', () => {
  let runway: TestRunway;
  let manager: TestUser;
  before(async () => {
    runway = await startTestRunway();
    manager = await createTestUser(runway, 'manager');
  });
  after(() => runway.stop());

  it('POST /mentors/{id}/approve ×6 at once → exactly one 200, five 409, one mentor.approved event', async () => {
    for (let round = 0; round < 3; round++) {
      const mentor = await createMentor(runway);
      const events: string[] = [];
      const off = runway.context.bus.on('mentor.approved', (e) => void events.push(e.mentorId));
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => runway.http('POST', `/api/v1/mentors/${mentor.profile.id}/approve`, { token: manager.token })),
      );
      off();
      expect(answers.map((a) => a.status).sort(), `round ${round}`).to.deep.equal([200, 409, 409, 409, 409, 409]);
      expect(events).to.deep.equal([mentor.profile.id]);
      const log = await mongoose.connection.db!.collection('mentor_status_changes').find({ mentorId: new mongoose.Types.ObjectId(mentor.profile.id) }).toArray();
      expect(log.map((t) => `${t.from}→${t.to}`)).to.deep.equal(['pending→active']);
    }
  });

  it('pause and resume racing from the same state → one wins; the log shows every applied move in order', async () => {
    const mentor = await createActiveMentor(runway, manager);
    const path = (verb: string) => `/api/v1/mentors/${mentor.profile.id}/${verb}`;
    const pauses = await Promise.all(Array.from({ length: 4 }, () => runway.http('POST', path('pause'), { token: mentor.user.token })));
    expect(pauses.filter((a) => a.status === 200)).to.have.length(1);
    const resumed = await runway.http('POST', path('resume'), { token: mentor.user.token });
    expect(resumed.status).to.equal(200);
    const log = await mongoose.connection.db!.collection('mentor_status_changes').find({ mentorId: new mongoose.Types.ObjectId(mentor.profile.id) }).sort({ revision: 1 }).toArray();
    expect(log.map((t) => `${t.revision}:${t.from}→${t.to}`)).to.deep.equal(['0:pending→active', '1:active→paused', '2:paused→active']);
  });
});

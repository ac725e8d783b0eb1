/**
 * The world `npm run bench -- sessions` books in, built inside the server
 * under test (bench/serve-runway.ts with BENCH_WORLD=sessions): 20 active
 * mentors open six days a week (no buffers, no notice), each mentoring one
 * startup, whose founder books. Tokens are signed with the server's secret,
 * so the bench never needs it.
 */
import type { Runway } from '../server/runway.js';
import { benchCall, benchUser } from './bench-http.js';

export interface SessionsWorld {
  founderId: string;
  founderToken: string;
  startupId: string;
  mentorIds: string[];
}

export async function buildSessionsWorld(runway: Runway): Promise<SessionsWorld> {
  const admin = await benchUser(runway, 'sessions', 'admin', 0);
  const founder = await benchUser(runway, 'sessions', 'startup', 0);
  const startup = await benchCall(runway, 'POST', '/api/v1/startups', founder.token, { name: 'Nấm Rơm Bench', kind: 'individual', growthBasis: ['technology'], sectors: ['agriculture'], stage: 'mvp' });
  const weekly = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '07:00', end: '19:00' }));
  const mentorIds: string[] = [];
  for (let n = 0; n < 20; n++) {
    const mentorUser = await benchUser(runway, 'sessions', 'mentor', n);
    const profile = await benchCall(runway, 'POST', '/api/v1/mentors', mentorUser.token, {
      languages: ['vi'],
      sectors: ['agriculture'],
      availability: { weekly },
      minNoticeHours: 0,
      bufferMinutes: 0,
      capacity: { maxActiveMentees: 5, maxSessionsPerMonth: 100 },
    });
    await benchCall(runway, 'POST', `/api/v1/mentors/${profile.id}/approve`, admin.token);
    const request = await benchCall(runway, 'POST', '/api/v1/mentor-requests', founder.token, { startupId: startup.id, mentorId: profile.id, message: 'Bench' });
    await benchCall(runway, 'POST', `/api/v1/mentor-requests/${request.id}/accept`, mentorUser.token);
    mentorIds.push(profile.id);
  }
  return { founderId: founder.id, founderToken: founder.token, startupId: startup.id, mentorIds };
}

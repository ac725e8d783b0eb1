/**
 * The world `npm run bench -- sessions` books in, built inside the server
 * under test (bench/serve-runway.ts with BENCH_WORLD=sessions): 20 active
 * mentors open six days a week (no buffers, no notice), each mentoring one
 * startup, whose founder books. Tokens are signed with the server's secret,
 * so the bench never needs it.
 */
import { signAccessToken } from '../server/core/auth/tokens.js';
import type { Runway } from '../server/runway.js';
import { usersRepository } from '../server/modules/users/users.repository.js';
import { sendRequest } from '../test/helpers/runway.js';

export interface SessionsWorld {
  founderId: string;
  founderToken: string;
  startupId: string;
  mentorIds: string[];
}

async function user(runway: Runway, role: 'startup' | 'mentor' | 'admin', n: number) {
  const record = await usersRepository.create({ email: `bench-${role}-${n}@example.vn`, passwordHash: 'not a hash: no login', name: `Bench ${role} ${n}`, role });
  if (!record) throw new Error('bench user collided');
  const id = record._id.toHexString();
  return { id, token: signAccessToken(runway.context.tokens, { sub: id, role }) };
}

async function call(runway: Runway, method: string, p: string, token: string, body?: unknown) {
  const response = await sendRequest(runway.url, method, p, { token, ...(body !== undefined ? { body } : {}) });
  if (response.status >= 300) throw new Error(`${method} ${p}: ${response.status} ${response.text.slice(0, 200)}`);
  return response.body;
}

export async function buildSessionsWorld(runway: Runway): Promise<SessionsWorld> {
  const admin = await user(runway, 'admin', 0);
  const founder = await user(runway, 'startup', 0);
  const startup = await call(runway, 'POST', '/api/v1/startups', founder.token, { name: 'Nấm Rơm Bench', kind: 'individual', growthBasis: ['technology'], sectors: ['agriculture'], stage: 'mvp' });
  const weekly = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '07:00', end: '19:00' }));
  const mentorIds: string[] = [];
  for (let n = 0; n < 20; n++) {
    const mentorUser = await user(runway, 'mentor', n);
    const profile = await call(runway, 'POST', '/api/v1/mentors', mentorUser.token, {
      languages: ['vi'],
      sectors: ['agriculture'],
      availability: { weekly },
      minNoticeHours: 0,
      bufferMinutes: 0,
      capacity: { maxActiveMentees: 5, maxSessionsPerMonth: 100 },
    });
    await call(runway, 'POST', `/api/v1/mentors/${profile.id}/approve`, admin.token);
    const request = await call(runway, 'POST', '/api/v1/mentor-requests', founder.token, { startupId: startup.id, mentorId: profile.id, message: 'Bench' });
    await call(runway, 'POST', `/api/v1/mentor-requests/${request.id}/accept`, mentorUser.token);
    mentorIds.push(profile.id);
  }
  return { founderId: founder.id, founderToken: founder.token, startupId: startup.id, mentorIds };
}

/**
 * The world `npm run bench -- load` drives, built inside the server under
 * test (bench/serve-runway.ts with BENCH_WORLD=load) on top of the demo
 * programme (40 mentors, 60 startups, 2 cohorts, the demo logins):
 * - BENCH_LOAD_MENTORS (1,000) more mentors from the synthetic generator,
 *   so that lists and diacritic-free search scan a city's worth of profiles;
 * - a bench cohort with a manager, 20 startups admitted (20 milestones
 *   each) and 12 active mentors open every day 07:00–21:00 (no buffer, no
 *   notice, 100 sessions a month), each startup in active mentorships with
 *   three of them, so that founders can book and cancel.
 * Tokens are signed with the server's secret (24 h), so the bench never
 * needs it; the demo logins (argon2id) are there for the login share.
 */
import { todayInVietnam } from '../server/core/time/calendar-date.js';
import type { Runway } from '../server/runway.js';
import { candidateIndex } from '../server/modules/matching/candidate-index-sync.js';
import { loadSyntheticData } from '../fixtures/synthetic.js';
import { benchCall, benchUser } from './bench-http.js';

export interface LoadFounder {
  token: string;
  startupId: string;
  mentorIds: string[];
  milestoneIds: string[];
}

export interface LoadWorld {
  managerToken: string;
  cohortId: string;
  founders: LoadFounder[];
  mentors: Array<{ token: string; mentorId: string }>;
  logins: Array<{ email: string; password: string }>;
  mentorCount: number;
}

const STARTUPS = 20;
const MENTORS = 12;
const MENTORS_PER_STARTUP = 3;
const MILESTONES = 20;
const DAY = 24 * 3600;

export async function buildLoadWorld(runway: Runway): Promise<LoadWorld> {
  const extra = Number(process.env.BENCH_LOAD_MENTORS ?? 1000);
  if (extra > 0) await loadSyntheticData({ today: todayInVietnam(), mentors: extra, startups: 0 });

  const admin = await benchUser(runway, 'load', 'admin', 0, DAY);
  const manager = await benchUser(runway, 'load', 'manager', 0, DAY);
  const cohort = await benchCall(runway, 'POST', '/api/v1/cohorts', manager.token, {
    name: 'Bench load',
    programme: 'Bench',
    year: 2026,
    startsOn: '2026-01-05',
    endsOn: '2026-12-20',
    milestoneTemplate: Array.from({ length: MILESTONES }, (_, i) => ({ key: `step-${i}`, title: `Bước ${i}`, dueWeeks: i })),
  });

  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '07:00', end: '21:00' }));
  const mentors: LoadWorld['mentors'] = [];
  for (let n = 0; n < MENTORS; n++) {
    const user = await benchUser(runway, 'load', 'mentor', n, DAY);
    const profile = await benchCall(runway, 'POST', '/api/v1/mentors', user.token, {
      languages: ['vi', 'en'],
      sectors: ['agriculture', 'food_processing'],
      availability: { weekly },
      minNoticeHours: 0,
      bufferMinutes: 0,
      capacity: { maxActiveMentees: 10, maxSessionsPerMonth: 100 },
    });
    await benchCall(runway, 'POST', `/api/v1/mentors/${profile.id}/approve`, admin.token);
    mentors.push({ token: user.token, mentorId: profile.id });
  }

  const founders: LoadFounder[] = [];
  for (let n = 0; n < STARTUPS; n++) {
    const founder = await benchUser(runway, 'load', 'startup', n, DAY);
    const startup = await benchCall(runway, 'POST', '/api/v1/startups', founder.token, {
      name: `Nông Sản Bench ${n}`,
      kind: 'individual',
      growthBasis: ['technology'],
      sectors: ['agriculture'],
      stage: 'mvp',
    });
    const admission = await benchCall(runway, 'POST', `/api/v1/cohorts/${cohort.id}/admissions`, manager.token, { startupId: startup.id });
    const mentorIds: string[] = [];
    for (let k = 0; k < MENTORS_PER_STARTUP; k++) {
      const mentor = mentors[(n + k * 4) % MENTORS]!;
      const request = await benchCall(runway, 'POST', '/api/v1/mentor-requests', founder.token, { startupId: startup.id, mentorId: mentor.mentorId, message: 'Bench' });
      await benchCall(runway, 'POST', `/api/v1/mentor-requests/${request.id}/accept`, mentor.token);
      mentorIds.push(mentor.mentorId);
    }
    founders.push({ token: founder.token, startupId: startup.id, mentorIds, milestoneIds: (admission.milestones as Array<{ id: string }>).map((m) => m.id) });
  }
  // Ranked from the first request on, as after `npm start` (the index is warmed once the data is in).
  await candidateIndex.reload();

  return {
    managerToken: manager.token,
    cohortId: cohort.id,
    founders,
    mentors,
    logins: runway.demoLogins.map((l) => ({ email: l.email, password: l.password })),
    mentorCount: 40 + extra + MENTORS,
  };
}

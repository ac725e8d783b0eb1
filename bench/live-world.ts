/**
 * The world `npm run bench -- live` follows, built inside the server under
 * test (bench/serve-runway.ts with BENCH_WORLD=live): a manager's cohort
 * of four startups with 50 milestones each. The bench's sockets follow the
 * cohort's room as that manager; the manager's PATCHes move milestones.
 */
import type { Runway } from '../server/runway.js';
import { benchCall, benchUser } from './bench-http.js';

export interface LiveWorld {
  managerToken: string;
  cohortId: string;
  milestoneIds: string[];
}

export async function buildLiveWorld(runway: Runway): Promise<LiveWorld> {
  const manager = await benchUser(runway, 'live', 'manager', 0, 24 * 3600);
  const milestoneTemplate = Array.from({ length: 50 }, (_, i) => ({ key: `step-${i}`, title: `Bước ${i}`, dueWeeks: i % 20 }));
  const cohort = await benchCall(runway, 'POST', '/api/v1/cohorts', manager.token, {
    name: 'Bench live',
    programme: 'Bench',
    year: 2026,
    startsOn: '2026-01-05',
    endsOn: '2026-12-20',
    milestoneTemplate,
  });
  const milestoneIds: string[] = [];
  for (let n = 0; n < 4; n++) {
    const founder = await benchUser(runway, 'live', 'startup', n, 24 * 3600);
    const startup = await benchCall(runway, 'POST', '/api/v1/startups', founder.token, { name: `Bench live ${n}`, kind: 'individual', growthBasis: ['technology'], sectors: ['agriculture'], stage: 'mvp' });
    const admission = await benchCall(runway, 'POST', `/api/v1/cohorts/${cohort.id}/admissions`, manager.token, { startupId: startup.id });
    milestoneIds.push(...(admission.milestones as Array<{ id: string }>).map((m) => m.id));
  }
  return { managerToken: manager.token, cohortId: cohort.id, milestoneIds };
}

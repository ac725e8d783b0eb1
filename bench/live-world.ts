/**
 * The world `npm run bench -- live` follows, built inside the server under
 * test (bench/serve-runway.ts with BENCH_WORLD=live): a manager's cohort
 * of four startups with 50 milestones each. The bench's sockets follow the
 * cohort's room as that manager; the manager's PATCHes move milestones.
 */
import { signAccessToken } from '../server/core/auth/tokens.js';
import type { Runway } from '../server/runway.js';
import { usersRepository } from '../server/modules/users/users.repository.js';
import { sendRequest } from '../test/helpers/runway.js';

export interface LiveWorld {
  managerToken: string;
  cohortId: string;
  milestoneIds: string[];
}

async function user(runway: Runway, role: 'startup' | 'manager', n: number) {
  const record = await usersRepository.create({ email: `bench-live-${role}-${n}@example.vn`, passwordHash: 'not a hash: no login', name: `Bench ${role} ${n}`, role });
  if (!record) throw new Error('bench user collided');
  const id = record._id.toHexString();
  return { id, token: signAccessToken({ ...runway.context.tokens, ttlSeconds: 24 * 3600 }, { sub: id, role }) };
}

async function call(runway: Runway, method: string, p: string, token: string, body?: unknown) {
  const response = await sendRequest(runway.url, method, p, { token, ...(body !== undefined ? { body } : {}) });
  if (response.status >= 300) throw new Error(`${method} ${p}: ${response.status} ${response.text.slice(0, 200)}`);
  return response.body;
}

export async function buildLiveWorld(runway: Runway): Promise<LiveWorld> {
  const manager = await user(runway, 'manager', 0);
  const milestoneTemplate = Array.from({ length: 50 }, (_, i) => ({ key: `step-${i}`, title: `Bước ${i}`, dueWeeks: i % 20 }));
  const cohort = await call(runway, 'POST', '/api/v1/cohorts', manager.token, {
    name: 'Bench live',
    programme: 'Bench',
    year: 2026,
    startsOn: '2026-01-05',
    endsOn: '2026-12-20',
    milestoneTemplate,
  });
  const milestoneIds: string[] = [];
  for (let n = 0; n < 4; n++) {
    const founder = await user(runway, 'startup', n);
    const startup = await call(runway, 'POST', '/api/v1/startups', founder.token, { name: `Bench live ${n}`, kind: 'individual', growthBasis: ['technology'], sectors: ['agriculture'], stage: 'mvp' });
    const admission = await call(runway, 'POST', `/api/v1/cohorts/${cohort.id}/admissions`, manager.token, { startupId: startup.id });
    milestoneIds.push(...(admission.milestones as Array<{ id: string }>).map((m) => m.id));
  }
  return { managerToken: manager.token, cohortId: cohort.id, milestoneIds };
}

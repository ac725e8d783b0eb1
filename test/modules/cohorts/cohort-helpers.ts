/**
 * Shared set-up for cohort and milestone tests: startups and cohorts are
 * created over real HTTP, exactly as clients do.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import type { TestRunway } from '../../helpers/runway.js';

/** Vietnam date 2026-06-15 (still 2026-06-14 in UTC): "today" must be Can Tho's date. */
export const PINNED_NOW = new Date('2026-06-14T17:30:00Z');
export const PINNED_TODAY = '2026-06-15';

export const pinnedClock = { now: () => PINNED_NOW };

export interface TemplateItem {
  key: string;
  title: string;
  description?: string;
  dueWeeks: number;
}

/** Due, from startsOn 2026-05-01: 05-01, 05-29, 06-26, 07-24. */
export const TEMPLATE: TemplateItem[] = [
  { key: 'kickoff', title: 'Kick-off and goals', dueWeeks: 0 },
  { key: 'customer-interviews', title: 'Twenty customer interviews', description: 'Farmers in Phong Điền and Cờ Đỏ', dueWeeks: 4 },
  { key: 'mvp', title: 'MVP in the hands of ten users', dueWeeks: 8 },
  { key: 'pitch', title: 'Demo day pitch', dueWeeks: 12 },
];

export function cohortBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Mekong Runway ${randomBytes(3).toString('hex')}`,
    programme: 'Mekong Startup Runway',
    year: 2026,
    startsOn: '2026-05-01',
    endsOn: '2026-11-30',
    milestoneTemplate: TEMPLATE,
    ...overrides,
  };
}

/** Creates a cohort as `token` (a manager or admin) and returns its view. */
export async function createCohort(runway: TestRunway, token: string, overrides: Record<string, unknown> = {}) {
  const response = await runway.http('POST', '/api/v1/cohorts', { token, body: cohortBody(overrides) });
  expect(response.status, response.text).to.equal(201);
  return response.body as { id: string; managerIds: string[] };
}

export function companyBody(firstRegisteredOn: string, name = 'Nông Sản Xanh JSC'): Record<string, unknown> {
  return {
    name,
    kind: 'company',
    enterpriseCode: '1801234567',
    firstRegisteredOn,
    growthBasis: ['technology'],
    sectors: ['agriculture'],
    stage: 'mvp',
  };
}

export function individualBody(name = 'Drone tưới lúa'): Record<string, unknown> {
  return { name, kind: 'individual', growthBasis: ['technology'], sectors: ['agriculture'], stage: 'prototype' };
}

/** Registers a startup as the founder behind `token`; returns its id. */
export async function createStartup(runway: TestRunway, token: string, body: Record<string, unknown>): Promise<string> {
  const response = await runway.http('POST', '/api/v1/startups', { token, body });
  expect(response.status, response.text).to.equal(201);
  return response.body.id as string;
}

/** Admits the startup and returns the admission (with its milestones). */
export async function admit(runway: TestRunway, token: string, cohortId: string, startupId: string) {
  const response = await runway.http('POST', `/api/v1/cohorts/${cohortId}/admissions`, { token, body: { startupId } });
  expect(response.status, response.text).to.equal(201);
  return response.body as { id: string; status: string; milestones: Array<{ id: string; key: string; dueOn: string; state: string }> };
}

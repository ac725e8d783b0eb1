/** Shared steps of the matching and requests tests, over real HTTP. */
import { expect } from 'chai';
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import type { TestRunway } from '../../helpers/runway.js';
import { admit, createCohort, createStartup } from '../cohorts/cohort-helpers.js';
import { createActiveMentor, type TestMentor } from '../mentors/mentor-helpers.js';

/** Monday to Friday, 08:00–17:00 in the mentor's zone. */
export const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' }));

/** A mentor profile body that fits the world's startup well; override what a test varies. */
export function mentorBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    languages: ['vi'],
    sectors: ['agriculture'],
    stages: ['prototype'],
    expertise: ['marketing', 'sales'],
    availability: { weekly: WEEKDAYS },
    minNoticeHours: 24,
    ...overrides,
  };
}

export interface MatchingWorld {
  manager: TestUser;
  otherManager: TestUser;
  admin: TestUser;
  founder: TestUser;
  otherFounder: TestUser;
  cohortId: string;
  startupId: string;
}

/** A manager's cohort with a founder's startup (agriculture, prototype, needs marketing and sales) admitted. */
export async function matchingWorld(runway: TestRunway, cohortOverrides: Record<string, unknown> = {}): Promise<MatchingWorld> {
  const [manager, otherManager, admin, founder, otherFounder] = await Promise.all([
    createTestUser(runway, 'manager'),
    createTestUser(runway, 'manager'),
    createTestUser(runway, 'admin'),
    createTestUser(runway, 'startup'),
    createTestUser(runway, 'startup'),
  ]);
  const cohort = await createCohort(runway, manager.token, cohortOverrides);
  const startupId = await createStartup(runway, founder.token, {
    name: 'Nấm Rơm Ô Môn',
    kind: 'individual',
    growthBasis: ['technology'],
    sectors: ['agriculture'],
    stage: 'prototype',
    needs: ['marketing', 'sales'],
  });
  await admit(runway, manager.token, cohort.id, startupId);
  return { manager, otherManager, admin, founder, otherFounder, cohortId: cohort.id, startupId };
}

/** An approved mentor with `mentorBody(overrides)`. */
export const activeMentor = (runway: TestRunway, world: MatchingWorld, overrides: Record<string, unknown> = {}): Promise<TestMentor> =>
  createActiveMentor(runway, world.manager, mentorBody(overrides));

export interface MatchItem {
  mentorId: string;
  score: number;
  contributions: Array<{ criterion: string; points: number; value: number }>;
  reason: { vi: string; en: string };
}

/** GET /matches as `user`; asserts 200. */
export async function matches(runway: TestRunway, user: TestUser, startupId: string, query = ''): Promise<{ items: MatchItem[]; excluded: { counts: Record<string, number>; items: Array<{ mentorId: string; reasons: Array<{ code: string }> }> } | null }> {
  const response = await runway.http('GET', `/api/v1/matches?startupId=${startupId}${query}`, { token: user.token });
  expect(response.status, response.text).to.equal(200);
  return response.body;
}

/** A pending request from the world's founder to `mentorId`; returns its id. */
export async function requestMentor(runway: TestRunway, token: string, startupId: string, mentorId: string): Promise<string> {
  const response = await runway.http('POST', '/api/v1/mentor-requests', { token, body: { startupId, mentorId, message: 'Mong được anh/chị hướng dẫn.' } });
  expect(response.status, response.text).to.equal(201);
  return response.body.id as string;
}

/** Shared steps of the mentors tests: profiles are created and approved over real HTTP. */
import { createTestUser, type TestUser } from '../../helpers/factories.js';
import type { TestRunway } from '../../helpers/runway.js';

export interface TestMentor {
  user: TestUser;
  /** The profile as POST /mentors answered it. */
  profile: { id: string; [field: string]: unknown };
}

/** A mentor user with a saved (pending) profile. */
export async function createMentor(runway: TestRunway, body: Record<string, unknown> = {}, name?: string): Promise<TestMentor> {
  const user = await createTestUser(runway, 'mentor', name);
  const response = await runway.http('POST', '/api/v1/mentors', { token: user.token, body: { languages: ['vi'], ...body } });
  if (response.status !== 201) throw new Error(`create mentor failed: ${response.status} ${response.text}`);
  return { user, profile: response.body };
}

/** A mentor whose profile a manager has approved. */
export async function createActiveMentor(runway: TestRunway, manager: TestUser, body: Record<string, unknown> = {}): Promise<TestMentor> {
  const mentor = await createMentor(runway, body);
  const response = await runway.http('POST', `/api/v1/mentors/${mentor.profile.id}/approve`, { token: manager.token });
  if (response.status !== 200) throw new Error(`approve failed: ${response.status} ${response.text}`);
  return { ...mentor, profile: response.body };
}

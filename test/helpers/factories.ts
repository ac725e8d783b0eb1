/**
 * Factories that save real documents through the repositories (no HTTP),
 * for tests that need many users or records quickly. Tokens are signed
 * with the running service's settings, so they work over real HTTP.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../server/core/auth/auth-user.js';
import { signAccessToken } from '../../server/core/auth/tokens.js';
import { hashPassword } from '../../server/modules/users/password.js';
import { usersRepository, type UserRecord } from '../../server/modules/users/users.repository.js';
import type { TestRunway } from './runway.js';

let cachedHash: Promise<string> | undefined;
export const FACTORY_PASSWORD = 'factory-password-1';

export interface TestUser {
  id: string;
  token: string;
  record: UserRecord;
}

/** A saved user of the given role with a valid bearer token (one argon2 hash per run). */
export async function createTestUser(runway: TestRunway, role: Role, name = `Test ${role}`): Promise<TestUser> {
  cachedHash ??= hashPassword(FACTORY_PASSWORD);
  const record = await usersRepository.create({
    email: `${role}-${randomBytes(5).toString('hex')}@example.vn`,
    passwordHash: await cachedHash,
    name,
    role,
  });
  if (!record) throw new Error('factory email collided');
  const id = record._id.toHexString();
  return { id, record, token: signAccessToken(runway.context.tokens, { sub: id, role }) };
}

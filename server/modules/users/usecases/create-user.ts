import type { Role } from '../../../core/auth/auth-user.js';
import { Conflict } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { hashPassword } from '../password.js';
import { usersRepository, type UserRecord } from '../users.repository.js';

export interface CreateUserInput {
  email: string;
  password: string;
  name: string;
  role: Role;
  locale?: 'vi' | 'en';
}

/**
 * Creates a user with a hashed password. Used by self-registration (startup,
 * mentor — the DTO limits the role) and by admins (any role). The unique
 * email index decides races: the loser gets 409 `email_taken`.
 */
export async function createUser(input: CreateUserInput, deps: UseCaseDeps): Promise<UserRecord> {
  const { password, ...fields } = input;
  const user = await usersRepository.create({ ...fields, passwordHash: await hashPassword(password) });
  if (!user) {
    throw new Conflict('email_taken', 'An account with this email already exists.', [
      { field: 'email', code: 'email_taken', message: 'An account with this email already exists.' },
    ]);
  }
  await deps.bus.emit('user.registered', { userId: user._id.toHexString(), role: user.role });
  return user;
}

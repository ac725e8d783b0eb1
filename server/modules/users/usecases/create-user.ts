import type { EventBus } from '../../../core/events/event-bus.js';
import { Conflict } from '../../../core/http/errors.js';
import { isDuplicateKey } from '../../../core/http/problem.js';
import type { Role } from '../../../core/auth/auth-user.js';
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
export async function createUser(input: CreateUserInput, deps: { bus: EventBus }): Promise<UserRecord> {
  const { password, ...fields } = input;
  const passwordHash = await hashPassword(password);
  let user: UserRecord;
  try {
    user = await usersRepository.create({ ...fields, passwordHash });
  } catch (error) {
    if (isDuplicateKey(error)) {
      throw new Conflict('email_taken', 'An account with this email already exists.', [
        { field: 'email', code: 'email_taken', message: 'An account with this email already exists.' },
      ]);
    }
    throw error;
  }
  await deps.bus.emit('user.registered', {
    userId: user._id.toHexString(),
    role: user.role,
    occurredAt: new Date().toISOString(),
  });
  return user;
}

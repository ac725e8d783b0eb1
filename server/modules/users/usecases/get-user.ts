import { NotFound } from '../../../core/errors.js';
import { activeUsers } from '../active-users.js';
import { usersRepository, type UserRecord } from '../users.repository.js';

const userNotFound = () => new NotFound('user_not_found', 'No user with this id.');

/** The user with this id, or 404. */
export async function getUser(id: string): Promise<UserRecord> {
  const user = await usersRepository.findById(id);
  if (!user) throw userNotFound();
  return user;
}

/** The signed-in caller's own record, from the cache the token check just used (no second read). */
export async function getMe(id: string): Promise<Omit<UserRecord, 'passwordHash'>> {
  const user = await activeUsers.get(id);
  if (!user) throw userNotFound();
  return user;
}

import { NotFound } from '../../../core/http/errors.js';
import { usersRepository, type UserRecord } from '../users.repository.js';

/** The user with this id, or 404. */
export async function getUser(id: string): Promise<UserRecord> {
  const user = await usersRepository.findById(id);
  if (!user) throw new NotFound('user_not_found', 'No user with this id.');
  return user;
}

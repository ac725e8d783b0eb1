import type { AuthUser } from '../../../core/auth/auth-user.js';
import { toAuthUser } from '../users.presenter.js';
import { usersRepository } from '../users.repository.js';

/** The caller behind a token, re-read each request so deactivation and role changes apply at once. */
export async function findActiveUser(id: string): Promise<AuthUser | undefined> {
  const user = await usersRepository.findById(id);
  return user && user.status === 'active' ? toAuthUser(user) : undefined;
}

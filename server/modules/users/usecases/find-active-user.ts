import type { AuthUser } from '../../../core/auth/auth-user.js';
import { activeUsers } from '../active-users.js';
import { toAuthUser } from '../users.presenter.js';

/** The caller behind a token, from the cache of active users: deactivation and role changes apply on the next request. */
export async function findActiveUser(id: string): Promise<AuthUser | undefined> {
  const user = await activeUsers.get(id);
  return user && user.status === 'active' ? toAuthUser(user) : undefined;
}

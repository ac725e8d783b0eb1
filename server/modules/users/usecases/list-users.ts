import type { Page } from '../../../core/db/pages.js';
import type { ListUsersQuery } from '../dto/list-users.query.js';
import { usersRepository, type UserRecord } from '../users.repository.js';

/** Admins list users by role and status, searching names and emails. */
export async function listUsers(query: ListUsersQuery): Promise<Page<UserRecord>> {
  return usersRepository.list({ role: query.role, status: query.status, q: query.q }, query);
}

import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, NotFound, RuleViolated } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { UpdateUserDto } from '../dto/update-user.dto.js';
import { usersRepository, type UserRecord } from '../users.repository.js';

/**
 * An admin changes a user's role or status. A deactivated user's tokens stop
 * working on their next request (users.listeners.ts drops the cached user
 * here; other processes notice within 2 s, see active-users.ts). Admins may
 * not change their own role or status, and no change leaves the platform
 * without an active admin: two admins demoting each other at once would,
 * so a change that took away an admin counts the active admins after its
 * write and, finding none, puts the user back and answers 409. Each
 * such writer counts after its own write, so the last one sees every other
 * demotion, and undoing only ever adds an admin back.
 */
const isActiveAdmin = (user: Pick<UserRecord, 'role' | 'status'>) => user.role === 'admin' && user.status === 'active';

export async function updateUser(admin: AuthUser, id: string, changes: UpdateUserDto, deps: UseCaseDeps): Promise<UserRecord> {
  const current = await usersRepository.findById(id);
  if (!current) throw new NotFound('user_not_found', 'No user with this id.');
  const changed = (['role', 'status'] as const).filter((field) => changes[field] !== undefined && changes[field] !== current[field]);
  if (changed.length === 0) return current;
  if (current._id.toHexString() === admin.id) {
    throw new RuleViolated('cannot_change_self', 'Admins cannot change their own role or status; ask another admin.', [
      { field: changed[0]!, code: 'cannot_change_self', message: 'Not on your own account.' },
    ]);
  }
  const updated = await usersRepository.update(current._id, Object.fromEntries(changed.map((field) => [field, changes[field]])));
  if (!updated) throw new NotFound('user_not_found', 'No user with this id.');
  if (isActiveAdmin(current) && !isActiveAdmin(updated) && !(await usersRepository.existsWithRole('admin'))) {
    await usersRepository.update(current._id, { role: current.role, status: current.status });
    throw new Conflict('last_admin', 'This would leave no active admin; the change was undone.', [
      { field: changed[0]!, code: 'last_admin', message: 'At least one active admin must remain.' },
    ]);
  }
  await deps.bus.emit('user.updated', { userId: id, changed: [...changed], status: updated.status, by: admin.id });
  return updated;
}

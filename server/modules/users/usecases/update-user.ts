import type { AuthUser } from '../../../core/auth/auth-user.js';
import { NotFound, RuleViolated } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { UpdateUserDto } from '../dto/update-user.dto.js';
import { usersRepository, type UserRecord } from '../users.repository.js';

/**
 * An admin changes a user's role or status. A deactivated user's tokens stop
 * working on their next request (users.listeners.ts drops the cached user
 * here; other processes notice within 2 s, see active-users.ts). Admins may
 * not change their own role or status: nobody locks the last admin out.
 */
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
  await deps.bus.emit('user.updated', { userId: id, changed: [...changed] });
  return updated;
}

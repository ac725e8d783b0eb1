import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { hashPassword } from '../password.js';
import { usersRepository } from '../users.repository.js';
import { createUser } from './create-user.js';

export interface FirstAdmin {
  email: string;
  password: string;
  name?: string;
}

/**
 * Creates the first admin when no active admin exists yet (SPEC §10), or
 * — when the ADMIN_EMAIL account exists but is no longer an active admin
 * and nobody else is — restores it with ADMIN_PASSWORD: the operator's way
 * back in. Returns true when it created or restored one. Two processes
 * racing here are settled by the unique email index; the loser finds the
 * admin already there.
 */
export async function ensureFirstAdmin(admin: FirstAdmin, deps: UseCaseDeps): Promise<boolean> {
  if (await usersRepository.existsWithRole('admin')) return false;
  const existing = await usersRepository.findByEmail(admin.email);
  if (existing) {
    await usersRepository.update(existing._id, { role: 'admin', status: 'active', passwordHash: await hashPassword(admin.password) });
    await deps.bus.emit('user.updated', { userId: existing._id.toHexString(), changed: ['role', 'status'], status: 'active', by: null });
    return true;
  }
  try {
    await createUser({ email: admin.email, password: admin.password, name: admin.name ?? 'Administrator', role: 'admin' }, deps);
    return true;
  } catch (error) {
    if (await usersRepository.existsWithRole('admin')) return false;
    throw error;
  }
}

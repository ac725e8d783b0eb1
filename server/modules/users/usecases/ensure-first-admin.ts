import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { usersRepository } from '../users.repository.js';
import { createUser } from './create-user.js';

export interface FirstAdmin {
  email: string;
  password: string;
  name?: string;
}

/**
 * Creates the first admin when no active admin exists yet (SPEC §10).
 * Returns true when it created one. Two processes racing here are settled
 * by the unique email index; the loser finds the admin already there.
 */
export async function ensureFirstAdmin(admin: FirstAdmin, deps: UseCaseDeps): Promise<boolean> {
  if (await usersRepository.existsWithRole('admin')) return false;
  if (await usersRepository.findByEmail(admin.email)) return false;
  try {
    await createUser({ email: admin.email, password: admin.password, name: admin.name ?? 'Administrator', role: 'admin' }, deps);
    return true;
  } catch (error) {
    if (await usersRepository.existsWithRole('admin')) return false;
    throw error;
  }
}

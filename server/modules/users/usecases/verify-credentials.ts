import type { AuthUser } from '../../../core/auth/auth-user.js';
import { verifyAgainstDummy, verifyPassword } from '../password.js';
import { toAuthUser } from '../users.presenter.js';
import { usersRepository } from '../users.repository.js';

/**
 * The user for an email and password, or undefined. Unknown email, wrong
 * password and deactivated account look the same and take the same time.
 */
export async function verifyCredentials(email: string, password: string): Promise<AuthUser | undefined> {
  const user = await usersRepository.findByEmail(email);
  if (!user) {
    await verifyAgainstDummy(password);
    return undefined;
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok || user.status !== 'active') return undefined;
  await usersRepository.touchLastLogin(user._id);
  return toAuthUser(user);
}

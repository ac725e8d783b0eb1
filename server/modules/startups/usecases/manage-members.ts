import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden, NotFound, RuleViolated } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { usersRepository } from '../../users/users.repository.js';
import { startupsPolicy } from '../startups.policy.js';
import { startupsRepository, type StartupRecord } from '../startups.repository.js';
import { getStartup } from './get-startup.js';

async function startupForMembers(actor: AuthUser, id: string): Promise<StartupRecord> {
  const startup = await getStartup(actor, id);
  if (!startupsPolicy.canManageMembers(actor, startup)) {
    throw new Forbidden('forbidden', 'Only the startup’s owner or an admin may change its team.');
  }
  return startup;
}

/** Adds a registered founder (role startup) to the team by email; a second add of the same person is a 409, even when both race. */
export async function addMember(actor: AuthUser, id: string, email: string, deps: UseCaseDeps): Promise<StartupRecord> {
  const startup = await startupForMembers(actor, id);
  const user = await usersRepository.findByEmail(email);
  if (!user || user.status !== 'active') {
    // The startup is there; the email names nobody who can join: a rule, like not_a_founder, not a missing resource.
    throw new RuleViolated('user_not_found', 'No active account with this email.', [
      { field: 'email', code: 'user_not_found', message: 'Ask them to register first.' },
    ]);
  }
  if (user.role !== 'startup') {
    throw new RuleViolated('not_a_founder', 'Only accounts with the startup role can join a team.', [
      { field: 'email', code: 'not_a_founder', message: `This account's role is ${user.role}.` },
    ]);
  }
  const added = await startupsRepository.addMember(startup._id, user._id.toHexString(), deps.now());
  if (!added.applied) {
    if (!added.current) throw new NotFound('startup_not_found', 'No startup with this id.');
    throw new Conflict('already_member', 'This person is already in the team.', [{ field: 'email', code: 'already_member', message: 'Already a member.' }]);
  }
  await deps.bus.emit('startup.updated', { startupId: id, changed: ['members'] });
  return added.record;
}

/** Removes a team member; the owner stays. */
export async function removeMember(actor: AuthUser, id: string, userId: string, deps: UseCaseDeps): Promise<StartupRecord> {
  const startup = await startupForMembers(actor, id);
  if (startup.members.some((m) => m.userId.toHexString() === userId && m.role === 'owner')) {
    throw new RuleViolated('owner_stays', 'The owner cannot be removed from the team.');
  }
  const removed = await startupsRepository.removeMember(startup._id, userId);
  if (!removed.applied) throw new NotFound('member_not_found', 'This person is not in the team.');
  await deps.bus.emit('startup.updated', { startupId: id, changed: ['members'] });
  return removed.record;
}

import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden, RuleViolated, type FieldError } from '../../../core/errors.js';
import { buildSearchText } from '../../../core/text/search-text.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { usersRepository } from '../../users/users.repository.js';
import { assertCohortRules } from '../cohort-rules.js';
import { cohortsPolicy } from '../cohorts.policy.js';
import { cohortsRepository, type CohortRecord } from '../cohorts.repository.js';
import type { CreateCohortDto } from '../dto/create-cohort.dto.js';
import { withDefaultWeights } from '../matching-weights.js';

/** The cohort's managers: those named, plus the creator when a manager (an admin creator is not added). */
function managerIdsFor(actor: AuthUser, named: readonly string[]): string[] {
  return actor.role === 'manager' ? [...new Set([actor.id, ...named])] : [...named];
}

/** Every named manager must be an active user with role manager; each one that is not is named. */
async function assertManagers(named: readonly string[]): Promise<void> {
  const users = await Promise.all(named.map((id) => usersRepository.findById(id)));
  const errors: FieldError[] = users.flatMap((user, index) =>
    user && user.status === 'active' && user.role === 'manager'
      ? []
      : [{ field: `managerIds.${index}`, code: 'not_a_manager', message: 'Not an active user with role manager.' }],
  );
  if (errors.length > 0) throw new RuleViolated('not_a_manager', 'Cohort managers must be active users with role manager.', errors);
}

/** A manager or admin opens a cohort with its template and matching weights. */
export async function createCohort(actor: AuthUser, input: CreateCohortDto, deps: UseCaseDeps): Promise<CohortRecord> {
  if (!cohortsPolicy.canCreate(actor)) throw new Forbidden('forbidden', 'Only managers and admins create cohorts.');
  assertCohortRules(input);
  const named = input.managerIds ?? []; // null, like leaving it out: no other managers
  await assertManagers(named);

  const cohort = await cohortsRepository.create({
    name: input.name,
    programme: input.programme,
    year: input.year,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    managerIds: managerIdsFor(actor, named).map((id) => new mongoose.Types.ObjectId(id)),
    weights: withDefaultWeights(input.weights),
    milestoneTemplate: input.milestoneTemplate.map((item) => ({ ...item, description: item.description ?? '' })),
    searchText: buildSearchText([input.name, input.programme, String(input.year)]),
  });
  await deps.bus.emit('cohort.created', { cohortId: cohort._id.toHexString() });
  return cohort;
}

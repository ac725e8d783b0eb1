import { isStaff, type AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/http/errors.js';
import { paginate, type Page } from '../../../core/http/pagination.js';
import { searchFilter } from '../../../core/text/search-text.js';
import type { ListStartupsQuery } from '../dto/list-startups.query.js';
import { startupsPolicy } from '../startups.policy.js';
import { startupsRepository } from '../startups.repository.js';
import { presentStartup, type StartupView } from '../startups.presenter.js';

/** Startups the caller may see, filtered and searched, one page at a time. */
export async function listStartups(actor: AuthUser, query: ListStartupsQuery, today: string): Promise<Page<StartupView>> {
  if (!startupsPolicy.canList(actor)) throw new Forbidden('forbidden', 'Mentors see startups through their mentorships.');
  const memberOf = isStaff(actor) ? [] : await startupsRepository.idsWithMember(actor.id);
  const filter: Record<string, unknown> = { ...startupsPolicy.listScope(actor, memberOf), ...searchFilter(query.q) };
  if (query.sector) filter.sectors = query.sector;
  if (query.stage) filter.stage = query.stage;
  if (query.kind) filter.kind = query.kind;
  if (query.need) filter.needs = query.need;
  if (query.eligible === true) filter.$or = [{ kind: { $ne: 'company' } }, { eligibleUntil: { $gte: today } }];
  if (query.eligible === false) filter.eligibleUntil = { $lt: today };
  return paginate(query, filter, (f, limit) => startupsRepository.find(f, limit), (s) => presentStartup(s, today));
}

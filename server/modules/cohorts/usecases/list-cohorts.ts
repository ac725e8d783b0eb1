import type { AuthUser } from '../../../core/auth/auth-user.js';
import { paginate, type Page } from '../../../core/http/pagination.js';
import { searchFilter } from '../../../core/text/search-text.js';
import { admissionsRepository } from '../admissions.repository.js';
import { ownStartupIds } from '../cohort-access.js';
import { cohortsPolicy } from '../cohorts.policy.js';
import { cohortsRepository } from '../cohorts.repository.js';
import { presentCohort, type CohortView } from '../cohorts.presenter.js';
import type { ListCohortsQuery } from '../dto/list-cohorts.query.js';

const EMPTY_PAGE: Page<CohortView> = { items: [], nextCursor: null };

/** Conditions the caller's role puts on the list; undefined when they see every cohort. */
async function scopeFor(actor: AuthUser): Promise<Record<string, unknown> | undefined> {
  if (!cohortsPolicy.seesOnlyAdmittedCohorts(actor)) return undefined;
  const cohortIds = await admissionsRepository.cohortIdsOfStartups(await ownStartupIds(actor));
  return { _id: { $in: cohortIds } };
}

/** Cohorts the caller may see (staff: all; founders: their startups'; mentors: none yet), one page at a time. */
export async function listCohorts(actor: AuthUser, query: ListCohortsQuery): Promise<Page<CohortView>> {
  if (cohortsPolicy.seesNoCohorts(actor)) return EMPTY_PAGE;
  const scope = await scopeFor(actor);
  const search = searchFilter(query.q);
  // Scope and search share one $and so that neither overwrites the other's keys.
  const conditions = [scope, search].filter((c): c is Record<string, unknown> => c !== undefined && Object.keys(c).length > 0);
  const filter: Record<string, unknown> = conditions.length > 0 ? { $and: conditions } : {};
  if (query.year !== undefined) filter.year = query.year;
  return paginate(query, filter, (f, limit) => cohortsRepository.find(f, limit), presentCohort);
}

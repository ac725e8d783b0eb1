import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { Page } from '../../../core/db/pages.js';
import { admissionsRepository } from '../admissions.repository.js';
import { ownStartupIds } from '../cohort-access.js';
import { cohortsPolicy } from '../cohorts.policy.js';
import { cohortsRepository, type CohortRecord } from '../cohorts.repository.js';
import type { ListCohortsQuery } from '../dto/list-cohorts.query.js';

/** Cohorts the caller may see (staff: all; founders: their startups'; mentors: none yet), one page at a time. */
export async function listCohorts(actor: AuthUser, query: ListCohortsQuery): Promise<Page<CohortRecord>> {
  if (cohortsPolicy.seesNoCohorts(actor)) return { items: [], nextCursor: null };
  const ids = cohortsPolicy.seesOnlyAdmittedCohorts(actor) ? await admissionsRepository.cohortIdsOfStartups(await ownStartupIds(actor)) : undefined;
  return cohortsRepository.list({ ids, year: query.year, q: query.q }, query);
}

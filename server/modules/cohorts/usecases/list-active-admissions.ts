import { admissionsRepository } from '../admissions.repository.js';

/** For the eligibility sweep: every startup with an active admission → the ids of its active cohorts. */
export async function activeCohortIdsByStartup(): Promise<Map<string, string[]>> {
  const byStartup = new Map<string, string[]>();
  for (const { startupId, cohortId } of await admissionsRepository.findActivePairs()) {
    const cohorts = byStartup.get(startupId);
    if (cohorts) cohorts.push(cohortId);
    else byStartup.set(startupId, [cohortId]);
  }
  return byStartup;
}

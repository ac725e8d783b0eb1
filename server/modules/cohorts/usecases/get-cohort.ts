import type { AuthUser } from '../../../core/auth/auth-user.js';
import { visibleCohort } from '../cohort-access.js';
import type { CohortRecord } from '../cohorts.repository.js';

/** The cohort if the caller may see it (staff, or a founder whose startup was admitted); 404 otherwise. */
export async function getCohort(actor: AuthUser, id: string): Promise<CohortRecord> {
  return visibleCohort(actor, id);
}

import type { AuthUser } from '../../../core/auth/auth-user.js';
import { endAdmissionAsManager, type MoveDeps } from '../admission-moves.js';
import type { AdmissionRecord } from '../admissions.repository.js';

/** The cohort's manager (or an admin) withdraws an active startup: active → withdrawn. */
export async function withdrawStartup(actor: AuthUser, cohortId: string, startupId: string, deps: MoveDeps): Promise<AdmissionRecord> {
  return endAdmissionAsManager(actor, cohortId, startupId, 'withdrawn', deps);
}

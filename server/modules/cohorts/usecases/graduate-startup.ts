import type { AuthUser } from '../../../core/auth/auth-user.js';
import { endAdmissionAsManager, type MoveDeps } from '../admission-moves.js';
import type { AdmissionRecord } from '../admissions.repository.js';

/** The cohort's manager (or an admin) graduates an active startup: active → graduated. */
export async function graduateStartup(actor: AuthUser, cohortId: string, startupId: string, deps: MoveDeps): Promise<AdmissionRecord> {
  return endAdmissionAsManager(actor, cohortId, startupId, 'graduated', deps);
}

import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { endAdmissionAsManager } from '../admission-moves.js';
import type { AdmissionRecord } from '../admissions.repository.js';

/** The cohort's manager (or an admin) graduates an active startup: active → graduated. */
export async function graduateStartup(actor: AuthUser, cohortId: string, startupId: string, deps: UseCaseDeps): Promise<AdmissionRecord> {
  return endAdmissionAsManager(actor, cohortId, startupId, 'graduated', deps);
}

import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { endAdmissionAsManager } from '../admission-moves.js';
import type { AdmissionRecord } from '../admissions.repository.js';

/** The cohort's manager (or an admin) withdraws an active startup: active → withdrawn. */
export async function withdrawStartup(actor: AuthUser, cohortId: string, startupId: string, deps: UseCaseDeps): Promise<AdmissionRecord> {
  return endAdmissionAsManager(actor, cohortId, startupId, 'withdrawn', deps);
}

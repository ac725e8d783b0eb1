import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { endAdmission } from '../admission-moves.js';
import { admissionsRepository } from '../admissions.repository.js';

/**
 * The cohorts' step of the eligibility sweep: the day after `eligibleUntil`, every active
 * admission of the startup becomes `aged_out` (by the system, with the
 * reason recorded). Returns the ids of the cohorts it changed; a second
 * run finds nothing active and returns [].
 */
export async function ageOutStartup(startupId: string, eligibleUntil: string, deps: UseCaseDeps): Promise<string[]> {
  const changed: string[] = [];
  for (const admission of await admissionsRepository.findActiveByStartup(startupId)) {
    const moved = await endAdmission(admission, 'aged_out', { userId: null, reason: `eligibility ended ${eligibleUntil}` }, deps);
    if (moved) changed.push(admission.cohortId.toHexString());
  }
  return changed;
}

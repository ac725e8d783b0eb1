import type { AuthUser } from '../../../core/auth/auth-user.js';
import { computeEligibility, type Eligibility } from '../eligibility.js';
import { getStartup } from './get-startup.js';

/** Whether the startup may be incubated today (Vietnam date), and until when. */
export async function getEligibility(actor: AuthUser, id: string, today: string): Promise<Eligibility> {
  return computeEligibility(await getStartup(actor, id), today);
}

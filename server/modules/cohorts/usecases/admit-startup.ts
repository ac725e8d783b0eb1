import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, NotFound, RuleViolated } from '../../../core/errors.js';
import { todayInVietnam } from '../../../core/time/calendar-date.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { planMilestones } from '../milestone-plan.js';
import { milestonesRepository, type MilestoneRecord } from '../milestones.repository.js';
import { computeEligibility } from '../../startups/eligibility.js';
import { startupsRepository, type StartupRecord } from '../../startups/startups.repository.js';
import { admissionsRepository, type AdmissionRecord } from '../admissions.repository.js';
import { managedCohort } from '../cohort-access.js';
import type { CohortRecord } from '../cohorts.repository.js';

export interface Admitted {
  admission: AdmissionRecord;
  milestones: MilestoneRecord[];
}

async function admissibleStartup(startupId: string, today: string): Promise<StartupRecord> {
  const startup = await startupsRepository.findById(startupId);
  if (!startup) {
    throw new NotFound('startup_not_found', 'No startup with this id.', [
      { field: 'startupId', code: 'startup_not_found', message: 'No startup with this id.' },
    ]);
  }
  const eligibility = computeEligibility(startup, today);
  if (!eligibility.eligible) {
    throw new RuleViolated(
      'startup_ineligible',
      eligibility.message.en,
      [{ field: 'startupId', code: 'startup_ineligible', message: eligibility.message.en }],
      { eligibleUntil: eligibility.eligibleUntil },
    );
  }
  return startup;
}

/**
 * Instantiates the template for the admission. Safe to repeat: the unique
 * (admissionId, key) index keeps one milestone per item, so a retry after
 * a crash fills in only what is missing.
 */
async function instantiateMilestones(cohort: CohortRecord, admission: AdmissionRecord): Promise<MilestoneRecord[]> {
  await milestonesRepository.insertMissing(planMilestones(cohort, admission));
  return milestonesRepository.findByAdmission(admission._id);
}

/**
 * A cohort's manager (or an admin) admits an eligible startup (5-year rule,
 * today in Vietnam) and its milestones are planned from the template.
 * The unique (cohortId, startupId) index decides duplicates and races.
 */
export async function admitStartup(
  actor: AuthUser,
  cohortId: string,
  startupId: string,
  deps: UseCaseDeps,
): Promise<Admitted> {
  const cohort = await managedCohort(actor, cohortId);
  const startup = await admissibleStartup(startupId, todayInVietnam(deps.now()));

  const admission = await admissionsRepository.create({ cohortId: cohort._id, startupId: startup._id, admittedAt: deps.now(), admittedBy: actor.id });
  if (!admission) {
    // Finish what an earlier attempt may have left half done, then say it was already there.
    const existing = await admissionsRepository.findByPair(cohortId, startupId);
    if (existing) await instantiateMilestones(cohort, existing);
    throw new Conflict('already_admitted', 'This startup is already admitted to this cohort.', [
      { field: 'startupId', code: 'already_admitted', message: 'Already admitted to this cohort.' },
    ]);
  }
  const milestones = await instantiateMilestones(cohort, admission);
  await deps.bus.emit('cohort.admitted', { cohortId: cohort._id.toHexString(), startupId: startup._id.toHexString() });
  return { admission, milestones };
}

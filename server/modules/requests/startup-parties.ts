/** The people around a startup, read for the requests policy. */
import { activeCohortsOfStartup } from '../cohorts/usecases/active-cohorts-of-startup.js';
import { startupsRepository, type StartupRecord } from '../startups/startups.repository.js';
import type { StartupParties } from './requests.policy.js';

export interface StartupWithParties extends StartupParties {
  startup: StartupRecord;
  cohortIds: string[];
}

/** The startup with its team and its active cohorts' managers; undefined when there is no such startup. */
export async function startupParties(startupId: string): Promise<StartupWithParties | undefined> {
  const startup = await startupsRepository.findById(startupId);
  return startup && partiesOfStartup(startup);
}

/** A startup already read, with its team and its active cohorts' managers. */
export async function partiesOfStartup(startup: StartupRecord): Promise<StartupWithParties> {
  const cohorts = await activeCohortsOfStartup(startup._id.toHexString());
  return { ...teamOf(startup), managerIds: [...new Set(cohorts.flatMap((c) => c.managerIds))], cohortIds: cohorts.map((c) => c.cohortId) };
}

/** The startup with its team only: enough for a right that does not come from a cohort (the team's own, an admin's). */
export const teamOf = (startup: StartupRecord): Omit<StartupWithParties, 'cohortIds'> & { cohortIds?: undefined } => ({
  startup,
  memberIds: startup.members.map((m) => m.userId.toHexString()),
  managerIds: [],
});

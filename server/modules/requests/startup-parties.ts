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
  if (!startup) return undefined;
  const cohorts = await activeCohortsOfStartup(startupId);
  return {
    startup,
    memberIds: startup.members.map((m) => m.userId.toHexString()),
    managerIds: [...new Set(cohorts.flatMap((c) => c.managerIds))],
    cohortIds: cohorts.map((c) => c.cohortId),
  };
}

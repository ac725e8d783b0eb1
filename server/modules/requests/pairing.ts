/**
 * The rules every new pairing of a startup with a mentor passes, whether
 * the startup asks (a request) or a manager assigns (a mentorship), and
 * the mentee place an active mentorship holds.
 */
import type mongoose from 'mongoose';
import { Conflict, NotFound, RuleViolated } from '../../core/errors.js';
import { todayInVietnam } from '../../core/time/calendar-date.js';
import { mentorsRepository } from '../mentors/mentors.repository.js';
import { computeEligibility } from '../startups/eligibility.js';
import type { StartupRecord } from '../startups/startups.repository.js';
import { mentorshipsRepository } from './mentorships.repository.js';

/**
 * Why this mentor may not be asked by this startup: the hard-filter reason
 * codes of matching (SPEC §4), empty when they may. Matching provides it;
 * the composition root passes it in, so this module does not import matching.
 */
export type MentorFitCheck = (startupId: string, mentorId: string) => Promise<string[]>;

export interface PairingDeps {
  now(): Date;
  mentorFit: MentorFitCheck;
}

/**
 * Throws unless the startup is within its 5 years (422 `startup_not_eligible`),
 * is not mentored by this mentor already (409 `already_mentoring`) and the
 * mentor passes every hard filter (422 `mentor_not_available` with `reasons`;
 * a conflict of interest is named only to callers who may see conflicts, and
 * a mentor excluded by nothing else is 404 `mentor_not_found` to the others).
 * A pending request of the pair does not block: the caller's unique key decides.
 */
export async function assertPairable(startup: StartupRecord, mentorId: string, deps: PairingDeps, seesConflicts: boolean): Promise<void> {
  const eligibility = computeEligibility(startup, todayInVietnam(deps.now()));
  if (!eligibility.eligible) {
    throw new RuleViolated('startup_not_eligible', 'The startup is past the 5 years from its first business registration; it can no longer be incubated.', [], {
      eligibleUntil: eligibility.eligibleUntil ?? null,
    });
  }
  const reasons = await deps.mentorFit(startup._id.toHexString(), mentorId);
  if (reasons.includes('already_mentoring')) throw new Conflict('already_mentoring', 'This mentor already mentors this startup.');
  const blocking = reasons.filter((r) => r !== 'already_requested');
  if (blocking.length === 0) return;
  // A conflict of interest is the mentor's and staff's to know (see matchingPolicy.seesConflicts): to
  // anyone else a mentor excluded only by one does not exist, as in their matches.
  const shown = seesConflicts ? blocking : blocking.filter((r) => r !== 'conflict_of_interest');
  if (shown.length === 0) throw new NotFound('mentor_not_found', 'No mentor with this id.');
  throw new RuleViolated('mentor_not_available', `This mentor cannot take this startup now: ${shown.join(', ')}.`, [], { reasons: shown });
}

/**
 * Takes one of the mentor's mentee places (one guarded `$inc`, so racing
 * takers never exceed the capacity): 409 `mentor_not_active` when the
 * mentor is paused or not approved, 409 `mentor_at_capacity` when every
 * place is taken.
 */
export async function takeMenteePlace(mentorId: mongoose.Types.ObjectId): Promise<void> {
  const place = await mentorsRepository.takeMenteePlace(mentorId);
  if (place?.taken) return;
  if (place && !place.active) throw new Conflict('mentor_not_active', 'This mentor is not taking mentees now (paused or not approved).');
  throw new Conflict('mentor_at_capacity', 'Every mentee place of this mentor is taken; a mentorship must end first.', [], {
    activeMentees: place?.activeMentees ?? null,
    maxActiveMentees: place?.maxActiveMentees ?? null,
  });
}

/**
 * After a failed attempt to start mentorship `mentorshipId` on a taken
 * place: gives the place back unless the mentorship exists after all (an
 * insert whose answer was lost). Whatever cannot be read or written now
 * leaves the count one high, which never overloads a mentor. True when the
 * place went back.
 */
export async function releaseUnlessStarted(mentorId: mongoose.Types.ObjectId, mentorshipId: mongoose.Types.ObjectId): Promise<boolean> {
  try {
    if (await mentorshipsRepository.findById(mentorshipId)) return false;
    await mentorsRepository.releaseMenteePlace(mentorId);
    return true;
  } catch {
    return false;
  }
}

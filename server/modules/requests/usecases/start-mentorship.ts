import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden, NotFound } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { mentorsRepository } from '../../mentors/mentors.repository.js';
import { mentorshipsRepository, type MentorshipRecord } from '../mentorships.repository.js';
import { assertPairable, releaseUnlessStarted, takeMenteePlace, type PairingDeps } from '../pairing.js';
import { startupParties } from '../startup-parties.js';

/**
 * A manager assigns a mentor directly (applying an assignment proposal as
 * mentorships): the same rules as a request (the 5-year rule and every hard
 * filter, checked now, not when the proposal was drafted) and the mentee
 * place taken by the same guarded update as an accept, so capacity holds
 * here too; 409 when it is full or the pair is already mentored.
 */
export async function startMentorship(
  actor: AuthUser,
  startupId: string,
  mentorId: string,
  deps: UseCaseDeps & PairingDeps,
  proposalId?: string,
): Promise<MentorshipRecord> {
  const parties = await startupParties(startupId);
  if (!parties) throw new NotFound('startup_not_found', 'No startup with this id.');
  if (actor.role !== 'admin' && !(actor.role === 'manager' && parties.managerIds.includes(actor.id))) {
    throw new Forbidden('not_cohort_manager', 'Only the managers of the startup’s cohort or an admin may assign mentors directly.');
  }
  const mentor = await mentorsRepository.findById(mentorId);
  if (!mentor) throw new NotFound('mentor_not_found', 'No mentor with this id.');
  await assertPairable(parties.startup, mentorId, deps, true);
  await takeMenteePlace(mentor._id);
  const mentorshipId = new mongoose.Types.ObjectId();
  let started: Awaited<ReturnType<typeof mentorshipsRepository.start>>;
  try {
    started = await mentorshipsRepository.start({
      _id: mentorshipId,
      startupId: parties.startup._id,
      mentorId: mentor._id,
      mentorUserId: mentor.userId,
      ...(proposalId ? { proposalId: new mongoose.Types.ObjectId(proposalId) } : {}),
      startedAt: deps.now(),
      startedBy: new mongoose.Types.ObjectId(actor.id),
    });
  } catch (error) {
    await releaseUnlessStarted(mentor._id, mentorshipId);
    throw error;
  }
  if (!started.created) {
    await mentorsRepository.releaseMenteePlace(mentor._id);
    throw new Conflict('already_mentoring', 'This mentor already mentors this startup.');
  }
  const mentorship = started.record!;
  await deps.bus.emit('mentorship.started', {
    mentorshipId: mentorship._id.toHexString(),
    startupId,
    mentorId,
    mentorUserId: mentor.userId.toHexString(),
    cohortIds: parties.cohortIds,
    requestId: null,
  });
  return mentorship;
}

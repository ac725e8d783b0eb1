import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { isStaff } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden, NotFound, RuleViolated } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { mentorsRepository } from '../../mentors/mentors.repository.js';
import { PROFILE_NUMBERS } from '../../mentors/mentor-profile.js';
import { startupsPolicy } from '../../startups/startups.policy.js';
import type { CreateRequestDto } from '../dto/create-request.dto.js';
import { assertPairable, type PairingDeps } from '../pairing.js';
import { requestsPolicy } from '../requests.policy.js';
import { requestsRepository, type MentorRequestRecord } from '../requests.repository.js';
import { startupParties } from '../startup-parties.js';

/** Open requests a startup may have at once: enough to find mentors, too few to spam them. */
export const MAX_OPEN_REQUESTS = 10;

export type CreateRequestDeps = UseCaseDeps & PairingDeps;

/**
 * A startup's team (or a manager of its cohort, or an admin) asks a mentor.
 * The startup must be eligible and the mentor pass matching's hard filters;
 * one open request per startup–mentor pair, kept by a unique key, so of two
 * racing requests one is created and the other gets 409 `request_open`; at
 * most MAX_OPEN_REQUESTS open at once. The request expires after the
 * mentor's `responseDays`.
 */
export async function createRequest(actor: AuthUser, input: CreateRequestDto, deps: CreateRequestDeps, proposalId?: string): Promise<MentorRequestRecord> {
  const parties = await startupParties(input.startupId);
  if (!parties || !(startupsPolicy.canRead(actor, parties.startup) || requestsPolicy.canRequestFor(actor, parties))) {
    throw new NotFound('startup_not_found', 'No startup with this id.');
  }
  if (!requestsPolicy.canRequestFor(actor, parties)) {
    throw new Forbidden('not_startup_party', 'Only the startup’s team, the managers of its cohort or an admin may ask mentors for it.');
  }
  const mentor = await mentorsRepository.findById(input.mentorId);
  if (!mentor || (mentor.status !== 'active' && !isStaff(actor))) throw new NotFound('mentor_not_found', 'No mentor with this id.');
  await assertPairable(parties.startup, input.mentorId, deps, isStaff(actor));

  // A soft limit (read, then insert): a race can pass it by a request or two, never by many.
  if ((await requestsRepository.openPairsOf([input.startupId])).length >= MAX_OPEN_REQUESTS) {
    throw new RuleViolated('too_many_open_requests', `A startup may have ${MAX_OPEN_REQUESTS} open requests at once; withdraw one or wait for answers.`, [], {
      limit: MAX_OPEN_REQUESTS,
    });
  }
  const now = deps.now();
  const responseDays = mentor.responseDays ?? PROFILE_NUMBERS.responseDays.default;
  const created = await requestsRepository.create({
    startupId: parties.startup._id,
    mentorId: mentor._id,
    mentorUserId: mentor.userId,
    requestedBy: new mongoose.Types.ObjectId(actor.id),
    message: input.message,
    topics: input.topics ?? parties.startup.needs ?? [],
    expiresAt: new Date(now.getTime() + responseDays * 86_400_000),
    at: now,
    ...(proposalId ? { proposalId: new mongoose.Types.ObjectId(proposalId) } : {}),
  });
  if (!created) {
    const open = await requestsRepository.findOpen(input.startupId, input.mentorId);
    throw new Conflict('request_open', 'This startup already has an open request to this mentor.', [], { requestId: open?._id.toHexString() ?? null });
  }
  await deps.bus.emit('request.created', {
    requestId: created._id.toHexString(),
    startupId: input.startupId,
    mentorId: input.mentorId,
    mentorUserId: mentor.userId.toHexString(),
    cohortIds: parties.cohortIds,
  });
  return created;
}

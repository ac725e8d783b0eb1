/** Cancel, reschedule, complete and no-show (SPEC §5): each one guarded move from `scheduled`, so of racing changes exactly one applies. */
import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { mentorsRepository } from '../../mentors/mentors.repository.js';
import { mentorshipsRepository } from '../../requests/mentorships.repository.js';
import type { CancelSessionDto, GiveFeedbackDto, RescheduleSessionDto } from '../dto/change-session.dto.js';
import { dropFollowUps } from '../follow-ups.js';
import { visibleSession, type VisibleSession } from '../session-access.js';
import { sessionsPolicy } from '../sessions.policy.js';
import { sessionsRepository, type SessionRecord } from '../sessions.repository.js';
import { commitBooking, sessionEvent } from './book-session.js';

const notScheduled = (current: SessionRecord | undefined) =>
  new Conflict('session_not_scheduled', `This session is ${current?.status ?? 'gone'}; only a scheduled session can change.`, [], { sessionStatus: current?.status ?? 'gone' });
const notTheParty = () => new Forbidden('not_session_party', 'Only the startup’s team, the mentor, the cohort’s managers or an admin may change this session.');

/** Any party cancels a scheduled session before it starts; its time is free again at once. */
export async function cancelSession(actor: AuthUser, id: string, input: CancelSessionDto, deps: UseCaseDeps): Promise<SessionRecord> {
  const { session, parties } = await visibleSession(actor, id);
  if (!sessionsPolicy.canChange(actor, parties, session)) throw notTheParty();
  if (session.status === 'scheduled' && session.start.getTime() <= deps.now().getTime()) {
    throw new Conflict('session_started', 'This session has started; mark it completed or a no-show instead.');
  }
  const moved = await sessionsRepository.transition(session._id, 'scheduled', {
    $set: { status: 'cancelled', cancelledAt: deps.now(), cancelledBy: new mongoose.Types.ObjectId(actor.id), cancelReason: input.reason },
    $unset: dropFollowUps(),
  });
  if (!moved.applied) throw notScheduled(moved.current);
  await sessionsRepository.release(session.mentorId, session._id, session.month);
  await deps.bus.emit('session.cancelled', { ...sessionEvent(moved.record, parties), by: actor.id, reason: input.reason });
  return moved.record;
}

/**
 * The same meeting at another free slot, as one operation: the new session
 * is booked (it may reuse the old one's time) and only then is the old one
 * cancelled as `rescheduled`. If the old one changed meanwhile, the new one
 * is abandoned and nothing happened. A crash between the two leaves both
 * scheduled, never neither.
 */
export async function rescheduleSession(actor: AuthUser, id: string, input: RescheduleSessionDto, deps: UseCaseDeps): Promise<{ session: SessionRecord; previous: SessionRecord }> {
  const { session, parties } = await visibleSession(actor, id);
  if (!sessionsPolicy.canChange(actor, parties, session)) throw notTheParty();
  if (session.status !== 'scheduled') throw notScheduled(session);
  if (session.start.getTime() <= deps.now().getTime()) throw new Conflict('session_started', 'This session has started; it can no longer move.');
  const [mentor, mentorship] = await Promise.all([mentorsRepository.findById(session.mentorId.toHexString()), mentorshipsRepository.findActive(session.startupId, session.mentorId)]);
  if (!mentor || mentor.status !== 'active') throw new Conflict('mentor_not_active', 'This mentor is not taking sessions now.');
  if (!mentorship) throw new Conflict('no_active_mentorship', 'The mentorship has ended; sessions can no longer be booked.');
  const details = { mode: session.mode, link: session.link ?? undefined, place: session.place ?? undefined, topic: session.topic, agenda: session.agenda ?? undefined };
  const next = await commitBooking({ actor, mentor, mentorship, start: new Date(input.start), details, replaces: { sessionId: session._id, month: session.month } }, deps);
  const moved = await sessionsRepository.transition(session._id, 'scheduled', {
    $set: { status: 'cancelled', cancelledAt: deps.now(), cancelledBy: new mongoose.Types.ObjectId(actor.id), cancelReason: 'rescheduled', replacedBy: next._id },
    $unset: dropFollowUps(),
  });
  if (!moved.applied) {
    await sessionsRepository.transition(next._id, 'scheduled', { $set: { status: 'abandoned' }, $unset: dropFollowUps() });
    await sessionsRepository.release(next.mentorId, next._id, next.month);
    throw notScheduled(moved.current);
  }
  await sessionsRepository.release(session.mentorId, session._id, session.month);
  // The same meeting: the mentor's note and the action items go with it (the old one, cancelled, takes no new ones).
  const carried = await sessionsRepository.carryOver(moved.record, next);
  await deps.bus.emit('session.rescheduled', { ...sessionEvent(carried, parties), previousSessionId: id, previousStart: session.start.toISOString(), by: actor.id });
  return { session: carried, previous: moved.record };
}

function assertStarted(session: VisibleSession, now: Date): void {
  if (session.status === 'scheduled' && session.start.getTime() > now.getTime()) {
    throw new Conflict('session_not_started', 'This session has not started yet.');
  }
}

/** The mentor (or an admin) marks a session held, once it has started. */
export async function completeSession(actor: AuthUser, id: string, deps: UseCaseDeps): Promise<SessionRecord> {
  const { session, parties } = await visibleSession(actor, id);
  if (!sessionsPolicy.canComplete(actor, session)) throw new Forbidden('not_the_mentor', 'Only the session’s mentor (or an admin) marks it completed.');
  assertStarted(session, deps.now());
  const moved = await sessionsRepository.transition(session._id, 'scheduled', {
    $set: { status: 'completed', completedAt: deps.now(), completedBy: new mongoose.Types.ObjectId(actor.id) },
    // Held: no reminder or no-show check is due any more, but the startup is still asked for its rating.
    $unset: dropFollowUps(['feedback']),
  });
  if (!moved.applied) throw notScheduled(moved.current);
  await deps.bus.emit('session.completed', { ...sessionEvent(moved.record, parties), by: actor.id });
  return moved.record;
}

/** The mentor or the team reports that the other side did not come, once the session has started. */
export async function reportNoShow(actor: AuthUser, id: string, deps: UseCaseDeps): Promise<SessionRecord> {
  const { session, parties } = await visibleSession(actor, id);
  if (!sessionsPolicy.canReportNoShow(actor, parties, session)) throw new Forbidden('not_session_party', 'Only the mentor, the startup’s team or an admin may report a no-show.');
  assertStarted(session, deps.now());
  const moved = await sessionsRepository.transition(session._id, 'scheduled', {
    $set: { status: 'no_show', noShowAt: deps.now(), noShowBy: new mongoose.Types.ObjectId(actor.id) },
    $unset: dropFollowUps(),
  });
  if (!moved.applied) throw notScheduled(moved.current);
  await deps.bus.emit('session.no_show', { ...sessionEvent(moved.record, parties), by: actor.id });
  return moved.record;
}

/**
 * One side's feedback on a completed session, once: the startup's team
 * rates the mentor (the rating matching uses), the mentor rates the session.
 */
export async function giveFeedback(actor: AuthUser, id: string, input: GiveFeedbackDto, deps: UseCaseDeps): Promise<SessionRecord> {
  const { session, parties } = await visibleSession(actor, id);
  const side = actor.role === 'mentor' && session.mentorUserId.toHexString() === actor.id ? 'mentor' : actor.role === 'startup' && parties.memberIds.includes(actor.id) ? 'startup' : undefined;
  if (!side) throw new Forbidden('not_session_party', 'Only the mentor or the startup’s team give feedback on a session.');
  if (session.status !== 'completed') throw new Conflict('session_not_completed', 'Feedback comes once the session is marked completed.', [], { sessionStatus: session.status });
  const given = await sessionsRepository.giveFeedback(session._id, side, {
    rating: input.rating,
    ...(input.comment ? { comment: input.comment } : {}),
    by: new mongoose.Types.ObjectId(actor.id),
    at: deps.now(),
  });
  if (!given.applied) throw new Conflict('feedback_given', `The ${side === 'mentor' ? 'mentor' : 'startup'}’s feedback on this session is already in.`);
  await deps.bus.emit('session.feedbackGiven', { ...sessionEvent(given.record, parties), side, rating: input.rating, by: actor.id });
  return given.record;
}

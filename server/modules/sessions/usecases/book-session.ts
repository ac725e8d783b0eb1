/**
 * Booking (SPEC §5): a slot is taken at most once and the monthly cap holds,
 * under any number of concurrent attempts, without transactions.
 *
 * A booking takes the slot's hold in the mentor's calendar with one
 * conditional update — only if no other hold overlaps it (buffers included)
 * and the month is under its cap — and only then writes the session, as
 * scheduled. Of racing bookings for the same time exactly one hold is taken;
 * the others get 409 at once, no retry loop, no read of the mentor's
 * sessions. A refused hold is explained (taken, or the month full) after
 * dropping orphan holds in its way (holds.ts): then it tries again. The
 * calendar is read with the rest before any write: a slot it already shows
 * taken is refused from that read, without trying the hold.
 *
 * Nothing half-written is ever shown: the session appears whole once its
 * hold is taken. A booker that dies between the two writes leaves a hold
 * without a session, which the next booking it refuses drops.
 */
import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { isDuplicateKey } from '../../../core/db/duplicate-key.js';
import { Conflict, Forbidden, NotFound, RuleViolated } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { mentorsRepository, type MentorRecord } from '../../mentors/mentors.repository.js';
import { mentorshipsRepository, type MentorshipRecord } from '../../requests/mentorships.repository.js';
import { activeCohortsOfStartup } from '../../cohorts/usecases/active-cohorts-of-startup.js';
import { partiesOfStartup, teamOf, type StartupWithParties } from '../../requests/startup-parties.js';
import { startupsRepository } from '../../startups/startups.repository.js';
import type { BookSessionDto, SessionDetailsDto } from '../dto/book-session.dto.js';
import { followUpsDue } from '../follow-ups.js';
import { dropOrphans, ORPHAN_HOLD_MS, overlaps, sortHolds } from '../holds.js';
import { slotRulesOf } from '../session-rules.js';
import { sessionsPolicy } from '../sessions.policy.js';
import { sessionsRepository, type Hold, type MentorCalendar, type SessionRecord } from '../sessions.repository.js';
import { isSlotStart, monthOf } from '../slots.js';

/** Orphan holds dropped before giving up with 409 `calendar_busy`. */
const MAX_ATTEMPTS = 4;

export interface Booking {
  actor: AuthUser;
  mentor: MentorRecord;
  mentorship: MentorshipRecord;
  start: Date;
  details: SessionDetailsDto;
  /** Rescheduling: the session the new one replaces, whose time (and place in its month) it may reuse. */
  replaces?: { sessionId: mongoose.Types.ObjectId; month: string };
  /** The mentor's calendar as read with the rest of the booking, if it was: a slot it shows taken is refused without a write. */
  seen?: MentorCalendar;
}

type Limits = { bufferMs: number; cap: number; replaces?: { sessionId: mongoose.Types.ObjectId; month: string } };

/** The holds other than the replaced session's that overlap `hold`, buffers included. */
const inTheWayOf = (holds: readonly Hold[], hold: Hold, limits: Limits): Hold[] =>
  holds.filter((other) => overlaps(other, hold.start.getTime(), hold.end.getTime(), limits.bufferMs) && !limits.replaces?.sessionId.equals(other.sessionId));

/**
 * A hold taken under a minute ago: the usual race, answered without reading its session. Rarely it is an
 * orphan already (a cancel between its two writes, or a crash there): the slot then reads as taken for up to
 * that minute, until the next booking drops it (holds.ts).
 */
const isFresh = (hold: Hold): boolean => Date.now() - hold.at.getTime() < ORPHAN_HOLD_MS;

/** POST /sessions. */
export async function bookSession(actor: AuthUser, input: BookSessionDto, deps: UseCaseDeps): Promise<SessionRecord> {
  if (actor.role === 'mentor') throw new Forbidden('forbidden', 'Sessions are booked by the startup’s team or its cohort’s managers.');
  // All the booking decides on, read at once (each read shared with the bookings of the same moment, stored.ts) and judged in order below.
  const startupId = new mongoose.Types.ObjectId(input.startupId);
  const mentorId = new mongoose.Types.ObjectId(input.mentorId);
  const [startup, mentor, mentorship, calendar] = await Promise.all([
    startupsRepository.findById(input.startupId),
    mentorsRepository.findById(input.mentorId),
    mentorshipsRepository.findActive(startupId, mentorId),
    sessionsRepository.calendarOf(mentorId),
  ]);
  // The team's right (and an admin's) needs no cohort; a manager's comes from the startup's cohorts, read only then. The event reads them once the session is in.
  const team = startup && teamOf(startup);
  const parties = team && (sessionsPolicy.canBook(actor, team) ? team : await partiesOfStartup(team.startup));
  if (!parties || !sessionsPolicy.canSeeStartup(actor, parties)) throw new NotFound('startup_not_found', 'No startup with this id.');
  if (!sessionsPolicy.canBook(actor, parties)) throw new Forbidden('not_cohort_manager', 'Only the startup’s team, its cohort’s managers or an admin may book for it.');
  assertWhere(input);
  if (!mentor) throw new NotFound('mentor_not_found', 'No mentor with this id.');
  if (!mentorship) throw new Conflict('no_active_mentorship', 'This startup has no active mentorship with this mentor; ask them first (POST /mentor-requests).');
  if (mentor.status !== 'active') throw new Conflict('mentor_not_active', 'This mentor is not taking sessions now.');
  const session = await commitBooking({ actor, mentor, mentorship, start: new Date(input.start), details: input, seen: calendar }, deps);
  // The session is in: nothing after this may turn its answer into an error. Without its cohorts the event reaches the startup's and the mentor's rooms; the cohorts' boards catch up on their next read.
  const cohortIds = parties.cohortIds ?? (await activeCohortsOfStartup(input.startupId).then((cohorts) => cohorts.map((cohort) => cohort.cohortId), () => []));
  await deps.bus.emit('session.booked', { ...sessionEvent(session, { cohortIds }), by: actor.id });
  return session;
}

/** An online session needs its link, one in person its place. */
export function assertWhere(details: SessionDetailsDto): void {
  if (details.mode === 'online' && !details.link) {
    throw new RuleViolated('rule_violated', 'An online session needs its link.', [{ field: 'link', code: 'required_for_mode', message: 'link is required when mode is online.' }]);
  }
  if (details.mode === 'in_person' && !details.place) {
    throw new RuleViolated('rule_violated', 'A session in person needs its place.', [{ field: 'place', code: 'required_for_mode', message: 'place is required when mode is in_person.' }]);
  }
}

const slotTaken = () => new Conflict('slot_taken', 'This slot is no longer free; pick another from GET /mentors/{id}/slots.');

/** Takes the slot at `booking.start` for good, or throws 409 (taken, cap reached, too busy) or 422 (not one of the mentor's slots). */
export async function commitBooking(booking: Booking, deps: Pick<UseCaseDeps, 'now'>): Promise<SessionRecord> {
  const { mentor, start } = booking;
  const rules = slotRulesOf(mentor);
  const startMs = start.getTime();
  if (!isSlotStart(rules, startMs, deps.now().getTime())) {
    throw new RuleViolated('not_a_slot', 'start is not one of the mentor’s slots: outside their weekly hours, on a blocked day, too soon, or off their grid.', [
      { field: 'start', code: 'not_a_slot', message: 'start must be the start of a slot from GET /mentors/{id}/slots.' },
    ]);
  }
  const id = new mongoose.Types.ObjectId();
  const end = new Date(startMs + rules.sessionMinutes * 60_000);
  const month = monthOf(startMs, rules.timezone);
  const hold = { sessionId: id, start, end, month, at: new Date() };
  const limits: Limits = { bufferMs: rules.bufferMinutes * 60_000, cap: rules.maxSessionsPerMonth, ...(booking.replaces ? { replaces: booking.replaces } : {}) };

  if (booking.seen && inTheWayOf(booking.seen.holds, hold, limits).some(isFresh)) throw slotTaken();
  for (let attempt = 1; !(await sessionsRepository.hold(mentor._id, hold, limits)); attempt++) {
    if (attempt === MAX_ATTEMPTS) throw new Conflict('calendar_busy', 'Many sessions are being booked with this mentor at this moment; try again.');
    await explainRefusal(mentor._id, hold, limits);
  }
  try {
    return await sessionsRepository.insertScheduled({
      _id: id,
      mentorId: mentor._id,
      mentorUserId: mentor.userId,
      startupId: booking.mentorship.startupId,
      mentorshipId: booking.mentorship._id,
      bookedBy: new mongoose.Types.ObjectId(booking.actor.id),
      start,
      end,
      month,
      mode: booking.details.mode,
      ...(booking.details.mode === 'online' ? { link: booking.details.link } : { place: booking.details.place }),
      topic: booking.details.topic,
      ...(booking.details.agenda ? { agenda: booking.details.agenda } : {}),
      ...(booking.replaces ? { replaces: booking.replaces.sessionId } : {}),
      due: followUpsDue({ start, end }, deps.now(), { announce: !booking.replaces }),
    });
  } catch (error) {
    await sessionsRepository.release(mentor._id, id, month).catch(() => {});
    // Our hold was taken for an orphan while we stalled (over a minute): as if the slot had been taken.
    if (isDuplicateKey(error)) throw slotTaken();
    throw error;
  }
}

/**
 * After a refused hold: throws why (the slot taken, the month full), unless
 * what refused it was a calendar not open yet (opened now), an orphan hold
 * (dropped now), a month count left high by a crash (recounted now) or a
 * hold released since — then returns, and the booking tries again.
 */
async function explainRefusal(mentorId: mongoose.Types.ObjectId, hold: Hold, limits: Limits): Promise<void> {
  const calendar = await sessionsRepository.calendarOf(mentorId);
  if (!calendar.opened) return sessionsRepository.openCalendar(mentorId);
  const inTheWay = inTheWayOf(calendar.holds, hold, limits);
  if (inTheWay.some(isFresh)) throw slotTaken();
  if (inTheWay.length > 0) {
    const { orphans } = await sortHolds(inTheWay);
    if (orphans.length < inTheWay.length) throw slotTaken();
    await dropOrphans(mentorId, orphans);
    return;
  }
  const counted = calendar.months[hold.month] ?? 0;
  const cap = limits.cap + (limits.replaces?.month === hold.month ? 1 : 0);
  if (counted < cap) return; // a hold was given back since
  // What the month really counts: its sessions, and the holds whose sessions are being written (counted twice if one lands meanwhile: too high is safe).
  const { inFlight } = await sortHolds(calendar.holds.filter((other) => other.month === hold.month));
  const actual = (await sessionsRepository.countHoldingInMonth(mentorId, hold.month)) + inFlight.length;
  if (!(await sessionsRepository.recount(mentorId, hold.month, calendar.rev, counted, actual))) {
    throw new Conflict('monthly_cap_reached', `This mentor takes at most ${limits.cap} sessions a month, and ${hold.month} is full.`);
  }
}

/** The fields every session event carries. */
export function sessionEvent(session: SessionRecord, parties: Pick<StartupWithParties, 'cohortIds'>) {
  return {
    sessionId: session._id.toHexString(),
    startupId: session.startupId.toHexString(),
    mentorId: session.mentorId.toHexString(),
    mentorUserId: session.mentorUserId.toHexString(),
    cohortIds: parties.cohortIds,
    start: session.start.toISOString(),
  };
}

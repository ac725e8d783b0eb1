/**
 * Booking (SPEC §5): a slot is taken at most once and the monthly cap holds,
 * under any number of concurrent attempts, without transactions.
 *
 * Each attempt reads the mentor's calendar revision, then the sessions that
 * hold the mentor's time, checks the slot against them with the slots
 * engine, writes the session as `pending`, and commits by moving the
 * calendar from the revision it read (one conditional update). Two attempts
 * that both saw the slot free read the same revision, so only one commits;
 * the other abandons its pending session and tries again on fresh data,
 * where it finds the slot taken (409) or still free (a booking elsewhere in
 * the calendar won). A committed session is then promoted to `scheduled`.
 *
 * Nothing half-written is ever shown: lists and reads skip `pending` and
 * `abandoned`. A booker that dies between its write and its promotion
 * leaves a pending session that holds the time until it is older than
 * `PENDING_STALE_MS`; the next booking to meet it abandons it (a guarded
 * move, so a slow booker's promotion and the abandonment cannot both win).
 */
import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, Forbidden, NotFound, RuleViolated } from '../../../core/errors.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { mentorsRepository, type MentorRecord } from '../../mentors/mentors.repository.js';
import { mentorshipsRepository, type MentorshipRecord } from '../../requests/mentorships.repository.js';
import { startupParties, type StartupWithParties } from '../../requests/startup-parties.js';
import type { BookSessionDto, SessionDetailsDto } from '../dto/book-session.dto.js';
import { busyOf, slotRulesOf } from '../session-rules.js';
import { sessionsPolicy } from '../sessions.policy.js';
import { sessionsRepository, type SessionRecord } from '../sessions.repository.js';
import { freeSlots, monthOf } from '../slots.js';

const DAY_MS = 86_400_000;
/** A pending session older than this lost its booker: the next booking to meet it abandons it. */
export const PENDING_STALE_MS = 60_000;
/** Attempts before giving up with 409 `calendar_busy` (each lost one means another booking of this mentor committed). */
const MAX_ATTEMPTS = 30;

export interface Booking {
  actor: AuthUser;
  mentor: MentorRecord;
  mentorship: MentorshipRecord;
  start: Date;
  details: SessionDetailsDto;
  /** Rescheduling: the session the new one replaces, whose time it may reuse. */
  replaces?: mongoose.Types.ObjectId;
}

/** POST /sessions. */
export async function bookSession(actor: AuthUser, input: BookSessionDto, deps: UseCaseDeps): Promise<SessionRecord> {
  if (actor.role === 'mentor') throw new Forbidden('forbidden', 'Sessions are booked by the startup’s team or its cohort’s managers.');
  const parties = await startupParties(input.startupId);
  if (!parties || !sessionsPolicy.canSeeStartup(actor, parties)) throw new NotFound('startup_not_found', 'No startup with this id.');
  if (!sessionsPolicy.canBook(actor, parties)) throw new Forbidden('not_cohort_manager', 'Only the startup’s team, its cohort’s managers or an admin may book for it.');
  assertWhere(input);
  const mentor = await mentorsRepository.findById(input.mentorId);
  if (!mentor) throw new NotFound('mentor_not_found', 'No mentor with this id.');
  const mentorship = await mentorshipsRepository.findActive(parties.startup._id, mentor._id);
  if (!mentorship) throw new Conflict('no_active_mentorship', 'This startup has no active mentorship with this mentor; ask them first (POST /mentor-requests).');
  if (mentor.status !== 'active') throw new Conflict('mentor_not_active', 'This mentor is not taking sessions now.');
  const session = await commitBooking({ actor, mentor, mentorship, start: new Date(input.start), details: input }, deps);
  await deps.bus.emit('session.booked', { ...sessionEvent(session, parties), by: actor.id });
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

/** The sessions that hold the mentor's time, less pending ones whose booker vanished (abandoned now). */
async function live(sessions: SessionRecord[]): Promise<SessionRecord[]> {
  const staleBefore = Date.now() - PENDING_STALE_MS; // createdAt is the database's wall clock, whatever the app's clock says
  const kept = await Promise.all(
    sessions.map(async (session) => (session.status === 'pending' && session.createdAt.getTime() < staleBefore && (await sessionsRepository.abandon(session._id)) ? undefined : session)),
  );
  return kept.filter((session): session is SessionRecord => session !== undefined);
}

/** Takes the slot at `booking.start` for good, or throws 409 (taken, cap reached, too busy) or 422 (not one of the mentor's slots). */
export async function commitBooking(booking: Booking, deps: Pick<UseCaseDeps, 'now'>): Promise<SessionRecord> {
  const { mentor, start } = booking;
  const rules = slotRulesOf(mentor);
  const startMs = start.getTime();
  const month = monthOf(startMs, rules.timezone);
  // Slots starting within a day of it; sessions that may touch them.
  const window = { from: new Date(startMs - DAY_MS), to: new Date(startMs + DAY_MS), now: deps.now() };
  const offered = (slots: { start: Date }[]) => slots.some((slot) => slot.start.getTime() === startMs);
  if (!offered(freeSlots(rules, { ...window, busy: [] }))) {
    throw new RuleViolated('not_a_slot', 'start is not one of the mentor’s slots: outside their weekly hours, on a blocked day, too soon, or off their grid.', [
      { field: 'start', code: 'not_a_slot', message: 'start must be the start of a slot from GET /mentors/{id}/slots.' },
    ]);
  }
  const other = (session: SessionRecord) => !booking.replaces?.equals(session._id);

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 5) * 4));
    const rev = await sessionsRepository.calendarRev(mentor._id);
    const [around, inMonth] = await Promise.all([
      sessionsRepository.holdingBetween(mentor._id, new Date(startMs - 2 * DAY_MS), new Date(startMs + 2 * DAY_MS)),
      sessionsRepository.holdingInMonth(mentor._id, month),
    ]);
    const busy = (await live(around)).filter(other).map(busyOf);
    const counted = (await live(inMonth)).filter(other).length;
    if (!offered(freeSlots(rules, { ...window, busy, bookedPerMonth: new Map([[month, counted]]) }))) {
      if (counted >= rules.maxSessionsPerMonth) {
        throw new Conflict('monthly_cap_reached', `This mentor takes at most ${rules.maxSessionsPerMonth} sessions a month, and ${month} is full.`);
      }
      throw new Conflict('slot_taken', 'This slot is no longer free; pick another from GET /mentors/{id}/slots.');
    }
    const id = new mongoose.Types.ObjectId();
    await sessionsRepository.insertPending({
      _id: id,
      mentorId: mentor._id,
      mentorUserId: mentor.userId,
      startupId: booking.mentorship.startupId,
      mentorshipId: booking.mentorship._id,
      bookedBy: new mongoose.Types.ObjectId(booking.actor.id),
      start,
      end: new Date(startMs + rules.sessionMinutes * 60_000),
      month,
      mode: booking.details.mode,
      ...(booking.details.mode === 'online' ? { link: booking.details.link } : { place: booking.details.place }),
      topic: booking.details.topic,
      ...(booking.details.agenda ? { agenda: booking.details.agenda } : {}),
      ...(booking.replaces ? { replaces: booking.replaces } : {}),
    });
    if (await sessionsRepository.commitCalendar(mentor._id, rev)) {
      const scheduled = await sessionsRepository.promote(id);
      if (scheduled) return scheduled;
      // Abandoned as stale before it could be promoted (a booker stalled for a minute): as if it lost.
      throw new Conflict('slot_taken', 'This slot is no longer free; pick another from GET /mentors/{id}/slots.');
    }
    await sessionsRepository.abandon(id);
  }
  throw new Conflict('calendar_busy', 'Many sessions are being booked with this mentor at this moment; try again.');
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

import { DateTime } from 'luxon';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { RuleViolated } from '../../../core/errors.js';
import { addDays, daysBetween, todayInVietnam, VIETNAM_ZONE } from '../../../core/time/calendar-date.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import type { MentorRecord } from '../../mentors/mentors.repository.js';
import { getMentor } from '../../mentors/usecases/get-mentor.js';
import type { SlotsQueryDto } from '../dto/slots-query.dto.js';
import { overlaps, sortHolds } from '../holds.js';
import { busyOf, slotRulesOf } from '../session-rules.js';
import { sessionsRepository } from '../sessions.repository.js';
import { freeSlots, type Slot } from '../slots.js';

const DAY_MS = 86_400_000;

/** The longest range one call may ask for, in days after `from`. */
export const MAX_SLOT_RANGE_DAYS = 31;

export interface SlotList {
  mentor: MentorRecord;
  from: string;
  to: string;
  slots: Slot[];
}

/**
 * A mentor's free slots over Can Tho calendar days (SPEC §5), for anyone
 * who may see the profile. Only an active mentor has slots; booked sessions
 * (with the mentor's buffers) and months whose cap is reached are left out.
 */
export async function listSlots(caller: AuthUser, mentorId: string, query: SlotsQueryDto, deps: Pick<UseCaseDeps, 'now'>): Promise<SlotList> {
  const mentor = await getMentor(caller, mentorId);
  const now = deps.now();
  const from = query.from ?? todayInVietnam(now);
  const to = query.to ?? addDays(from, 13);
  if (daysBetween(from, to) < 0) throw new RuleViolated('invalid_range', 'to must not be before from.', [{ field: 'to', code: 'invalid_range', message: 'to must be the same day as from or later.' }]);
  if (daysBetween(from, to) > MAX_SLOT_RANGE_DAYS) {
    throw new RuleViolated('invalid_range', `Ask for at most ${MAX_SLOT_RANGE_DAYS} days after from.`, [
      { field: 'to', code: 'invalid_range', message: `to must be at most ${MAX_SLOT_RANGE_DAYS} days after from.` },
    ]);
  }
  if (mentor.status !== 'active') return { mentor, from, to, slots: [] };
  const rules = slotRulesOf(mentor);
  const range = { from: DateTime.fromISO(from, { zone: VIETNAM_ZONE }).toJSDate(), to: DateTime.fromISO(addDays(to, 1), { zone: VIETNAM_ZONE }).toJSDate() };
  // The holds that may touch the range (buffers reach past its ends) and still hold time; the counts of each month, for the cap.
  const calendar = await sessionsRepository.calendarOf(mentor._id);
  const near = calendar.holds.filter((hold) => overlaps(hold, range.from.getTime(), range.to.getTime(), DAY_MS));
  const { live } = await sortHolds(near);
  const bookedPerMonth = new Map(Object.entries(calendar.months));
  const slots = freeSlots(rules, { ...range, now, busy: live.map(busyOf), bookedPerMonth });
  return { mentor, from, to, slots };
}

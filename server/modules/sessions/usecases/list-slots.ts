import { DateTime } from 'luxon';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { RuleViolated } from '../../../core/errors.js';
import { addDays, daysBetween, todayInVietnam, VIETNAM_ZONE } from '../../../core/time/calendar-date.js';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { availabilityOf } from '../../mentors/availability.js';
import type { MentorRecord } from '../../mentors/mentors.repository.js';
import { getMentor } from '../../mentors/usecases/get-mentor.js';
import type { SlotsQueryDto } from '../dto/slots-query.dto.js';
import { freeSlots, type Slot } from '../slots.js';

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
 * who may see the profile. Only an active mentor has slots. No sessions can
 * be booked yet, so nothing is subtracted for bookings; the engine takes
 * them once the sessions collection exists.
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
  const slots = freeSlots(
    { ...availabilityOf(mentor), bufferMinutes: mentor.bufferMinutes, maxSessionsPerMonth: mentor.capacity.maxSessionsPerMonth },
    {
      from: DateTime.fromISO(from, { zone: VIETNAM_ZONE }).toJSDate(),
      to: DateTime.fromISO(addDays(to, 1), { zone: VIETNAM_ZONE }).toJSDate(),
      now,
      busy: [],
    },
  );
  return { mentor, from, to, slots };
}

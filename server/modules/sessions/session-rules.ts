/** What of a mentor's profile the slots engine reads, and what a session needs of a slot. */
import { availabilityOf } from '../mentors/availability.js';
import type { MentorRecord } from '../mentors/mentors.repository.js';
import type { BusyInterval, SlotRules } from './slots.js';

export function slotRulesOf(mentor: MentorRecord): SlotRules {
  return { ...availabilityOf(mentor), bufferMinutes: mentor.bufferMinutes, maxSessionsPerMonth: mentor.capacity.maxSessionsPerMonth };
}

/** A stored session as the slots engine's busy interval. */
export const busyOf = (session: { start: Date; end: Date }): BusyInterval => ({ start: session.start.getTime(), end: session.end.getTime() });

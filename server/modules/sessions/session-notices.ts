/**
 * Telling both sides of a session, in Vietnamese and English, with the time
 * in each reader's zone (the mentor's own, Can Tho's for the startup's
 * team), leaving out whoever acted; each notice once per key.
 */
import type { EventBus } from '../../core/events/event-bus.js';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../core/time/calendar-date.js';
import { mentorsRepository } from '../mentors/mentors.repository.js';
import { notify } from '../notifications/usecases/notify.js';
import { startupsRepository } from '../startups/startups.repository.js';

/** "thứ Tư, 17/06/2026 lúc 09:00" / "Wednesday 17 June 2026, 09:00", in `zone`, naming the zone when it is not Can Tho's. */
export function sessionTime(startIso: string, zone: string): { vi: string; en: string } {
  const at = DateTime.fromISO(startIso, { zone });
  const where = zone === VIETNAM_ZONE ? { vi: ' (giờ Việt Nam)', en: ' (Vietnam time)' } : { vi: ` (giờ ${zone})`, en: ` (${zone} time)` };
  return {
    // ICU writes "Thứ Ba"; inside a sentence it is "thứ Ba".
    vi: `${at.setLocale('vi').toFormat("cccc, dd/MM/yyyy 'lúc' HH:mm").replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi'))}${where.vi}`,
    en: `${at.setLocale('en').toFormat('cccc d LLLL yyyy, HH:mm')}${where.en}`,
  };
}

export interface Parties {
  startupName: string;
  mentorName: string;
  mentorZone: string;
  memberIds: string[];
}

/**
 * The names and team a notice needs, read once per startup and mentor pair
 * and `memo`: a follow-up sweep tells many sessions of the same few pairs.
 */
export type PartiesMemo = Map<string, Promise<Parties>>;

function partiesOf(event: { startupId: string; mentorId: string }, memo?: PartiesMemo): Promise<Parties> {
  const key = `${event.startupId}:${event.mentorId}`;
  const known = memo?.get(key);
  if (known) return known;
  const read = readParties(event);
  if (memo) {
    memo.set(key, read);
    read.catch(() => memo.delete(key)); // a failed read is not remembered: the next session tries again
  }
  return read;
}

async function readParties(event: { startupId: string; mentorId: string }): Promise<Parties> {
  const [startup, mentor] = await Promise.all([startupsRepository.findById(event.startupId), mentorsRepository.findById(event.mentorId)]);
  return {
    startupName: startup?.name ?? 'Dự án',
    mentorName: mentor?.name ?? 'Cố vấn',
    mentorZone: mentor?.timezone ?? VIETNAM_ZONE,
    memberIds: startup?.members.map((m) => m.userId.toHexString()) ?? [],
  };
}

/** What a notice about a session needs: its parties, its start, and who acted (null: nobody, a job). */
export interface SessionFacts {
  sessionId: string;
  startupId: string;
  mentorId: string;
  mentorUserId: string;
  start: string;
  by: string | null;
}

export type SessionText = (p: Parties, time: { vi: string; en: string }, side: 'mentor' | 'team') => { title: { vi: string; en: string }; body: { vi: string; en: string } };

/** One notice to the mentor (in their zone) and one to the team (Can Tho time), leaving out whoever acted. */
export async function tellBothSides(key: string, kind: string, event: SessionFacts, text: SessionText, bus: EventBus, memo?: PartiesMemo): Promise<number> {
  const parties = await partiesOf(event, memo);
  const data = { sessionId: event.sessionId, startupId: event.startupId, mentorId: event.mentorId };
  const toMentor = [event.mentorUserId].filter((id) => id !== event.by);
  const toTeam = parties.memberIds.filter((id) => id !== event.by);
  const toldMentor = await notify({ key: `${key}:mentor`, kind, userIds: toMentor, ...text(parties, sessionTime(event.start, parties.mentorZone), 'mentor'), data }, bus);
  const toldTeam = await notify({ key: `${key}:team`, kind, userIds: toTeam, ...text(parties, sessionTime(event.start, VIETNAM_ZONE), 'team'), data }, bus);
  return toldMentor + toldTeam;
}

/** One notice to the startup's team only (times in Can Tho), leaving out whoever acted; `data` adds to the session's ids. */
export async function tellTeam(
  key: string,
  kind: string,
  event: SessionFacts,
  text: (p: Parties, time: { vi: string; en: string }) => { title: { vi: string; en: string }; body: { vi: string; en: string } },
  bus: EventBus,
  data: Record<string, string> = {},
): Promise<number> {
  const parties = await partiesOf(event);
  const ids = { sessionId: event.sessionId, startupId: event.startupId, mentorId: event.mentorId };
  const toTeam = parties.memberIds.filter((id) => id !== event.by);
  return notify({ key: `${key}:team`, kind, userIds: toTeam, ...text(parties, sessionTime(event.start, VIETNAM_ZONE)), data: { ...ids, ...data } }, bus);
}

/** "01/07/2026" / "1 July 2026": a calendar date in a notice. */
export function noticeDate(date: string): { vi: string; en: string } {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  return { vi: day.toFormat('dd/MM/yyyy'), en: day.setLocale('en').toFormat('d LLLL yyyy') };
}

/** "với Nấm Rơm Ô Môn" to the mentor, "với Nguyễn Văn A" to the team. */
export const withOther = (p: Parties, side: 'mentor' | 'team') => (side === 'mentor' ? { vi: `với ${p.startupName}`, en: `with ${p.startupName}` } : { vi: `với ${p.mentorName}`, en: `with ${p.mentorName}` });


/**
 * What the sessions module does after a session changes: tells the other
 * side, in Vietnamese and English, with the time in each reader's zone (the
 * mentor's own, Can Tho's for the startup's team), each notice once.
 */
import { DateTime } from 'luxon';
import type { DomainEvents } from '../../core/events/domain-events.js';
import type { EventBus } from '../../core/events/event-bus.js';
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

interface Parties {
  startupName: string;
  mentorName: string;
  mentorZone: string;
  memberIds: string[];
}

async function partiesOf(event: { startupId: string; mentorId: string }): Promise<Parties> {
  const [startup, mentor] = await Promise.all([startupsRepository.findById(event.startupId), mentorsRepository.findById(event.mentorId)]);
  return {
    startupName: startup?.name ?? 'Dự án',
    mentorName: mentor?.name ?? 'Cố vấn',
    mentorZone: mentor?.timezone ?? VIETNAM_ZONE,
    memberIds: startup?.members.map((m) => m.userId.toHexString()) ?? [],
  };
}

type SessionEvent = DomainEvents['session.booked'];

/** One notice to the mentor (in their zone) and one to the team (Can Tho time), leaving out whoever acted. */
async function tellBothSides(
  key: string,
  kind: string,
  event: SessionEvent,
  text: (p: Parties, time: { vi: string; en: string }, side: 'mentor' | 'team') => { title: { vi: string; en: string }; body: { vi: string; en: string } },
): Promise<void> {
  const parties = await partiesOf(event);
  const data = { sessionId: event.sessionId, startupId: event.startupId, mentorId: event.mentorId };
  const toMentor = [event.mentorUserId].filter((id) => id !== event.by);
  const toTeam = parties.memberIds.filter((id) => id !== event.by);
  await notify({ key: `${key}:mentor`, kind, userIds: toMentor, ...text(parties, sessionTime(event.start, parties.mentorZone), 'mentor'), data });
  await notify({ key: `${key}:team`, kind, userIds: toTeam, ...text(parties, sessionTime(event.start, VIETNAM_ZONE), 'team'), data });
}

export function registerSessionsListeners(bus: EventBus): void {
  bus.on('session.booked', (event) =>
    tellBothSides(`session.booked:${event.sessionId}`, 'session.booked', event, (p, time, side) => ({
      title: { vi: 'Lịch gặp cố vấn mới', en: 'New mentoring session' },
      body:
        side === 'mentor'
          ? { vi: `${p.startupName} đã đặt lịch gặp bạn vào ${time.vi}.`, en: `${p.startupName} booked a session with you on ${time.en}.` }
          : { vi: `Đã đặt lịch gặp ${p.mentorName} vào ${time.vi}.`, en: `A session with ${p.mentorName} is booked for ${time.en}.` },
    })),
  );
  bus.on('session.cancelled', (event) =>
    tellBothSides(`session.cancelled:${event.sessionId}`, 'session.cancelled', event, (p, time, side) => ({
      title: { vi: 'Lịch gặp đã bị hủy', en: 'Session cancelled' },
      body: {
        vi: `Buổi gặp ${side === 'mentor' ? `với ${p.startupName}` : `với ${p.mentorName}`} vào ${time.vi} đã bị hủy. Lý do: ${event.reason}`,
        en: `The session ${side === 'mentor' ? `with ${p.startupName}` : `with ${p.mentorName}`} on ${time.en} was cancelled. Reason: ${event.reason}`,
      },
    })),
  );
  bus.on('session.rescheduled', async (event) => {
    await tellBothSides(`session.rescheduled:${event.sessionId}`, 'session.rescheduled', event, (p, time, side) => ({
      title: { vi: 'Lịch gặp đã được dời', en: 'Session moved' },
      body: {
        vi: `Buổi gặp ${side === 'mentor' ? `với ${p.startupName}` : `với ${p.mentorName}`} đã được dời sang ${time.vi}.`,
        en: `The session ${side === 'mentor' ? `with ${p.startupName}` : `with ${p.mentorName}`} moved to ${time.en}.`,
      },
    }));
  });
}

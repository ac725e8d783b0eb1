/**
 * Sessions as iCalendar (RFC 5545): one event per session, its times given
 * in the reader's zone with that zone's VTIMEZONE (ical-generator with
 * @touch4it/ical-timezones), a cancelled session as STATUS:CANCELLED so
 * calendars drop it, a moved one as a new event.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { SessionRecord } from './sessions.repository.js';

const STATUS: Record<string, ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  completed: ICalEventStatus.CONFIRMED,
  no_show: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

const utcStamp = (at: Date) => DateTime.fromJSDate(at, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");

export function sessionsCalendar(sessions: readonly SessionRecord[], options: { name: string; zone: string; now: Date }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Runway', product: 'sessions', language: 'VI' },
    timezone: { name: options.zone, generator: getVtimezoneComponent },
  });
  for (const session of sessions) {
    const where = session.mode === 'online' ? session.link : session.place;
    calendar.createEvent({
      id: `${session._id.toHexString()}@runway`,
      // Luxon times in the zone: ical-generator then writes their local digits beside TZID.
      start: DateTime.fromJSDate(session.start, { zone: options.zone }),
      end: DateTime.fromJSDate(session.end, { zone: options.zone }),
      timezone: options.zone,
      stamp: options.now,
      summary: `Runway: ${session.topic}`,
      description: [session.agenda, session.mode === 'online' ? `Link: ${session.link}` : `Địa điểm / Place: ${session.place}`].filter(Boolean).join('\n\n'),
      location: where ?? null,
      url: session.mode === 'online' ? (session.link ?? null) : null,
      status: STATUS[session.status] ?? ICalEventStatus.CONFIRMED,
      // A change of state is a new version of the event.
      sequence: session.status === 'scheduled' ? 0 : 1,
    });
  }
  // With a calendar zone, ical-generator writes DTSTAMP as process-local digits without Z; RFC 5545 wants UTC with Z.
  return calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${utcStamp(options.now)}`);
}

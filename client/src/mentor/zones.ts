/** Time zones and calendar-day arithmetic for the mentor's screens. */
import { VIETNAM_ZONE } from '../app/format.ts';

/** The zones a mentor may pick: the browser's IANA list, with the current one and Vietnam's always present. */
export function zoneChoices(current: string): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  return [...new Set([VIETNAM_ZONE, current, ...all])].sort();
}

/** YYYY-MM-DD plus `days`. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** True when the zone reads the same clock as Can Tho at this instant (so one time is enough). */
export function sameClockAsVietnam(zone: string, at: Date = new Date()): boolean {
  if (zone === VIETNAM_ZONE) return true;
  const clock = (z: string) => new Intl.DateTimeFormat('en-GB', { timeZone: z, dateStyle: 'short', timeStyle: 'short' }).format(at);
  try {
    return clock(zone) === clock(VIETNAM_ZONE);
  } catch {
    return false;
  }
}

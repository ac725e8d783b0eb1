/**
 * What the wall clock reads at an instant in an IANA zone, fast. Asking
 * luxon (Intl underneath) for a zone's offset costs microseconds each time,
 * and a mentor's slots ask it several times per slot: the offset is asked
 * once per quarter hour of UTC and remembered. Offsets change only on
 * quarter hours (every DST switch, and every zone's offset today is whole
 * quarter hours), so within one it holds.
 */
import { IANAZone } from 'luxon';

const QUARTER_MS = 900_000;
/** Remembered quarter hours per zone before that zone's memory starts again. */
const REMEMBERED = 50_000;
const offsetsByZone = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at `instant`, in minutes (420 for Can Tho). */
export function offsetMinutes(zone: string, instant: number): number {
  let byQuarter = offsetsByZone.get(zone);
  if (!byQuarter) offsetsByZone.set(zone, (byQuarter = new Map()));
  const quarter = Math.floor(instant / QUARTER_MS);
  let offset = byQuarter.get(quarter);
  if (offset === undefined) {
    if (byQuarter.size >= REMEMBERED) byQuarter.clear();
    offset = IANAZone.create(zone).offset(quarter * QUARTER_MS);
    byQuarter.set(quarter, offset);
  }
  return offset;
}

export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Minutes from UTC. */
  offset: number;
}

export function wallClock(instant: number, zone: string): WallClock {
  const offset = offsetMinutes(zone, instant);
  const local = new Date(instant + offset * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), offset };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD`. */
export const isoDateOf = (clock: WallClock) => `${clock.year}-${pad(clock.month)}-${pad(clock.day)}`;
/** `HH:mm`. */
export const hhmmOf = (clock: WallClock) => `${pad(clock.hour)}:${pad(clock.minute)}`;
/** `+07:00`, `-03:30`. */
export const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

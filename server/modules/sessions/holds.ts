/**
 * Which holds of a mentor's calendar still hold time. A booking takes its
 * hold first and writes its session second, so for a moment a hold has no
 * session; a booker that died in that moment leaves a hold that never gets
 * one, and a crash between a cancel and its release leaves a hold on a
 * cancelled session. Such orphans are dropped by the next booking they
 * refuse, and ignored by the slots list meanwhile.
 */
import { HOLDING_STATES } from './session.model.js';
import { sessionsRepository, type Hold } from './sessions.repository.js';

/** A hold with no session after this long lost its booker. */
export const ORPHAN_HOLD_MS = 60_000;

/** Splits holds into those whose session holds time (or may still be written) and orphans. */
export async function sortHolds(holds: readonly Hold[]): Promise<{ live: Hold[]; orphans: Hold[] }> {
  const statuses = await sessionsRepository.statusesOf(holds.map((hold) => hold.sessionId));
  const holding = new Set<string>(HOLDING_STATES);
  const wallClock = Date.now(); // `at` is the wall clock of the booker's process, whatever the app's clock says
  const live: Hold[] = [];
  const orphans: Hold[] = [];
  for (const hold of holds) {
    const status = statuses.get(hold.sessionId.toHexString());
    const isLive = status === undefined ? wallClock - hold.at.getTime() < ORPHAN_HOLD_MS : holding.has(status);
    (isLive ? live : orphans).push(hold);
  }
  return { live, orphans };
}

/** Whether a hold overlaps [start, end) widened by `bufferMs` on each side. */
export const overlaps = (hold: Hold, start: number, end: number, bufferMs: number): boolean =>
  hold.start.getTime() < end + bufferMs && hold.end.getTime() > start - bufferMs;

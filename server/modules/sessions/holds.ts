/**
 * Which holds of a mentor's calendar still hold time. A booking takes its
 * hold first and writes its session second, so for a moment a hold has no
 * session; a booker that died in that moment leaves a hold that never gets
 * one, and a crash between a cancel and its release leaves a hold on a
 * cancelled session. Such orphans are dropped by the next booking they
 * refuse, and ignored by the slots list meanwhile.
 */
import type mongoose from 'mongoose';
import { HOLDING_STATES } from './session.model.js';
import { sessionsRepository, type Hold } from './sessions.repository.js';

/** A hold with no session after this long lost its booker. */
export const ORPHAN_HOLD_MS = 60_000;

export interface SortedHolds {
  /** Holds whose session holds time, or has not been written yet (for under a minute). */
  live: Hold[];
  /** Of those, the ones whose session is not written yet. */
  inFlight: Hold[];
  /** Holds that hold nothing: `missing` when their session never appeared, else it was cancelled or abandoned. */
  orphans: Array<{ hold: Hold; missing: boolean }>;
}

/** Sorts holds by what their sessions say. */
export async function sortHolds(holds: readonly Hold[]): Promise<SortedHolds> {
  const statuses = await sessionsRepository.statusesOf(holds.map((hold) => hold.sessionId));
  const holding = new Set<string>(HOLDING_STATES);
  const wallClock = Date.now(); // `at` is the wall clock of the booker's process, whatever the app's clock says
  const sorted: SortedHolds = { live: [], inFlight: [], orphans: [] };
  for (const hold of holds) {
    const status = statuses.get(hold.sessionId.toHexString());
    if (status === undefined && wallClock - hold.at.getTime() < ORPHAN_HOLD_MS) {
      sorted.live.push(hold);
      sorted.inFlight.push(hold);
    } else if (status !== undefined && holding.has(status)) sorted.live.push(hold);
    else sorted.orphans.push({ hold, missing: status === undefined });
  }
  return sorted;
}

/**
 * Gives back orphan holds. One whose session never appeared is first
 * claimed (an `abandoned` stub under its session's id), so that a booker
 * that wakes after a minute cannot write its session once the time is free.
 */
export async function dropOrphans(mentorId: mongoose.Types.ObjectId, orphans: SortedHolds['orphans']): Promise<void> {
  await Promise.all(
    orphans.map(async ({ hold, missing }) => {
      if (missing && !(await sessionsRepository.claimMissing(hold, mentorId))) return; // it appeared after all: looked at again on the next try
      await sessionsRepository.release(mentorId, hold.sessionId, hold.month);
    }),
  );
}

/** Whether a hold overlaps [start, end) widened by `bufferMs` on each side. */
export const overlaps = (hold: Hold, start: number, end: number, bufferMs: number): boolean =>
  hold.start.getTime() < end + bufferMs && hold.end.getTime() > start - bufferMs;

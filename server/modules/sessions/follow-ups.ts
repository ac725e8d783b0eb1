/**
 * What follows a scheduled session, and when (SPEC §5): the notice of its
 * booking at once, reminders 24 h and 1 h before, the feedback request at
 * its end, the no-show check a day after. A session carries the instants of those still to come in `due`
 * (written when it is scheduled, unset as each is done or stops applying),
 * and one recurring sweep (jobs/session-follow-ups.ts) acts on whatever is
 * due; no job per session. Pure: no I/O.
 */
import { FOLLOW_UPS, type FollowUp } from './session.model.js';

export { FOLLOW_UPS, type FollowUp };

export const REMINDER_KINDS = ['24h', '1h'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How long before the start each reminder goes out. */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = { '24h': 24 * 3_600_000, '1h': 3_600_000 };
/** How long after its end a session nobody marked held becomes a no-show. */
export const NO_SHOW_AFTER_MS = 24 * 3_600_000;

export type FollowUpsDue = Partial<Record<FollowUp, Date>>;

/**
 * The follow-ups of a session scheduled at `now`: a reminder whose time has
 * already passed is left out, and so is the notice of a booking that
 * `announce: false` says is told otherwise (a reschedule tells of the move).
 * The notice rides here rather than on the request so that a crash right
 * after the booking cannot lose it, and the request does not wait for it.
 */
export function followUpsDue(session: { start: Date; end: Date }, now: Date, options: { announce: boolean }): FollowUpsDue {
  const due: FollowUpsDue = options.announce ? { announce: now } : {};
  const start = session.start.getTime();
  if (start - REMINDER_LEAD_MS['24h'] > now.getTime()) due.remind24h = new Date(start - REMINDER_LEAD_MS['24h']);
  if (start - REMINDER_LEAD_MS['1h'] > now.getTime()) due.remind1h = new Date(start - REMINDER_LEAD_MS['1h']);
  due.feedback = session.end;
  due.noShow = new Date(session.end.getTime() + NO_SHOW_AFTER_MS);
  return due;
}

/** An `$unset` of the follow-ups but those in `keep`: what a change of state no longer needs. */
export function dropFollowUps(keep: readonly FollowUp[] = []): Record<string, 1> {
  return Object.fromEntries(FOLLOW_UPS.filter((kind) => !keep.includes(kind)).map((kind) => [`due.${kind}`, 1]));
}

/**
 * What a mentor profile is (SPEC §3): its statuses and how they change,
 * meeting modes, and the limits and defaults of its numbers. Shared by the
 * model, the DTOs, the policy and the use cases, so each rule is written once.
 */

export const MENTOR_STATUSES = ['pending', 'active', 'paused'] as const;
export type MentorStatus = (typeof MENTOR_STATUSES)[number];

export const MENTOR_MODES = ['online', 'offline', 'both'] as const;
export type MentorMode = (typeof MENTOR_MODES)[number];

/** The mode a new profile gets when none is given: promising in-person meetings is the mentor's call. */
export const DEFAULT_MENTOR_MODE: MentorMode = 'online';

/** Inclusive bounds and defaults of a profile's numbers. */
export const PROFILE_NUMBERS = {
  maxActiveMentees: { min: 1, max: 50, default: 3 },
  maxSessionsPerMonth: { min: 1, max: 100, default: 8 },
  sessionMinutes: { min: 15, max: 240, default: 60 },
  bufferMinutes: { min: 0, max: 120, default: 0 },
  minNoticeHours: { min: 0, max: 336, default: 24 },
  /** Days a mentor has to answer a request before it expires and the startup is offered the next match. */
  responseDays: { min: 1, max: 30, default: 5 },
} as const;

/** Longest accepted text of each free-text field. */
export const TEXT_LIMITS = { name: 120, title: 120, organisation: 160, bio: 4000, place: 80 } as const;

/**
 * The status changes a profile may go through, each from exactly one state.
 * Approval is the incubator's; pausing and resuming are the mentor's own.
 */
export const MENTOR_TRANSITIONS = {
  approve: { from: 'pending', to: 'active' },
  pause: { from: 'active', to: 'paused' },
  resume: { from: 'paused', to: 'active' },
} as const satisfies Record<string, { from: MentorStatus; to: MentorStatus }>;

export type MentorTransition = keyof typeof MENTOR_TRANSITIONS;

/**
 * The stored modes that serve someone asking for `wanted`: a mentor who
 * meets both ways serves online and offline requests alike.
 */
export function modesServing(wanted: MentorMode): MentorMode[] {
  return wanted === 'both' ? ['both'] : [wanted, 'both'];
}

/**
 * Every domain event, by name (`<domain>.<pastTense>`), with its payload.
 * Use cases emit these after they commit; listeners fan them out to
 * socket.io rooms and to Agenda. Add new events here first.
 */
import type { Role } from '../auth/auth-user.js';

interface EventBase {
  /** When it happened (ISO-8601, UTC). */
  occurredAt: string;
}

interface RequestEventBase {
  requestId: string;
  startupId: string;
  mentorId: string;
  mentorUserId: string;
  cohortIds: string[];
}

interface MentorshipEventBase {
  mentorshipId: string;
  startupId: string;
  mentorId: string;
  mentorUserId: string;
  cohortIds: string[];
}

interface SessionEventBase {
  sessionId: string;
  startupId: string;
  mentorId: string;
  mentorUserId: string;
  cohortIds: string[];
  start: string;
}

export interface DomainEvents {
  'user.registered': EventBase & { userId: string; role: Role };
  /** An admin changed the user's role or status (`changed` names which). */
  /** An admin (`by`; null for the start-up's ADMIN_EMAIL restore) changed a user's role or status; `status` is the new one. */
  'user.updated': EventBase & { userId: string; changed: string[]; status: 'active' | 'deactivated'; by: string | null };
  'startup.created': EventBase & { startupId: string };
  'startup.updated': EventBase & { startupId: string; changed: string[] };
  /** A mentor created their profile (pending until approved; staff see it among the excluded). */
  'mentor.created': EventBase & { mentorId: string; userId: string };
  'mentor.approved': EventBase & { mentorId: string; userId: string };
  /** The mentor (or an admin) changed profile fields; `changed` names them (the candidate index refreshes). */
  'mentor.updated': EventBase & { mentorId: string; changed: string[] };
  'mentor.statusChanged': EventBase & { mentorId: string; status: string };
  'cohort.created': EventBase & { cohortId: string };
  'cohort.admitted': EventBase & { cohortId: string; startupId: string };
  'cohort.progressed': EventBase & { cohortId: string; startupId: string; status: string };
  'milestone.updated': EventBase & { milestoneId: string; cohortId: string; startupId: string; changed: string[]; state: string };
  /** A startup (or a manager on its behalf) asked a mentor; `cohortIds`: the startup's active cohorts. */
  'request.created': EventBase & RequestEventBase;
  'request.accepted': EventBase & RequestEventBase & { mentorshipId: string };
  'request.declined': EventBase & RequestEventBase & { reason: string };
  'request.withdrawn': EventBase & RequestEventBase;
  /** The mentor did not answer in time; `nextMentorId` is the best match offered instead (null when none). */
  'request.expired': EventBase & RequestEventBase & { nextMentorId: string | null };
  'mentorship.started': EventBase & MentorshipEventBase & { requestId: string | null };
  'mentorship.ended': EventBase & MentorshipEventBase;
  /** A manager applied an assignment proposal: how many requests or mentorships it created, how many pairs failed. */
  'assignment.applied': EventBase & { cohortId: string; proposalId: string; created: number; failed: number; as: 'requests' | 'mentorships' };
  /** A session was booked (`by`: who booked it); `start` is its UTC start. */
  'session.booked': EventBase & SessionEventBase & { by: string };
  'session.cancelled': EventBase & SessionEventBase & { by: string; reason: string };
  /** The session `previousSessionId` moved to a new one, `sessionId`. */
  'session.rescheduled': EventBase & SessionEventBase & { previousSessionId: string; previousStart: string; by: string };
  'session.completed': EventBase & SessionEventBase & { by: string };
  /** One side (`startup` or `mentor`) rated a completed session. */
  'session.feedbackGiven': EventBase & SessionEventBase & { side: 'startup' | 'mentor'; rating: number; by: string };
  /** The mentor (or an admin, `by`) set the startup an action item on the session. */
  'session.actionItemAdded': EventBase & SessionEventBase & { actionItemId: string; title: string; dueOn: string | null; by: string };
  /** `by`: who reported it; null when the no-show check found it never marked held. */
  'session.no_show': EventBase & SessionEventBase & { by: string | null };
  /** A notification was stored for `userId` (once per person and occurrence). */
  'notification.created': EventBase & { notificationId: string; userId: string; kind: string; title: { vi: string; en: string }; body: { vi: string; en: string }; data: Record<string, string> };
  /** A startup is `daysBefore` (90, 30, 7) days from the end of its eligibility. */
  'eligibility.warned': EventBase & { startupId: string; eligibleUntil: string; daysBefore: number; cohortIds: string[] };
  /** The day after eligibleUntil: the startup left its active cohorts as `aged_out`. */
  'eligibility.expired': EventBase & { startupId: string; eligibleUntil: string; cohortIds: string[] };
}

export type DomainEventName = keyof DomainEvents;

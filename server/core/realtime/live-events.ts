/**
 * The live events a socket receives, by name, with their payloads: the one
 * map the server emits from and the client code types its handlers with
 * (types only, no runtime imports, so a browser bundle may import it).
 *
 * Every room event arrives wrapped in `Live<…>`: the room it was sent to,
 * that room's sequence number (1, 2, 3, … with no gap, across restarts and
 * processes), a unique id and `occurredAt` from the app's clock. A socket
 * in two rooms (a startup's and its cohort's) receives an event once per
 * room, each with that room's number. A client that sees a gap, or
 * reconnects, refetches the room's snapshot (the cohort board carries
 * `seq`) and applies only events numbered after it.
 */

/** The rooms a socket may ask for; `user:<id>` is joined on connection. */
export type RoomKind = 'startup' | 'cohort' | 'mentor';

export interface Bilingual {
  vi: string;
  en: string;
}

interface RequestFields {
  requestId: string;
  startupId: string;
  mentorId: string;
}

interface MentorshipFields {
  mentorshipId: string;
  startupId: string;
  mentorId: string;
}

interface SessionFields {
  sessionId: string;
  startupId: string;
  mentorId: string;
  /** The session's start, UTC ISO-8601. */
  start: string;
}

export type AdmissionStatus = 'active' | 'graduated' | 'withdrawn' | 'aged_out';

/** Event name → what it carries besides the envelope. */
export interface LiveEvents {
  'milestone.updated': { milestoneId: string; cohortId: string; startupId: string; changed: Array<'state' | 'note'>; state: string };
  /** The startup's progress in the cohort (percent done, as on the board), recomputed after one of its milestones changed. */
  'cohort.progressed': { cohortId: string; startupId: string; progress: number; counts: { planned: number; in_progress: number; done: number; blocked: number; waived: number; total: number } };
  /** A startup was admitted (`active`) or its admission ended. */
  'admission.changed': { cohortId: string; startupId: string; status: AdmissionStatus };
  'request.created': RequestFields;
  'request.accepted': RequestFields & { mentorshipId: string };
  'request.declined': RequestFields & { reason: string };
  'request.withdrawn': RequestFields;
  /** Unanswered in time (the team's notification names the next best match). */
  'request.expired': RequestFields;
  'mentorship.started': MentorshipFields & { requestId: string | null };
  'mentorship.ended': MentorshipFields;
  'session.booked': SessionFields;
  'session.cancelled': SessionFields & { reason: string };
  /** `sessionId` is the new session; `previousSessionId` the one it replaced. */
  'session.rescheduled': SessionFields & { previousSessionId: string; previousStart: string };
  'session.completed': SessionFields;
  /** The startup is `daysBefore` (90, 30, 7) days from the end of its eligibility (`eligibleUntil`, a date in Vietnam). */
  'eligibility.warned': { startupId: string; eligibleUntil: string; daysBefore: number };
  /** The startup aged out: it left its active cohorts. */
  'eligibility.expired': { startupId: string; eligibleUntil: string };
  /** A notification for the user of the room `user:<id>`. */
  'notification.created': { notificationId: string; kind: string; title: Bilingual; body: Bilingual; data: Record<string, string> };
}

export type LiveEventName = keyof LiveEvents;

/** The envelope every room event comes in. */
export type Live<N extends LiveEventName> = LiveEvents[N] & {
  /** Unique per event (the same in each room it was sent to). */
  id: string;
  room: string;
  /** This room's sequence number: the previous event in the room had seq − 1. */
  seq: number;
  /** When it happened, from the app's clock (UTC ISO-8601). */
  occurredAt: string;
};

/** Why a join was refused or a room taken away. */
export type RoomRefusal = 'invalid_room' | 'room_forbidden' | 'too_many_rooms';

export type JoinAck = { ok: true; room: string; seq: number } | { ok: false; room: string; code: RoomRefusal; detail: string };

/** What the server sends: the room events, plus the connection's own. */
export type ServerToClientEvents = { [N in LiveEventName]: (event: Live<N>) => void } & {
  /** Once connected: the user and the rooms joined (their own `user:<id>`). */
  'session.ready': (ready: { userId: string; rooms: string[] }) => void;
  /** The user may no longer see `room` (membership, role or mentorship changed); the socket has left it. */
  'room.left': (left: { room: string; code: 'room_forbidden' }) => void;
  /** The token expired or the user was deactivated; the server disconnects right after. Reconnect with a fresh token. */
  'auth.expired': (expired: { code: 'token_expired' | 'user_inactive'; detail: string }) => void;
  /** The server is stopping (a deploy, a restart); it disconnects right after. Reconnect with backoff and resync your rooms. */
  'server.shutdown': (shutdown: { code: 'shutting_down'; detail: string }) => void;
};

/** What a client may send; every call answers through its acknowledgement. */
export interface ClientToServerEvents {
  /** Joins `startup:<id>`, `cohort:<id>` or `mentor:<id>` if the REST policies let the user see it. */
  'room.join': (room: string, ack: (answer: JoinAck) => void) => void;
  'room.leave': (room: string, ack: (answer: { ok: true; room: string }) => void) => void;
}

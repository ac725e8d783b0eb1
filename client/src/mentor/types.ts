/** The API's shapes this role's screens read (see .cache/openapi.json). */

export type MentorStatus = 'pending' | 'active' | 'paused';
export type Mode = 'online' | 'offline' | 'both';

export interface WeeklyRule {
  weekday: number;
  start: string;
  end: string;
}

export interface Mentor {
  id: string;
  userId: string;
  name: string;
  title: string;
  organisation: string;
  bio: string;
  sectors: string[];
  stages: string[];
  expertise: string[];
  languages: string[];
  timezone: string;
  mode: Mode;
  location: { district: string | null; city: string | null };
  capacity: { maxActiveMentees: number; maxSessionsPerMonth: number };
  availability: { weekly: WeeklyRule[]; blockedDates: string[] };
  sessionMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  responseDays: number;
  status: MentorStatus;
  stats: { activeMentees: number; sessionsHeld: number; hoursHeld: number; rating: number | null; ratingCount: number; medianResponseHours: number | null };
}

export interface LocalTime {
  date: string;
  time: string;
  offset: string;
}

export interface Slot {
  start: string;
  end: string;
  mentorLocal: LocalTime;
  vietnamLocal: LocalTime;
}

export interface SlotList {
  timezone: string;
  sessionMinutes: number;
  from: string;
  to: string;
  items: Slot[];
}

export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired';

export interface MentorRequest {
  id: string;
  startupId: string;
  mentorId: string;
  message: string;
  topics: string[];
  status: RequestStatus;
  requestedAt: string;
  expiresAt: string;
  respondedAt: string | null;
  declineReason: string | null;
  mentorshipId: string | null;
}

export interface Feedback {
  rating: number;
  comment: string | null;
  at: string;
}

export interface ActionItem {
  id: string;
  title: string;
  dueOn: string | null;
  milestoneId: string | null;
  moveTo: 'in_progress' | 'done' | null;
  done: boolean;
  milestoneMove: { outcome: 'moved' | 'already_there' | 'refused'; reason: string | null; milestoneState: string | null } | null;
}

export type SessionStatus = 'scheduled' | 'completed' | 'cancelled' | 'no_show';

export interface Session {
  id: string;
  startupId: string;
  mentorId: string;
  status: SessionStatus;
  start: string;
  end: string;
  minutes: number;
  mode: 'online' | 'in_person';
  link: string | null;
  place: string | null;
  topic: string;
  agenda: string | null;
  cancelReason: string | null;
  feedback: { startup: Feedback | null; mentor: Feedback | null };
  mentorNote: { text: string; updatedAt: string } | null;
  actionItems: ActionItem[];
}

export interface Milestone {
  id: string;
  title: string;
  state: string;
  dueOn: string;
}

/** A page of a list endpoint (the shell's type). */
export type { Page as ListPage } from '../app/api.ts';

export type Labels = Record<string, { vi: string; en: string }>;

export interface Taxonomies {
  sectors: Labels;
  topics: Labels;
  stages: Labels;
}

/** The API's shapes the founder screens read (see the OpenAPI document for the full ones). */
import type { Bilingual } from '../app/i18n.tsx';

export type StartupKind = 'individual' | 'group' | 'company';

export interface Startup {
  id: string;
  name: string;
  description: string;
  kind: StartupKind;
  enterpriseCode: string | null;
  firstRegisteredOn: string | null;
  eligibleUntil: string | null;
  eligible: boolean;
  growthBasis: string[];
  sectors: string[];
  stage: string;
  needs: string[];
  languages: string[];
  district: string | null;
  website: string | null;
  members: Array<{ userId: string; role: 'owner' | 'member'; addedAt: string }>;
}

export interface Eligibility {
  eligible: boolean;
  /** Last eligible day (YYYY-MM-DD), null for individuals and groups. */
  eligibleUntil: string | null;
  /** 0 on the last day, negative after. */
  daysLeft: number | null;
  reason: 'not_registered_yet' | 'within_five_years' | 'over_five_years';
  message: Bilingual;
}

export type Labels = Record<string, Bilingual>;

export interface Taxonomies {
  sectors: Labels;
  topics: Labels;
  stages: Labels;
  growthBases: Labels;
}

export type Criterion = 'sectorFit' | 'stageFit' | 'topicOverlap' | 'availabilitySoon' | 'loadBalance' | 'rating' | 'responsiveness';

export interface Match {
  rank: number;
  mentorId: string;
  name: string;
  /** 0–100, the sum of the contributions' points. */
  score: number;
  contributions: Array<{ criterion: Criterion; weight: number; value: number; points: number }>;
  reason: Bilingual;
}

export interface Matches {
  topics: string[];
  mode: 'online' | 'offline' | 'any';
  considered: number;
  items: Match[];
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
  declineReason: string | null;
}

export interface Mentorship {
  id: string;
  startupId: string;
  mentorId: string;
  status: 'active' | 'ended';
  startedAt: string;
}

export interface Mentor {
  id: string;
  name: string;
  title: string;
  organisation: string;
  timezone: string;
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

export interface Slots {
  mentorId: string;
  timezone: string;
  sessionMinutes: number;
  from: string;
  to: string;
  items: Slot[];
}

export type SessionStatus = 'scheduled' | 'completed' | 'cancelled' | 'no_show';

export interface Feedback {
  rating: number;
  comment: string | null;
}

export interface Session {
  id: string;
  startupId: string;
  mentorId: string;
  status: SessionStatus;
  start: string;
  end: string;
  minutes: number;
  vietnamLocal: LocalTime;
  mode: 'online' | 'in_person';
  link: string | null;
  place: string | null;
  topic: string;
  agenda: string | null;
  cancelReason: string | null;
  /** The session that replaced this one when it was moved. */
  replacedBy: string | null;
  feedback: { startup: Feedback | null; mentor: Feedback | null };
}

export type MilestoneState = 'planned' | 'in_progress' | 'done' | 'blocked' | 'waived';

export interface Milestone {
  id: string;
  cohortId: string;
  title: string;
  description: string;
  dueOn: string;
  state: MilestoneState;
  overdue: boolean;
  note: string;
  order: number;
}

export interface Cohort {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** A page of a list endpoint (the shell's type). */
export type { Page as ListPage } from '../app/api.ts';

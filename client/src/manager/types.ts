/** The API shapes the manager screens read (see .cache/openapi.json). */
import type { Bilingual } from '../app/i18n.tsx';

export type AdmissionStatus = 'active' | 'withdrawn' | 'graduated' | 'aged_out';
export type MilestoneState = 'planned' | 'in_progress' | 'done' | 'blocked' | 'waived';
export type StateCounts = Record<MilestoneState, number> & { total: number };

export interface CohortSummary {
  id: string;
  name: string;
  programme: string;
  year: number;
  /** Calendar dates, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
}

export interface Cohort extends CohortSummary {
  managerIds: string[];
  milestoneTemplate: Array<{ key: string; title: string; description: string; dueWeeks: number }>;
  createdAt: string;
}

export interface BoardRow {
  admissionId: string;
  startup: { id: string; name: string };
  status: AdmissionStatus;
  progress: number;
  counts: StateCounts;
  overdue: Array<{ id: string; title: string; dueOn: string; daysOverdue: number }>;
  nextDueOn: string | null;
}

export interface Board {
  cohort: CohortSummary;
  today: string;
  totals: {
    admissions: Record<AdmissionStatus, number> & { total: number };
    milestones: StateCounts;
    overdue: number;
    progress: number | null;
  };
  admissions: BoardRow[];
  seq: number;
}

export interface Startup {
  id: string;
  name: string;
  kind: 'individual' | 'group' | 'company';
  firstRegisteredOn: string | null;
  eligibleUntil: string | null;
  eligible: boolean;
  stage: string;
  district: string | null;
}

export interface Eligibility {
  eligible: boolean;
  eligibleUntil: string | null;
  daysLeft: number | null;
  reason: 'not_registered_yet' | 'within_five_years' | 'over_five_years';
  message: Bilingual;
}

export interface Milestone {
  id: string;
  startupId: string;
  title: string;
  dueOn: string;
  state: MilestoneState;
  history: Array<{ from: MilestoneState; to: MilestoneState; at: string }>;
}

export interface Mentorship {
  id: string;
  startupId: string;
  mentorId: string;
  status: 'active' | 'ended';
}

export interface Session {
  id: string;
  startupId: string;
  mentorId: string;
  status: 'scheduled' | 'completed' | 'cancelled' | 'no_show';
  start: string;
  topic: string;
}

export interface Mentor {
  id: string;
  name: string;
  title: string;
  organisation: string;
  sectors: string[];
  expertise: string[];
  status: 'pending' | 'active' | 'paused';
  capacity: { maxActiveMentees: number; maxSessionsPerMonth: number };
  stats: { activeMentees: number };
  createdAt: string;
}

export interface ProposalPair {
  startupId: string;
  startupName: string;
  mentorId: string;
  mentorName: string;
  score: number;
  reason: Bilingual;
}

export interface Proposal {
  id: string;
  cohortId: string;
  status: 'draft' | 'applied';
  mentorsPerStartup: number;
  pairs: ProposalPair[];
  total: number;
  optimalTotal: number;
  greedyTotal: number;
  unserved: Array<{ startupId: string; startupName: string; missing: number; eligibleMentors: number; why: 'too_few_eligible' | 'capacity_used_elsewhere' }>;
  edited: boolean;
  createdAt: string;
  appliedAt: string | null;
  appliedAs: 'requests' | 'mentorships' | null;
  results: Array<{ startupId: string; mentorId: string; outcome: 'created' | 'failed'; code: string | null }>;
}

export interface Match {
  mentorId: string;
  name: string;
  score: number;
  reason: Bilingual;
}

/** A page of a list endpoint (the shell's type). */
export type { Page as ListPage } from '../app/api.ts';

/**
 * The KPI report as data: every figure with the records behind it. Pure:
 * usecases/get-kpi-report.ts reads the ledger and hands it here.
 *
 * - ideas_supported: distinct startups that, within the period, were
 *   admitted to a cohort, held a completed mentoring session, or attended
 *   an activity — each counted once, whichever and however many. A support
 *   record counts only on a day the startup was eligible (the 5-year rule,
 *   startups/eligibility.ts, on the record's Can Tho date): a company that
 *   aged out mid-period counts when it was supported up to its last
 *   eligible day; one supported only after it is listed under `excluded`.
 * - st_enterprises: S&T enterprise certificates issued within the period.
 * - activity KPIs: activities of the kind that started within the period
 *   and by today.
 * - mentor network: mentors who held a completed session in the period;
 *   sessions completed that started in it; their hours; the median hours
 *   from request to answer of requests accepted or declined in it.
 */
import type mongoose from 'mongoose';
import type { ActivityInPeriod } from '../ledger/activities.repository.js';
import type { CertificationRecord } from '../ledger/certifications.repository.js';
import { computeEligibility } from '../startups/eligibility.js';
import type { StartupBrief } from '../startups/startups.repository.js';
import { KPI_DEFINITIONS, MENTOR_FIGURE_LABELS, type KpiStatus, type MentorFigureCode } from './kpi-definitions.js';
import { elapsedShare, expectedByNow, periodTarget, statusOf, vietnamDateOf, type Period } from './period.js';
import type { KpiCode } from '../ledger/plan-targets.js';

export type EvidenceKind = 'admission' | 'session' | 'activity';
export type RecordKind = 'startup' | 'activity' | 'certification' | 'session' | 'mentor' | 'request';

export interface Evidence {
  kind: EvidenceKind;
  id: string;
  date: string;
}

/** One record behind a figure. */
export interface KpiRecord {
  kind: RecordKind;
  id: string;
  name: string;
  date: string;
  startupId: string | null;
  /** A session's hours, a request's response hours, a mentor's sessions; null otherwise. */
  value: number | null;
  /** For a startup: the support records that count it (or, when excluded, those that did not). */
  evidence: Evidence[];
}

export interface Kpi {
  code: KpiCode;
  label: { vi: string; en: string };
  actual: number;
  target: number | null;
  expectedByNow: number | null;
  status: KpiStatus;
  records: KpiRecord[];
  /** Records considered and left out, with why (`aged_out`). */
  excluded: Array<KpiRecord & { reason: string }>;
}

export interface MentorFigure {
  code: MentorFigureCode;
  label: { vi: string; en: string };
  value: number | null;
  records: KpiRecord[];
}

export interface KpiReport {
  period: Period & { today: string; elapsedShare: number; complete: boolean };
  generatedAt: Date;
  kpis: Kpi[];
  mentorNetwork: MentorFigure[];
}

type Id = mongoose.Types.ObjectId;

export interface LedgerReading {
  period: Period;
  today: string;
  now: Date;
  targetOf(kpi: KpiCode, year: number): number | undefined;
  activities: ActivityInPeriod[];
  stCertificates: CertificationRecord[];
  admissions: Array<{ _id: Id; startupId: Id; admittedAt: Date }>;
  sessions: Array<{ _id: Id; startupId: Id; mentorId: Id; start: Date; end: Date }>;
  answered: Array<{ _id: Id; startupId: Id; respondedAt?: Date | null; responseHours?: number | null }>;
  startups: Map<string, StartupBrief>;
  mentorNames: Map<string, string>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const byDateThenId = (a: { date: string; id: string }, b: { date: string; id: string }) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Startup ids every support record names (to read their names and eligibility). */
export function supportedStartupIds(reading: Pick<LedgerReading, 'activities' | 'admissions' | 'sessions' | 'stCertificates' | 'answered'>): Id[] {
  const ids = new Map<string, Id>();
  const add = (id: Id | undefined) => id && ids.set(id.toHexString(), id);
  for (const a of reading.admissions) add(a.startupId);
  for (const s of reading.sessions) add(s.startupId);
  for (const c of reading.stCertificates) add(c.startupId);
  for (const r of reading.answered) add(r.startupId);
  for (const activity of reading.activities) for (const attendee of activity.attendance) add(attendee.startupId);
  return [...ids.values()];
}

function ideasSupported(reading: LedgerReading): { records: KpiRecord[]; excluded: Array<KpiRecord & { reason: string }> } {
  const evidence = new Map<string, Map<string, Evidence>>();
  const add = (startupId: Id, item: Evidence) => {
    const key = startupId.toHexString();
    const own = evidence.get(key) ?? new Map<string, Evidence>();
    own.set(`${item.kind}:${item.id}`, item);
    evidence.set(key, own);
  };
  for (const a of reading.admissions) add(a.startupId, { kind: 'admission', id: a._id.toHexString(), date: vietnamDateOf(a.admittedAt) });
  for (const s of reading.sessions) add(s.startupId, { kind: 'session', id: s._id.toHexString(), date: vietnamDateOf(s.start) });
  for (const activity of reading.activities) {
    for (const attendee of activity.attendance) {
      if (attendee.startupId) add(attendee.startupId, { kind: 'activity', id: activity._id.toHexString(), date: activity.startsOn });
    }
  }
  const records: KpiRecord[] = [];
  const excluded: Array<KpiRecord & { reason: string }> = [];
  for (const [startupId, items] of evidence) {
    const startup = reading.startups.get(startupId);
    if (!startup) continue; // no such startup any more: nothing to show for it
    const all = [...items.values()].sort(byDateThenId);
    // The one eligibility function gives the last eligible day (null: not registered, always eligible); each record is judged against it.
    const lastDay = computeEligibility(startup, all[0]!.date).eligibleUntil;
    const eligible = lastDay === null ? all : all.filter((item) => item.date <= lastDay);
    const base = { kind: 'startup' as const, id: startupId, name: startup.name, startupId, value: null };
    if (eligible.length > 0) records.push({ ...base, date: eligible[0]!.date, evidence: eligible });
    else excluded.push({ ...base, date: all[0]!.date, evidence: all, reason: 'aged_out' });
  }
  return { records: records.sort(byDateThenId), excluded: excluded.sort(byDateThenId) };
}

function mentorNetwork(reading: LedgerReading): MentorFigure[] {
  const label = (code: MentorFigureCode) => MENTOR_FIGURE_LABELS[code];
  const startupName = (id: Id) => reading.startups.get(id.toHexString())?.name ?? '';
  const sessionRecords: KpiRecord[] = reading.sessions
    .map((s) => ({
      kind: 'session' as const,
      id: s._id.toHexString(),
      name: startupName(s.startupId),
      date: vietnamDateOf(s.start),
      startupId: s.startupId.toHexString(),
      value: round2((s.end.getTime() - s.start.getTime()) / 3_600_000),
      evidence: [],
    }))
    .sort(byDateThenId);
  const mentors = new Map<string, KpiRecord>();
  for (const s of reading.sessions.slice().sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const id = s.mentorId.toHexString();
    const known = mentors.get(id);
    if (known) known.value! += 1;
    else mentors.set(id, { kind: 'mentor', id, name: reading.mentorNames.get(id) ?? '', date: vietnamDateOf(s.start), startupId: null, value: 1, evidence: [] });
  }
  const answered = reading.answered.filter((r) => typeof r.responseHours === 'number' && r.respondedAt);
  const requestRecords: KpiRecord[] = answered
    .map((r) => ({ kind: 'request' as const, id: r._id.toHexString(), name: startupName(r.startupId), date: vietnamDateOf(r.respondedAt!), startupId: r.startupId.toHexString(), value: r.responseHours!, evidence: [] }))
    .sort(byDateThenId);
  // Summed exactly, rounded once (three 40-minute sessions are 2 hours, not 2.01).
  const hours = round2(reading.sessions.reduce((sum, s) => sum + (s.end.getTime() - s.start.getTime()), 0) / 3_600_000);
  const medianHours = median(answered.map((r) => r.responseHours!));
  return [
    { code: 'active_mentors', label: label('active_mentors'), value: mentors.size, records: [...mentors.values()].sort(byDateThenId) },
    { code: 'sessions_held', label: label('sessions_held'), value: sessionRecords.length, records: sessionRecords },
    // The sessions held's records carry each session's hours as `value`.
    { code: 'hours', label: label('hours'), value: hours, records: [] },
    { code: 'median_response_hours', label: label('median_response_hours'), value: medianHours === null ? null : round2(medianHours), records: requestRecords },
  ];
}

export function buildKpiReport(reading: LedgerReading): KpiReport {
  const { period, today } = reading;
  const elapsed = elapsedShare(period, today);
  const ideas = ideasSupported(reading);
  const kpis: Kpi[] = KPI_DEFINITIONS.map((definition) => {
    let records: KpiRecord[];
    let excluded: Kpi['excluded'] = [];
    if (definition.code === 'ideas_supported') {
      records = ideas.records;
      excluded = ideas.excluded;
    } else if (definition.code === 'st_enterprises') {
      records = reading.stCertificates
        .map((c) => ({
          kind: 'certification' as const,
          id: c._id.toHexString(),
          name: reading.startups.get(c.startupId.toHexString())?.name ?? '',
          date: c.issuedOn,
          startupId: c.startupId.toHexString(),
          value: null,
          evidence: [],
        }))
        .sort(byDateThenId);
    } else {
      records = reading.activities
        .filter((a) => a.kind === definition.activityKind)
        .map((a) => ({ kind: 'activity' as const, id: a._id.toHexString(), name: a.title, date: a.startsOn, startupId: null, value: a.attendance.length, evidence: [] }))
        .sort(byDateThenId);
    }
    const target = periodTarget(period, (year) => reading.targetOf(definition.code, year));
    return {
      code: definition.code,
      label: definition.label,
      actual: records.length,
      target,
      expectedByNow: expectedByNow(target, elapsed),
      status: statusOf(records.length, target, elapsed),
      records,
      excluded,
    };
  });
  return {
    period: { ...period, today, elapsedShare: round2(elapsed * 10_000) / 10_000, complete: elapsed >= 1 },
    generatedAt: reading.now,
    kpis,
    mentorNetwork: mentorNetwork(reading),
  };
}

/**
 * `npm run bench -- reports`: the yearly KPI report over a programme of
 * 5,000 startups (BENCH_STARTUPS) with five years of history — activities
 * with attendance, cohorts and admissions, completed sessions, answered
 * requests, S&T certificates — on the embedded database, over HTTP. Target
 * (issue 12): the yearly report within 2 s.
 */
import mongoose from 'mongoose';
import { signAccessToken } from '../server/core/auth/tokens.js';
import type { Runway } from '../server/runway.js';
import { admissionsRepository } from '../server/modules/cohorts/admissions.repository.js';
import { activitiesRepository } from '../server/modules/ledger/activities.repository.js';
import { ACTIVITY_KINDS } from '../server/modules/ledger/activity-kinds.js';
import { certificationsRepository } from '../server/modules/ledger/certifications.repository.js';
import { mentorsRepository } from '../server/modules/mentors/mentors.repository.js';
import { requestsRepository } from '../server/modules/requests/requests.repository.js';
import { sessionsRepository } from '../server/modules/sessions/sessions.repository.js';
import { startupsRepository } from '../server/modules/startups/startups.repository.js';
import { usersRepository } from '../server/modules/users/users.repository.js';
import { sendRequest } from '../test/helpers/runway.js';
import { seeded } from '../fixtures/demo-data.js';
import { loadSyntheticData } from '../fixtures/synthetic.js';

const YEARS = [2021, 2022, 2023, 2024, 2025];
const TARGET_MS = 2000;

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/** Five years of ledger over every startup: what a city programme 100 times Can Tho's would hold. */
async function loadHistory(log: (line: string) => void): Promise<Record<string, number>> {
  const rand = seeded(2025);
  const startups: Array<{ _id: mongoose.Types.ObjectId; ownerId: mongoose.Types.ObjectId }> = [];
  for (let cursor: string | undefined; ; ) {
    const page = await startupsRepository.list({}, { limit: 100, cursor });
    startups.push(...page.items.map((s) => ({ _id: s._id, ownerId: s.members[0]!.userId as mongoose.Types.ObjectId })));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const mentors: Array<{ id: mongoose.Types.ObjectId; userId: mongoose.Types.ObjectId }> = [];
  for (let cursor: string | undefined; mentors.length < 1000; ) {
    const page = await mentorsRepository.list({}, { limit: 100, cursor });
    mentors.push(...page.items.map((m) => ({ id: m._id, userId: (m as unknown as { userId: mongoose.Types.ObjectId }).userId })));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const staff = new mongoose.Types.ObjectId();
  const counts = { activities: 0, attendees: 0, admissions: 0, sessions: 0, requests: 0, certificates: 0 };
  for (const year of YEARS) {
    const activities = Array.from({ length: 30 }, (_, n) => {
      const startsOn = dayOf(year, rand.int(0, 360));
      const attendance = rand.some(startups, 100, 300).map((s) => ({ name: `Đại diện ${s._id.toHexString().slice(-6)}`, startupId: s._id }));
      counts.attendees += attendance.length;
      return { title: `Hoạt động ${year}-${n}`, kind: ACTIVITY_KINDS[n % ACTIVITY_KINDS.length]!, startsOn, endsOn: startsOn, organisers: ['Sở KH&CN'], place: 'Ninh Kiều', description: '', attendance, searchText: `hoat dong ${year}`, createdBy: staff };
    });
    counts.activities += await activitiesRepository.insertMany(activities);
    const cohortIds = Array.from({ length: 10 }, () => new mongoose.Types.ObjectId());
    const admitted = rand.some(startups, 1000, 1000);
    await inBatches(
      admitted.map((s, n) => {
        const admittedAt = new Date(`${year}-03-${pad(1 + (n % 28))}T03:00:00Z`);
        return { cohortId: cohortIds[n % 10]!, startupId: s._id, admittedAt, admittedBy: staff, status: 'graduated' as const, history: [{ status: 'active' as const, at: admittedAt, by: staff }] };
      }),
      async (batch) => (counts.admissions += await admissionsRepository.insertHistory(batch)),
    );
    const sessions = startups.flatMap((s) =>
      [0, 1].map(() => {
        const mentor = rand.pick(mentors);
        const start = new Date(`${dayOf(year, rand.int(0, 363))}T0${rand.int(1, 9)}:00:00Z`);
        return { _id: new mongoose.Types.ObjectId(), mentorId: mentor.id, mentorUserId: mentor.userId, startupId: s._id, mentorshipId: new mongoose.Types.ObjectId(), bookedBy: s.ownerId, start, end: new Date(start.getTime() + 3_600_000), month: start.toISOString().slice(0, 7), mode: 'online' as const, link: 'https://meet.example.vn/x', topic: 'Gọi vốn', status: 'completed' as const };
      }),
    );
    await inBatches(sessions, async (batch) => (counts.sessions += await sessionsRepository.insertHistory(batch)));
    const requests = startups.map((s) => {
      const mentor = rand.pick(mentors);
      const requestedAt = new Date(`${dayOf(year, rand.int(0, 350))}T02:00:00Z`);
      const responseHours = rand.int(1, 120);
      const respondedAt = new Date(requestedAt.getTime() + responseHours * 3_600_000);
      return { startupId: s._id, mentorId: mentor.id, mentorUserId: mentor.userId, requestedBy: s.ownerId, message: 'Xin hướng dẫn.', topics: [], requestedAt, expiresAt: new Date(requestedAt.getTime() + 7 * 86_400_000), status: 'accepted' as const, respondedAt, responseHours, history: [] };
    });
    await inBatches(requests, async (batch) => (counts.requests += await requestsRepository.insertHistory(batch)));
    counts.certificates += await certificationsRepository.insertMany(
      startups.slice((year - 2021) * 40, (year - 2020) * 40).map((s) => ({ startupId: s._id, kind: 'st_enterprise' as const, title: 'Giấy chứng nhận doanh nghiệp KH&CN', number: '1/DNKHCN', issuer: 'Sở KH&CN', issuedOn: dayOf(year, rand.int(0, 360)), recordedBy: staff })),
    );
    log(`  ${year}: history loaded`);
  }
  return counts;
}

export async function runReportsBench(runway: Runway): Promise<Record<string, unknown>> {
  const size = { mentors: Number(process.env.BENCH_MENTORS ?? 1000), startups: Number(process.env.BENCH_STARTUPS ?? 5000) };
  console.log(`loading ${size.startups} startups, ${size.mentors} mentors and five years of history…`);
  const loadStarted = performance.now();
  await loadSyntheticData({ today: new Date().toISOString().slice(0, 10), ...size });
  const history = await loadHistory((line) => console.log(line));
  const loadMs = Math.round(performance.now() - loadStarted);
  console.log(`loaded in ${loadMs} ms`, history);

  const manager = await usersRepository.create({ email: 'bench-manager@example.vn', passwordHash: 'x', name: 'Bench', role: 'manager' });
  const token = signAccessToken(runway.context.tokens, { sub: manager!._id.toHexString(), role: 'manager' });
  const time = async (path: string) => {
    const t = performance.now();
    const response = await sendRequest(runway.url, 'GET', path, { token });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text.slice(0, 200)}`);
    return { ms: Math.round(performance.now() - t), bytes: response.text.length, body: response.body as { kpis?: Array<{ code: string; actual: number }> } };
  };
  // Where a yearly report's time goes: each read alone, in this process.
  const { start, end } = { start: new Date('2023-12-31T17:00:00Z'), end: new Date('2024-12-31T17:00:00Z') };
  const reads: Record<string, number> = {};
  const timeRead = async <T>(label: string, read: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await read();
    reads[label] = Math.round(performance.now() - t);
    return result;
  };
  await timeRead('activities', () => activitiesRepository.startingBetween('2024-01-01', '2024-12-31'));
  await timeRead('admissions', () => admissionsRepository.admittedBetween(start, end));
  const yearSessions = await timeRead('sessions', () => sessionsRepository.completedBetween(start, end));
  await timeRead('requests', () => requestsRepository.answeredBetween(start, end));
  await timeRead('startupBriefs', () => startupsRepository.briefsByIds([...new Map(yearSessions.map((x) => [x.startupId.toHexString(), x.startupId])).values()]));
  console.log('reads alone (ms)', reads);
  const scenarios: Record<string, unknown> = { reads };
  for (const [label, path] of [
    ['yearly', '/api/v1/reports/kpis?year=2024'],
    ['finalReview', '/api/v1/reports/kpis?from=2021-01-01&to=2025-12-31'],
    ['csv', '/api/v1/reports/kpis/csv?year=2024'],
  ] as const) {
    const runs: number[] = [];
    let first: Awaited<ReturnType<typeof time>> | undefined;
    for (let i = 0; i < 5; i++) {
      const run = await time(path);
      first ??= run;
      runs.push(run.ms);
    }
    const sorted = [...runs].sort((a, b) => a - b);
    const figures = { runsMs: runs, medianMs: sorted[2], maxMs: sorted[4], bytes: first!.bytes, ideasSupported: first!.body?.kpis?.find((k) => k.code === 'ideas_supported')?.actual ?? null };
    scenarios[label] = figures;
    console.log(`${label.padEnd(12)} median ${figures.medianMs} ms, max ${figures.maxMs} ms, ${Math.round(figures.bytes / 1024)} kB`);
  }
  const yearly = scenarios.yearly as { maxMs: number; medianMs: number };
  const pass = yearly.maxMs <= TARGET_MS;
  console.log(`yearly report over ${size.startups} startups: ${yearly.medianMs} ms median, ${yearly.maxMs} ms worst (target ≤ ${TARGET_MS} ms) ${pass ? 'PASS' : 'BELOW'}`);
  return { size, history, loadMs, target: { maxMs: TARGET_MS }, pass, scenarios };
}

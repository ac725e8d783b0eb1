/**
 * Suite `matching` (the matching issue's figures):
 *
 * - rankInProcess: ranking among 10,000 mentors (profiles from the demo
 *   generator), the top 20 with their contributions and reasons in both
 *   languages — what GET /matches presents — for 200 different startups,
 *   2,000 calls after 200 to warm up (target p95 ≤ 1 ms);
 * - http: GET /matches?limit=20 with 50 connections against Runway in a
 *   child process holding 10,000 mentors and 5,000 startups, and a bare
 *   Express JSON endpoint before and after (target p99 ≤ 50 ms and at least
 *   25% of the bare throughput, the mean of the two bare runs);
 * - proposal: 1,000 startups × 3,000 mentors, capacity 1–3, 2 mentors each:
 *   every pair scored, the exact solve and greedy, in a child process of its
 *   own so that its peak RSS is its own (target ≤ 3 s and ≤ 500 MB), and the
 *   optimal/greedy ratio.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { todayInVietnam } from '../server/core/time/calendar-date.js';
import { DEFAULT_WEIGHTS } from '../server/modules/cohorts/matching-weights.js';
import { greedyAssignment, optimalAssignment } from '../server/modules/matching/assignment-optimizer.js';
import { buildCohortProblem } from '../server/modules/matching/assignment-problem.js';
import { CandidateIndex, type MentorFeatures } from '../server/modules/matching/candidate-index.js';
import { presentMatches } from '../server/modules/matching/matches.presenter.js';
import type { MatchSubject } from '../server/modules/matching/match-subjects.js';
import { rank } from '../server/modules/matching/scoring.js';
import { matchQueryFor } from '../server/modules/matching/usecases/rank-mentors.js';
import { generateDemoData } from '../fixtures/demo-data.js';
import { startChildServer } from './child-server.js';

const round2 = (n: number) => Math.round(n * 100) / 100;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** A generated world: mentors as the index holds them, startups as matching sees them. */
function world(mentorCount: number, startupCount: number, capacityOf?: (i: number) => number) {
  const now = new Date();
  const data = generateDemoData({ today: todayInVietnam(now), mentors: mentorCount, startups: startupCount, seed: 2031, domain: 'bench.runway' });
  const index = new CandidateIndex();
  data.mentors.forEach((m, i) => {
    const p = m.profile;
    const features: MentorFeatures = {
      id: (0x6a000000 + i).toString(16).padStart(24, '0'),
      userId: (0x6b000000 + i).toString(16).padStart(24, '0'),
      name: p.name,
      status: capacityOf ? 'active' : m.status,
      sectors: p.sectors,
      stages: p.stages,
      expertise: p.expertise,
      languages: p.languages,
      mode: p.mode,
      city: p.location.city,
      conflicts: { startupIds: [], enterpriseCodes: [] },
      maxActiveMentees: capacityOf ? capacityOf(i) : p.capacity.maxActiveMentees,
      activeMentees: capacityOf ? 0 : i % 3 === 0 ? 1 : 0,
      rating: i % 4 === 0 ? null : 3 + (i % 20) / 10,
      medianResponseHours: i % 5 === 0 ? null : (i % 48) + 1,
      responseDays: 5,
      availability: { ...p.availability, timezone: p.timezone, sessionMinutes: p.sessionMinutes, minNoticeHours: p.minNoticeHours },
      updatedAt: now,
    };
    index.upsert(features, now);
  });
  index.refreshFreeTime(now);
  const subjects: MatchSubject[] = data.startups.map((s, i) => ({
    startupId: (0x6c000000 + i).toString(16).padStart(24, '0'),
    name: s.startup.name,
    enterpriseCode: s.startup.enterpriseCode ?? null,
    sectors: s.startup.sectors,
    stage: s.startup.stage,
    needs: s.startup.needs,
    languages: ['vi'],
    memberIds: [],
    managerIds: [],
    cohortIds: [],
    weights: { ...DEFAULT_WEIGHTS },
    weightsFrom: null,
    requested: new Set(),
    mentoring: new Set(),
  }));
  return { index, subjects };
}

function rankInProcess() {
  const { index, subjects } = world(10_000, 200);
  const once = (i: number) => {
    const subject = subjects[i % subjects.length]!;
    const query = matchQueryFor(index, subject, subject.needs, 'any');
    const ranking = rank(index, query, subject.weights, { limit: 20, explainExcluded: false, includeInactive: false });
    return presentMatches({ subject, index, revision: index.revision, query, topics: [...subject.needs], ranking }, 'any');
  };
  for (let i = 0; i < 200; i++) once(i);
  const times: number[] = [];
  let returned = 0;
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    returned += once(i).items.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const figures = { mentors: index.size, calls: times.length, meanResults: round2(returned / times.length), p50ms: round2(percentile(times, 50)), p95ms: round2(percentile(times, 95)), p99ms: round2(percentile(times, 99)), target: { p95ms: 1 } };
  const pass = figures.p95ms <= 1;
  console.log(`rankInProcess  10,000 mentors, top 20 explained: p50 ${figures.p50ms} ms, p95 ${figures.p95ms} ms, p99 ${figures.p99ms} ms (target p95 ≤ 1) ${pass ? 'PASS' : 'BELOW'}`);
  return { ...figures, pass };
}

/** Runs in its own process: prints the proposal's figures as one JSON line. */
function proposalChild(): void {
  const startedAt = performance.now();
  const { index, subjects } = world(3000, 1000, (i) => 1 + (i % 3));
  const setupMs = performance.now() - startedAt;
  const t0 = performance.now();
  const built = buildCohortProblem(index, subjects, 2);
  const scoreMs = performance.now() - t0;
  const t1 = performance.now();
  const optimal = optimalAssignment(built.problem);
  const optimalMs = performance.now() - t1;
  const t2 = performance.now();
  const greedy = greedyAssignment(built.problem);
  const greedyMs = performance.now() - t2;
  const eligiblePairs = built.eligible.reduce((a, b) => a + b, 0);
  process.stdout.write(
    `${JSON.stringify({
      startups: built.problem.startupCount,
      mentors: built.problem.mentorCount,
      perStartup: 2,
      capacity: '1-3',
      eligiblePairs,
      setupMs: Math.round(setupMs),
      scoreMs: Math.round(scoreMs),
      optimal: { ms: Math.round(optimalMs), total: optimal.total / 10, pairs: optimal.pairCount, unserved: optimal.unserved.reduce((a, b) => a + b, 0) },
      greedy: { ms: Math.round(greedyMs), total: greedy.total / 10, pairs: greedy.pairCount },
      proposalMs: Math.round(scoreMs + optimalMs + greedyMs),
      ratio: Math.round((optimal.total / greedy.total) * 100000) / 100000,
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

async function proposal() {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--proposal-child'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the proposal child exited with ${code}`);
  const figures = JSON.parse(out.trim().split('\n').pop()!) as { proposalMs: number; peakRssMiB: number; ratio: number; optimal: { ms: number }; greedy: { ms: number }; scoreMs: number };
  const pass = figures.proposalMs <= 3000 && figures.peakRssMiB <= 500;
  console.log(
    `proposal       1,000 × 3,000, k = 2: ${figures.proposalMs} ms (scoring ${figures.scoreMs}, exact ${figures.optimal.ms}, greedy ${figures.greedy.ms}), peak RSS ${figures.peakRssMiB} MiB, optimal/greedy ${figures.ratio} (target ≤ 3000 ms, ≤ 500 MiB) ${pass ? 'PASS' : 'BELOW'}`,
  );
  return { ...figures, target: { ms: 3000, peakRssMiB: 500 }, pass };
}

interface SyntheticReady {
  ready: true;
  url: string;
  adminToken: string;
  database: string;
  dataDir: string;
  loadMs: number;
}

async function http() {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  console.log('starting the bare Express app and Runway with 10,000 mentors and 5,000 startups (child processes)…');
  const [bare, runway] = await Promise.all([
    startChildServer<{ ready: true; url: string }>('./serve-bare.ts'),
    startChildServer<SyntheticReady>('./serve-runway.ts', { env: { ...process.env, BENCH_SYNTHETIC: '10000,5000' }, cleanupDir: (ready) => ready.dataDir }),
  ]);
  try {
    const headers = { authorization: `Bearer ${runway.ready.adminToken}` };
    const startups = (await (await fetch(`${runway.ready.url}/api/v1/startups?limit=50`, { headers })).json()) as { items: Array<{ id: string }> };
    const paths = startups.items.map((s) => `/api/v1/matches?startupId=${s.id}&limit=20`);
    const probe = await fetch(`${runway.ready.url}${paths[0]}`, { headers });
    if (!probe.ok) throw new Error(`GET /matches answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
    let next = 0;
    const drive = async (url: string, rotate: boolean) => {
      const options = { url, headers, connections: 50 };
      const requests: autocannon.Request[] | undefined = rotate
        ? [{ method: 'GET', setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[next++ % paths.length]! }) }]
        : undefined;
      await autocannon({ ...options, duration: 2, ...(requests ? { requests } : {}) });
      const result = await autocannon({ ...options, duration: seconds, ...(requests ? { requests } : {}) });
      return { perSecond: round2(result.requests.average), p50ms: result.latency.p50, p99ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
    };
    const bareFirst = await drive(`${bare.ready.url}/bare`, false);
    console.log(`bareFirst      ${bareFirst.perSecond} req/s`);
    const matches = await drive(runway.ready.url, true);
    console.log(`matches        ${matches.perSecond} req/s, p50 ${matches.p50ms} ms, p99 ${matches.p99ms} ms${matches.non2xx ? `, NON-2XX ${matches.non2xx}` : ''}`);
    const bareLast = await drive(`${bare.ready.url}/bare`, false);
    console.log(`bareLast       ${bareLast.perSecond} req/s`);
    const baseline = (bareFirst.perSecond + bareLast.perSecond) / 2;
    const ratioToBare = Math.round((matches.perSecond / baseline) * 10000) / 10000;
    const pass = matches.non2xx === 0 && matches.p99ms <= 50 && ratioToBare >= 0.25;
    console.log(`matches at ${(ratioToBare * 100).toFixed(1)}% of bare, p99 ${matches.p99ms} ms (target ≥ 25%, p99 ≤ 50 ms) ${pass ? 'PASS' : 'BELOW'}`);
    return { database: runway.ready.database, seconds, bareFirst, matches, bareLast, ratioToBare, peakRss: { runway: await runway.peakRss(), bare: await bare.peakRss() }, target: { p99ms: 50, ratioToBare: 0.25 }, pass };
  } finally {
    await Promise.all([runway.stop(), bare.stop()]);
  }
}

export async function runMatchingBench(): Promise<{ database: string; figures: Record<string, unknown> }> {
  const inProcess = rankInProcess();
  const proposalFigures = await proposal();
  const httpFigures = await http();
  return { database: httpFigures.database, figures: { rankInProcess: inProcess, proposal: proposalFigures, http: httpFigures } };
}

if (process.argv.includes('--proposal-child')) proposalChild();

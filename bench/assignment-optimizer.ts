/**
 * The cohort-wide assignment optimizer at its target size: 1,000 startups ×
 * 3,000 mentors, 2 mentors each, capacities 1–3, within 3 s (optimal and
 * greedy together) and 500 MiB peak RSS on the 2-core bench machine.
 *
 * The instance is synthetic and seeded (mulberry32), shaped like Runway's
 * matching score: sector fit, stage fit, topic overlap, availability, load,
 * rating and responsiveness weighted 3, 2, 3, 1, 1, 1, 1; about 10% of
 * mentors excluded (full or no free time) and about 5% of the remaining
 * pairs excluded for want of a shared language. Features sit in typed arrays
 * so that `score` is O(1), as the real one will be after precomputation.
 *
 * `node --import tsx bench/assignment-optimizer.ts` prints the figures as JSON.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { greedyAssignment, optimalAssignment, type AssignmentProblem } from '../server/modules/matching/assignment-optimizer.js';

const TARGET_MS = 3000;
const TARGET_RSS_MIB = 500;
const SECTORS = 12;
const STAGES = 5;
const TOPICS = 15;
const WEIGHTS = { sector: 3, stage: 2, topic: 3, availability: 1, load: 1, rating: 1, responsiveness: 1 };
const WEIGHT_SUM = Object.values(WEIGHTS).reduce((sum, weight) => sum + weight, 0);
const LANGUAGE = { vi: 1, en: 2, fr: 4 };

/** Deterministic uniform numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const integerBetween = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** A bitmask of `count` distinct bits out of `width`. */
function randomBits(random: () => number, width: number, count: number): number {
  let mask = 0;
  while (bitCount(mask) < count) mask |= 1 << Math.floor(random() * width);
  return mask;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** A synthetic cohort whose score mimics Runway's matching score; deterministic for a seed. */
export function syntheticProblem(startups: number, mentors: number, perStartup: number, seed: number): AssignmentProblem {
  const random = mulberry32(seed);
  const popcount = new Uint8Array(1 << TOPICS);
  for (let mask = 1; mask < popcount.length; mask++) popcount[mask] = popcount[mask >> 1]! + (mask & 1);

  const startupSectors = new Int32Array(startups);
  const startupSectorShare = new Float64Array(startups);
  const startupStage = new Int32Array(startups);
  const startupTopics = new Int32Array(startups);
  const startupTopicShare = new Float64Array(startups);
  const startupLanguages = new Int32Array(startups);
  for (let s = 0; s < startups; s++) {
    const sectorCount = integerBetween(random, 1, 3);
    startupSectors[s] = randomBits(random, SECTORS, sectorCount);
    startupSectorShare[s] = WEIGHTS.sector / sectorCount;
    startupStage[s] = integerBetween(random, 0, STAGES - 1);
    const topicCount = integerBetween(random, 1, 4);
    startupTopics[s] = randomBits(random, TOPICS, topicCount);
    startupTopicShare[s] = WEIGHTS.topic / topicCount;
    const language = random();
    startupLanguages[s] = language < 0.85 ? LANGUAGE.vi : language < 0.95 ? LANGUAGE.vi | LANGUAGE.en : LANGUAGE.en;
  }

  const mentorSectors = new Int32Array(mentors);
  const mentorStages = new Int32Array(mentors);
  const mentorTopics = new Int32Array(mentors);
  const mentorLanguages = new Int32Array(mentors);
  const mentorExcluded = new Uint8Array(mentors);
  // Availability, load, rating and responsiveness do not depend on the startup: one weighted sum per mentor.
  const mentorOwnScore = new Float64Array(mentors);
  const capacity = new Int32Array(mentors);
  for (let m = 0; m < mentors; m++) {
    mentorSectors[m] = randomBits(random, SECTORS, integerBetween(random, 1, 4));
    const stageCount = integerBetween(random, 1, 3);
    const firstStage = integerBetween(random, 0, STAGES - stageCount);
    mentorStages[m] = ((1 << stageCount) - 1) << firstStage;
    mentorTopics[m] = randomBits(random, TOPICS, integerBetween(random, 2, 6));
    const language = random();
    mentorLanguages[m] = language < 0.8 ? LANGUAGE.vi | LANGUAGE.en : language < 0.95 ? LANGUAGE.vi : LANGUAGE.en | LANGUAGE.fr;
    mentorExcluded[m] = random() < 0.1 ? 1 : 0;
    const availability = random();
    const load = random();
    const rating = (integerBetween(random, 30, 50) / 10 - 3) / 2;
    const responsiveness = random() ** 0.5;
    mentorOwnScore[m] = WEIGHTS.availability * availability + WEIGHTS.load * (1 - load) + WEIGHTS.rating * rating + WEIGHTS.responsiveness * responsiveness;
    capacity[m] = integerBetween(random, 1, 3);
  }

  // Stage fit by (startup stage, mentor stage mask): 1 when covered, ½ when a neighbouring stage is.
  const stageFit = new Float64Array(STAGES << STAGES);
  for (let stage = 0; stage < STAGES; stage++) {
    for (let mask = 0; mask < 1 << STAGES; mask++) {
      const neighbours = ((1 << stage) << 1) | ((1 << stage) >> 1);
      stageFit[(stage << STAGES) | mask] = WEIGHTS.stage * (mask & (1 << stage) ? 1 : mask & neighbours ? 0.5 : 0);
    }
  }

  const scale = 1000 / WEIGHT_SUM;
  return {
    startupCount: startups,
    mentorCount: mentors,
    demand: new Int32Array(startups).fill(perStartup),
    capacity,
    score(s: number, m: number): number {
      if (mentorExcluded[m] === 1 || (startupLanguages[s]! & mentorLanguages[m]!) === 0) return -1;
      const fit =
        popcount[startupSectors[s]! & mentorSectors[m]!]! * startupSectorShare[s]! +
        stageFit[(startupStage[s]! << STAGES) | mentorStages[m]!]! +
        popcount[startupTopics[s]! & mentorTopics[m]!]! * startupTopicShare[s]! +
        mentorOwnScore[m]!;
      return Math.round(fit * scale);
    },
  };
}

/** Runs greedy then optimal on the synthetic cohort and reports time, totals and peak RSS against the targets. */
export async function benchAssignment(options?: { startups?: number; mentors?: number; perStartup?: number; seed?: number }): Promise<Record<string, unknown>> {
  const startups = options?.startups ?? 1000;
  const mentors = options?.mentors ?? 3000;
  const perStartup = options?.perStartup ?? 2;
  const seed = options?.seed ?? 20261128;
  const problem = syntheticProblem(startups, mentors, perStartup, seed);

  let peakRss = process.memoryUsage().rss;
  // The solvers are synchronous, so the sampler only sees between-phase RSS; maxRSS below covers the rest.
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  const letSamplerRun = () => new Promise((resolve) => setTimeout(resolve, 20));
  try {
    await letSamplerRun();
    let startedAt = performance.now();
    const greedy = greedyAssignment(problem);
    const greedyMs = performance.now() - startedAt;
    await letSamplerRun();
    startedAt = performance.now();
    const optimal = optimalAssignment(problem);
    const optimalMs = performance.now() - startedAt;
    await letSamplerRun();
    peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

    const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;
    const totalMs = greedyMs + optimalMs;
    const peakRssMiB = peakRss / 2 ** 20;
    return {
      startups,
      mentors,
      perStartup,
      demand: startups * perStartup,
      capacity: problem.capacity.reduce((sum, c) => sum + c, 0),
      optimal: { ms: round(optimalMs), total: optimal.total, pairCount: optimal.pairCount, unserved: optimal.unserved.reduce((sum, u) => sum + u, 0) },
      greedy: { ms: round(greedyMs), total: greedy.total, pairCount: greedy.pairCount },
      ratio: round(optimal.total / greedy.total, 5),
      totalMs: round(totalMs),
      peakRssMiB: round(peakRssMiB),
      targets: { ms: TARGET_MS, rssMiB: TARGET_RSS_MIB },
      pass: totalMs <= TARGET_MS && peakRssMiB <= TARGET_RSS_MIB,
    };
  } finally {
    clearInterval(sampler);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchAssignment().then(
    (figures) => console.log(JSON.stringify(figures, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

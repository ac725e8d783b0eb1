/**
 * The startup side of matching, read once and held briefly: its features,
 * team and cohort managers (for the access check), the weights of its
 * cohort, and the mentors it already asked or is mentored by. A warm
 * ranking request then reads nothing from the database. A change made in
 * this process drops the entry at once (matching.listeners.ts); changes
 * made by other processes show within `TTL_MS`. An entry asked for after
 * `REFRESH_AFTER_MS` (plus up to half the time left to the TTL, at random,
 * so that startups read together do not all reload together) is read again
 * in the background while it is still served, so a startup ranked often
 * never waits for its reload.
 */
import type { StartupCohort } from '../cohorts/usecases/active-cohorts-of-startup.js';
import { activeCohortsOfStartup } from '../cohorts/usecases/active-cohorts-of-startup.js';
import { DEFAULT_WEIGHTS, type MatchingWeights } from '../cohorts/matching-weights.js';
import { mentorshipsRepository } from '../requests/mentorships.repository.js';
import { requestsRepository } from '../requests/requests.repository.js';
import { DEFAULT_STARTUP_LANGUAGES } from '../startups/startup-fields.js';
import { startupsRepository, type StartupRecord } from '../startups/startups.repository.js';

const TTL_MS = 2000;
const REFRESH_AFTER_MS = 1000;
const refreshAfter = () => REFRESH_AFTER_MS + Math.random() * ((TTL_MS - REFRESH_AFTER_MS) / 2);
const MAX_ENTRIES = 10_000;

export interface MatchSubject {
  startupId: string;
  name: string;
  enterpriseCode: string | null;
  sectors: readonly string[];
  stage: string;
  needs: readonly string[];
  languages: readonly string[];
  memberIds: readonly string[];
  managerIds: readonly string[];
  cohortIds: readonly string[];
  /** The weights of the cohort admitted to most recently, else the defaults. */
  weights: MatchingWeights;
  /** The cohort the weights come from; null for the defaults. */
  weightsFrom: string | null;
  requested: ReadonlySet<string>;
  mentoring: ReadonlySet<string>;
}

/** The subject of a stored startup, given the rest of what it needs. */
function subjectOf(
  startup: StartupRecord,
  cohorts: { managerIds: string[]; cohortIds: string[]; weights: MatchingWeights; weightsFrom: string | null },
  requested: ReadonlySet<string>,
  mentoring: ReadonlySet<string>,
): MatchSubject {
  return {
    startupId: startup._id.toHexString(),
    name: startup.name,
    enterpriseCode: startup.enterpriseCode ?? null,
    sectors: startup.sectors,
    stage: startup.stage,
    needs: startup.needs ?? [],
    languages: startup.languages?.length ? startup.languages : DEFAULT_STARTUP_LANGUAGES,
    memberIds: startup.members.map((m) => m.userId.toHexString()),
    ...cohorts,
    requested,
    mentoring,
  };
}

async function load(startupId: string): Promise<MatchSubject | undefined> {
  const startup = await startupsRepository.findById(startupId);
  if (!startup) return undefined;
  const [cohorts, requested, mentoring] = await Promise.all([
    activeCohortsOfStartup(startupId),
    requestsRepository.openPairsOf([startupId]),
    mentorshipsRepository.activePairsOf([startupId]),
  ]);
  const weightsCohort: StartupCohort | undefined = cohorts[0];
  const context = {
    managerIds: [...new Set(cohorts.flatMap((c) => c.managerIds))],
    cohortIds: cohorts.map((c) => c.cohortId),
    weights: weightsCohort?.weights ?? { ...DEFAULT_WEIGHTS },
    weightsFrom: weightsCohort?.cohortId ?? null,
  };
  const mentorsOf = (pairs: Array<{ mentorId: string }>) => new Set(pairs.map((pair) => pair.mentorId));
  return subjectOf(startup, context, mentorsOf(requested), mentorsOf(mentoring));
}

/**
 * Many startups at once, with the given weights (a cohort's proposal):
 * four queries whatever the count. Not cached.
 */
export async function loadSubjects(startupIds: readonly string[], weights: MatchingWeights, weightsFrom: string): Promise<MatchSubject[]> {
  const [startups, requested, mentoring] = await Promise.all([
    startupsRepository.findByIds(startupIds),
    requestsRepository.openPairsOf(startupIds),
    mentorshipsRepository.activePairsOf(startupIds),
  ]);
  const byStartup = (pairs: Array<{ startupId: string; mentorId: string }>) => {
    const sets = new Map<string, Set<string>>();
    for (const { startupId, mentorId } of pairs) sets.set(startupId, (sets.get(startupId) ?? new Set()).add(mentorId));
    return sets;
  };
  const [requestedBy, mentoringBy] = [byStartup(requested), byStartup(mentoring)];
  const context = { managerIds: [], cohortIds: [weightsFrom], weights, weightsFrom };
  return startups
    .map((startup) => {
      const id = startup._id.toHexString();
      return subjectOf(startup, context, requestedBy.get(id) ?? new Set<string>(), mentoringBy.get(id) ?? new Set<string>());
    })
    .sort((a, b) => (a.startupId < b.startupId ? -1 : a.startupId > b.startupId ? 1 : 0));
}

interface Entry {
  subject: Promise<MatchSubject | undefined>;
  /** When its read began. */
  at: number;
  /** Its age when a request starts reading it again in the background. */
  refreshAfter: number;
  refreshing: boolean;
}

class MatchSubjects {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by each invalidation of a startup, so a read that began before it is not kept. */
  private readonly generations = new Map<string, number>();

  /** The subject, from the cache when younger than the TTL; `fresh` reads it again. */
  get(startupId: string, options: { fresh?: boolean } = {}): Promise<MatchSubject | undefined> {
    const entry = this.entries.get(startupId);
    const age = entry ? Date.now() - entry.at : Infinity;
    if (!options.fresh && entry && age < TTL_MS) {
      if (age >= entry.refreshAfter && !entry.refreshing) this.refreshAhead(startupId, entry);
      return entry.subject;
    }
    const generation = this.generation(startupId);
    const subject = load(startupId);
    const stored = this.store(startupId, { subject, at: Date.now(), refreshAfter: refreshAfter(), refreshing: false });
    const forget = () => {
      if (this.entries.get(startupId) === stored) this.entries.delete(startupId);
    };
    subject.then(() => {
      if (this.generation(startupId) !== generation) forget();
    }, forget);
    return subject;
  }

  invalidate(startupId: string): void {
    this.generations.set(startupId, this.generation(startupId) + 1);
    this.entries.delete(startupId);
  }

  clear(): void {
    this.entries.clear();
    this.generations.clear();
  }

  private generation(startupId: string): number {
    return this.generations.get(startupId) ?? 0;
  }

  private store(startupId: string, entry: Entry): Entry {
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(startupId)) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(startupId, entry);
    return entry;
  }

  /**
   * Reads the subject again while `entry` is served; the new read replaces
   * it only if nothing invalidated the startup meanwhile. On failure the
   * entry stays until the TTL, and the next request then reads in the
   * foreground (and sees the error).
   */
  private refreshAhead(startupId: string, entry: Entry): void {
    entry.refreshing = true;
    const generation = this.generation(startupId);
    const at = Date.now();
    Promise.all([load(startupId), entry.subject]).then(
      ([subject, previous]) => {
        if (this.entries.get(startupId) === entry && this.generation(startupId) === generation) {
          // Unchanged, the served object stays: what is kept for it (GET /matches's answers) stays valid.
          const kept = subject && previous && sameSubject(subject, previous) ? previous : subject;
          this.store(startupId, { subject: Promise.resolve(kept), at, refreshAfter: refreshAfter(), refreshing: false });
        }
      },
      () => {
        entry.refreshing = false;
      },
    );
  }
}

/** Whether two reads of a subject hold the same values (arrays in order, sets as sets, the weights field by field). */
export function sameSubject(a: MatchSubject, b: MatchSubject): boolean {
  return (Object.keys(a) as Array<keyof MatchSubject>).every((key) => sameValue(a[key], b[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((item) => b.has(item));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return false;
}

/** One per process. */
export const matchSubjects = new MatchSubjects();

/**
 * Keeps the candidate index current. At start it reads every mentor once;
 * then a change made in this process refreshes that mentor at once (the
 * listeners call `refresh`), and every 2 s a poll reads the profiles whose
 * `updatedAt` moved — changes made by other API processes, and counters
 * such as mentee places — looking back 5 s further than its last run for
 * writers whose clocks lag. So every process ranks on the same data within
 * about 2 s. Every 10 minutes each mentor's next free time is recomputed,
 * since time passing closes windows, a few hundred mentors at a time so
 * that requests are served in between.
 */
import type { Logger } from 'pino';
import type { MentorMatchingRecord } from '../mentors/mentors.repository.js';
import { mentorsRepository } from '../mentors/mentors.repository.js';
import { PROFILE_NUMBERS } from '../mentors/mentor-profile.js';
import { availabilityOf } from '../mentors/availability.js';
import { CandidateIndex, type MentorFeatures } from './candidate-index.js';

const POLL_MS = 2000;
const CLOCK_SKEW_MS = 5000;
const FREE_TIME_REFRESH_MS = 10 * 60_000;
const APPLY_BATCH = 250;

/** The index's view of a stored profile. */
export function featuresOf(mentor: MentorMatchingRecord): MentorFeatures {
  return {
    id: mentor._id.toHexString(),
    userId: mentor.userId.toHexString(),
    name: mentor.name,
    status: mentor.status,
    sectors: mentor.sectors,
    stages: mentor.stages,
    expertise: mentor.expertise,
    languages: mentor.languages,
    mode: mentor.mode,
    city: mentor.location?.city ?? null,
    conflicts: {
      startupIds: (mentor.conflicts?.startupIds ?? []).map((id) => id.toHexString()),
      enterpriseCodes: mentor.conflicts?.enterpriseCodes ?? [],
    },
    maxActiveMentees: mentor.capacity.maxActiveMentees,
    activeMentees: mentor.stats.activeMentees,
    rating: mentor.stats.rating ?? null,
    medianResponseHours: mentor.stats.medianResponseHours ?? null,
    responseDays: mentor.responseDays ?? PROFILE_NUMBERS.responseDays.default,
    availability: availabilityOf(mentor),
    updatedAt: mentor.updatedAt,
  };
}

class CandidateIndexSync {
  private current = new CandidateIndex();
  private ready: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private freeTimeTimer: NodeJS.Timeout | undefined;
  private run = 0;
  private lastPoll = new Date(0);
  private now: () => Date = () => new Date();

  /** The index, loaded: the first call after start waits for the load. */
  async index(): Promise<CandidateIndex> {
    await (this.ready ??= this.load());
    return this.current;
  }

  /**
   * Loads every mentor, then polls for changes; clears what an earlier run
   * held. `now` is the app's clock (free times are counted from it).
   */
  start(logger: Logger, now: () => Date = () => new Date()): void {
    this.stop();
    this.now = now;
    this.current = new CandidateIndex();
    this.ready = undefined;
    const run = ++this.run;
    const poll = async () => {
      // Wall-clock time: it is compared with updatedAt, which the database stamps (the app's clock may be pinned).
      const startedAt = new Date();
      try {
        if (this.ready) {
          await this.ready;
          await this.apply(await mentorsRepository.findForMatching(new Date(this.lastPoll.getTime() - CLOCK_SKEW_MS)));
          this.lastPoll = startedAt;
        }
      } catch (error) {
        // Start again from a full load: an index nobody can vouch for is not served.
        this.ready = undefined;
        logger.warn({ err: error }, 'mentor change poll failed; the candidate index reloads');
      }
      if (run === this.run) this.timer = setTimeout(poll, POLL_MS).unref();
    };
    this.timer = setTimeout(poll, POLL_MS).unref();
    this.freeTimeTimer = setInterval(() => void this.current.refreshFreeTimeInSteps(this.now()), FREE_TIME_REFRESH_MS).unref();
  }

  /**
   * Starts the load now rather than on the first ranking request (10,000
   * mentors take a few seconds): called once the start-up's own writes (demo
   * data) are done. A failure is logged; the next poll or request retries.
   */
  warm(logger: Logger): void {
    this.index().catch((error: unknown) => logger.warn({ err: error }, 'candidate index load failed; the next poll retries'));
  }

  /** Reads every mentor again now and resolves once the index holds them (after a bulk import in this process). */
  async reload(): Promise<void> {
    await (this.ready = this.load());
  }

  stop(): void {
    this.run += 1;
    clearTimeout(this.timer);
    clearInterval(this.freeTimeTimer);
    this.timer = undefined;
    this.freeTimeTimer = undefined;
  }

  /** Re-reads one mentor now (a change made in this process). */
  async refresh(mentorId: string): Promise<void> {
    if (!this.ready) return; // the coming load reads it
    await this.ready;
    const [mentor] = await mentorsRepository.findForMatchingById(mentorId);
    if (mentor) await this.apply([mentor]);
  }

  private async load(): Promise<void> {
    const startedAt = new Date();
    const now = this.now();
    const index = new CandidateIndex();
    // upsert dates each mentor's next free time from `now`.
    await upsertInSteps(index, await mentorsRepository.findForMatching(), now);
    this.current = index;
    this.lastPoll = startedAt;
  }

  private async apply(mentors: MentorMatchingRecord[]): Promise<void> {
    await upsertInSteps(this.current, mentors, this.now());
  }
}

/**
 * Upserts what was read, `APPLY_BATCH` mentors at a time with the event loop
 * free in between (a start or a bulk import brings thousands, and working
 * out free times takes a few seconds for 10,000). An older read (a slow
 * poll) never overwrites a newer one.
 */
async function upsertInSteps(index: CandidateIndex, mentors: MentorMatchingRecord[], now: Date): Promise<void> {
  for (let from = 0; from < mentors.length; from += APPLY_BATCH) {
    if (from > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const mentor of mentors.slice(from, from + APPLY_BATCH)) {
      const slot = index.slot(mentor._id.toHexString());
      if (slot >= 0 && index.updatedAt[slot]! > mentor.updatedAt.getTime()) continue;
      index.upsert(featuresOf(mentor), now);
    }
  }
}

/** One per process, started by the composition root. */
export const candidateIndex = new CandidateIndexSync();

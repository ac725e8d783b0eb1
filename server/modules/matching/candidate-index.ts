/**
 * The candidate index (DATABASE.md rule 4): every mentor's matching
 * features in typed arrays, one slot per mentor, so that ranking is a scan
 * over numbers with no I/O and no allocation per mentor. Sectors, stages,
 * topics and languages are bit masks; a pair shares a sector when the AND
 * of their masks is not zero. Pure data: candidate-index-sync.ts fills it
 * from the database and keeps it current.
 */
import { SECTOR_CODES, STAGE_CODES, TOPIC_CODES } from '../../core/taxonomy/taxonomy.js';
import { foldText } from '../../core/text/search-text.js';
import { firstFreeStart, type AvailabilityProfile } from '../mentors/availability.js';

/** How far ahead a mentor must have free time to be matched (SPEC §4). */
export const FREE_TIME_HORIZON_DAYS = 21;

export const STATUS_CODES = { pending: 0, active: 1, paused: 2 } as const;
export const MODE_BITS = { online: 1, offline: 2, both: 3 } as const;

const bitsOf = (codes: readonly string[]) => new Map(codes.map((code, i) => [code, 1 << i]));
const SECTOR_BITS = bitsOf(SECTOR_CODES);
const TOPIC_BITS = bitsOf(TOPIC_CODES);
const STAGE_BITS = bitsOf(STAGE_CODES);

/** The mask of the known codes among `codes` (unknown ones are ignored). */
function maskOf(bits: Map<string, number>, codes: readonly string[] | undefined): number {
  let mask = 0;
  for (const code of codes ?? []) mask |= bits.get(code) ?? 0;
  return mask;
}

export const sectorMask = (codes: readonly string[] | undefined) => maskOf(SECTOR_BITS, codes);
export const topicMask = (codes: readonly string[] | undefined) => maskOf(TOPIC_BITS, codes);
export const stageMask = (codes: readonly string[] | undefined) => maskOf(STAGE_BITS, codes);
export const stageIndex = (stage: string) => STAGE_CODES.indexOf(stage as (typeof STAGE_CODES)[number]);

/** The codes whose bits are set in `mask`, in taxonomy order. */
export function codesOf(all: readonly string[], mask: number): string[] {
  return all.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** A mentor as the index needs it: what the repository reads for matching. */
export interface MentorFeatures {
  id: string;
  userId: string;
  name: string;
  status: keyof typeof STATUS_CODES;
  sectors: readonly string[];
  stages: readonly string[];
  expertise: readonly string[];
  languages: readonly string[];
  mode: keyof typeof MODE_BITS;
  city: string | null;
  conflicts: { startupIds: readonly string[]; enterpriseCodes: readonly string[] };
  maxActiveMentees: number;
  activeMentees: number;
  rating: number | null;
  medianResponseHours: number | null;
  responseDays: number;
  availability: AvailabilityProfile;
  updatedAt: Date;
}

/** Offline meetings need a mentor based in the programme's city. */
export function isLocal(city: string | null): boolean {
  return city !== null && foldText(city).includes('can tho');
}

/** Languages get bits as they first appear; past 31 they share the last bit and are compared by code. */
export const SHARED_LANGUAGE_BIT = 2 ** 31;

let indexesMade = 0;

export class CandidateIndex {
  /** Which index this is in the process (a reload makes a new one): what is kept for it names it by this, not by reference. */
  readonly serial = ++indexesMade;
  /** Slots in use (removed mentors keep their slot, marked `removed`). */
  size = 0;
  ids: string[] = [];
  userIds: string[] = [];
  names: string[] = [];
  removed = new Uint8Array(0);
  status = new Uint8Array(0);
  sectors = new Uint16Array(0);
  stages = new Uint8Array(0);
  topics = new Uint16Array(0);
  languages = new Uint32Array(0);
  modes = new Uint8Array(0);
  local = new Uint8Array(0);
  activeMentees = new Uint16Array(0);
  maxActiveMentees = new Uint16Array(0);
  /** NaN when the mentor has no rating yet. */
  rating = new Float32Array(0);
  /** NaN when the mentor has not answered a request yet. */
  responseHours = new Float32Array(0);
  responseDays = new Uint8Array(0);
  /** Days from `freeTimeAsOf` to the first free session start; Infinity when none within the horizon. */
  freeInDays = new Float32Array(0);
  hasConflicts = new Uint8Array(0);
  /**
   * The criteria that depend on the mentor alone, in [0, 1], four per slot:
   * availabilitySoon, loadBalance, rating, responsiveness (SPEC §4; see
   * scoring.ts). Computed when the slot or the free time changes, so that
   * ranking reads them instead of working them out for every query.
   */
  mentorOnly = new Float64Array(0);
  /** 1 when the mentor can take a mentee now: active, a place free, free time within the horizon (kept with `mentorOnly`). */
  open = new Uint8Array(0);
  /** Last profile change seen, ms since the epoch (the sync compares it with the database). */
  updatedAt = new Float64Array(0);
  /** Per slot, for what the typed arrays cannot hold. */
  details: Array<{ languages: readonly string[]; conflicts: MentorFeatures['conflicts']; availability: AvailabilityProfile }> = [];
  /** When freeInDays was last computed. */
  freeTimeAsOf = new Date(0);
  /** Bumped by every change to what ranking reads of a slot, so what is derived from the index (scoring's orders) knows when to be rebuilt. */
  version = 0;
  /**
   * Bumped by every change to what a ranking or its explanation reads (the
   * version's fields, and names, conflicts, languages, free time): a
   * ranked answer kept for a revision is the answer while it holds.
   */
  revision = 0;

  private readonly slotOf = new Map<string, number>();
  /** Each slot's availability as JSON, to tell whether an upsert changed it. */
  private readonly availabilityKeys: string[] = [];
  private readonly languageBits = new Map<string, number>();

  /** The slot of a mentor, or -1. */
  slot(mentorId: string): number {
    const slot = this.slotOf.get(mentorId);
    return slot === undefined || this.removed[slot] ? -1 : slot;
  }

  /** The language mask of `codes`, giving new codes bits as needed. */
  languageMask(codes: readonly string[]): number {
    let mask = 0;
    for (const code of codes) {
      let bit = this.languageBits.get(code);
      if (bit === undefined) {
        bit = this.languageBits.size < 31 ? 1 << this.languageBits.size : SHARED_LANGUAGE_BIT;
        this.languageBits.set(code, bit);
      }
      mask |= bit;
    }
    return mask >>> 0;
  }

  /** True when the mentor in `slot` speaks one of `codes` (whose mask is `mask`). */
  speaksAny(slot: number, mask: number, codes: readonly string[]): boolean {
    const shared = (this.languages[slot]! & mask) >>> 0;
    if (shared === 0) return false;
    if (shared !== SHARED_LANGUAGE_BIT) return true;
    // Only the shared bit matches: compare the codes themselves.
    return codes.some((code) => this.details[slot]!.languages.includes(code));
  }

  /**
   * Adds or replaces a mentor; `now` dates their next free time, worked out
   * again only when their availability changed (the costly part: a poll
   * re-reads unchanged profiles, and a bulk import reads thousands).
   */
  upsert(mentor: MentorFeatures, now: Date): void {
    let slot = this.slotOf.get(mentor.id);
    const before = slot === undefined ? undefined : this.rankedFields(slot);
    const presentedBefore = slot === undefined ? undefined : this.presentedFields(slot);
    const availabilityKey = JSON.stringify(mentor.availability);
    const sameAvailability = slot !== undefined && this.availabilityKeys[slot] === availabilityKey;
    if (slot === undefined) {
      slot = this.size++;
      this.ensureCapacity(this.size);
      this.slotOf.set(mentor.id, slot);
    }
    this.ids[slot] = mentor.id;
    this.userIds[slot] = mentor.userId;
    this.names[slot] = mentor.name;
    this.removed[slot] = 0;
    this.status[slot] = STATUS_CODES[mentor.status];
    this.sectors[slot] = sectorMask(mentor.sectors);
    this.stages[slot] = stageMask(mentor.stages);
    this.topics[slot] = topicMask(mentor.expertise);
    this.languages[slot] = this.languageMask(mentor.languages);
    this.modes[slot] = MODE_BITS[mentor.mode];
    this.local[slot] = isLocal(mentor.city) ? 1 : 0;
    this.activeMentees[slot] = mentor.activeMentees;
    this.maxActiveMentees[slot] = mentor.maxActiveMentees;
    this.rating[slot] = mentor.rating ?? Number.NaN;
    this.responseHours[slot] = mentor.medianResponseHours ?? Number.NaN;
    this.responseDays[slot] = mentor.responseDays;
    this.hasConflicts[slot] = mentor.conflicts.startupIds.length + mentor.conflicts.enterpriseCodes.length > 0 ? 1 : 0;
    this.updatedAt[slot] = mentor.updatedAt.getTime();
    this.details[slot] = { languages: mentor.languages, conflicts: mentor.conflicts, availability: mentor.availability };
    this.availabilityKeys[slot] = availabilityKey;
    if (sameAvailability) this.computeMentorOnly(slot);
    else this.refreshSlotFreeTime(slot, now);
    if (before !== this.rankedFields(slot)) this.version++;
    if (presentedBefore !== this.presentedFields(slot)) this.revision++;
  }

  /** Forgets a mentor (a deleted profile). */
  remove(mentorId: string): void {
    const slot = this.slotOf.get(mentorId);
    if (slot !== undefined && !this.removed[slot]) {
      this.removed[slot] = 1;
      this.version++;
      this.revision++;
    }
  }

  /** Recomputes every mentor's next free time as of `now` (time passes; windows close). */
  refreshFreeTime(now: Date): void {
    this.freeTimeAsOf = now;
    for (let slot = 0; slot < this.size; slot++) this.refreshSlotFreeTime(slot, now);
  }

  /**
   * `refreshFreeTime`, `batch` mentors at a time with the event loop free in
   * between (10,000 mentors take about two seconds of work). Until it ends,
   * a mentor not yet reached keeps the free time of the last refresh.
   */
  async refreshFreeTimeInSteps(now: Date, batch = 250): Promise<void> {
    this.freeTimeAsOf = now;
    for (let from = 0; from < this.size; from += batch) {
      for (let slot = from; slot < Math.min(this.size, from + batch); slot++) this.refreshSlotFreeTime(slot, now);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private refreshSlotFreeTime(slot: number, now: Date): void {
    const before = this.rankedFields(slot);
    const daysBefore = this.freeInDays[slot];
    this.freeInDays[slot] = this.daysUntilFree(this.details[slot]!.availability, now);
    this.computeMentorOnly(slot);
    if (before !== this.rankedFields(slot)) this.version++;
    if (before !== this.rankedFields(slot) || !Object.is(daysBefore, this.freeInDays[slot])) this.revision++;
  }

  /** What an explanation reads of a slot beyond the ranked fields, with them. */
  private presentedFields(slot: number): string {
    const details = this.details[slot]!;
    return `${this.rankedFields(slot)} ${this.names[slot]} ${this.freeInDays[slot]} ${this.rating[slot]} ${this.responseHours[slot]} ${this.responseDays[slot]} ${this.activeMentees[slot]} ${this.maxActiveMentees[slot]} ${details.languages.join(',')} ${JSON.stringify(details.conflicts)}`;
  }

  /**
   * What ranking copies of a slot (scoring's orders and census), as one
   * string: the version moves only when it changes, since a poll re-reads
   * unchanged profiles and the orders take milliseconds to rebuild.
   */
  private rankedFields(slot: number): string {
    const at = slot * 4;
    const m = this.mentorOnly;
    return `${this.removed[slot]} ${this.status[slot]} ${this.open[slot]} ${this.sectors[slot]} ${this.stages[slot]} ${this.topics[slot]} ${this.languages[slot]} ${this.modes[slot]} ${this.local[slot]} ${this.hasConflicts[slot]} ${m[at]} ${m[at + 1]} ${m[at + 2]} ${m[at + 3]}`;
  }

  private computeMentorOnly(slot: number): void {
    const at = slot * 4;
    const days = this.freeInDays[slot]!;
    this.open[slot] = this.status[slot] === STATUS_CODES.active && this.activeMentees[slot]! < this.maxActiveMentees[slot]! && days < FREE_TIME_HORIZON_DAYS ? 1 : 0;
    this.mentorOnly[at] = days >= FREE_TIME_HORIZON_DAYS ? 0 : 1 - days / FREE_TIME_HORIZON_DAYS;
    const places = this.maxActiveMentees[slot]!;
    this.mentorOnly[at + 1] = places === 0 ? 0 : Math.max(0, 1 - this.activeMentees[slot]! / places);
    const rating = this.rating[slot]!;
    this.mentorOnly[at + 2] = Number.isNaN(rating) ? 0.5 : Math.min(1, Math.max(0, (rating - 1) / 4));
    const hours = this.responseHours[slot]!;
    this.mentorOnly[at + 3] = Number.isNaN(hours) ? 0.5 : Math.min(1, Math.max(0, 1 - hours / (this.responseDays[slot]! * 24)));
  }

  /** True when the mentor must never be matched with this startup. */
  conflictsWith(slot: number, startupId: string, enterpriseCode: string | null): boolean {
    if (!this.hasConflicts[slot]) return false;
    const { startupIds, enterpriseCodes } = this.details[slot]!.conflicts;
    return startupIds.includes(startupId) || (enterpriseCode !== null && enterpriseCodes.includes(enterpriseCode));
  }

  private daysUntilFree(availability: AvailabilityProfile, now: Date): number {
    if (this.freeTimeAsOf.getTime() === 0) this.freeTimeAsOf = now;
    const start = firstFreeStart(availability, now, FREE_TIME_HORIZON_DAYS);
    return start ? Math.max(0, (start.getTime() - this.freeTimeAsOf.getTime()) / 86_400_000) : Number.POSITIVE_INFINITY;
  }

  private ensureCapacity(wanted: number): void {
    if (wanted <= this.removed.length) return;
    const length = Math.max(64, this.removed.length * 2, wanted);
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(length);
      next.set(old);
      return next;
    };
    this.removed = grow(this.removed, (n) => new Uint8Array(n));
    this.status = grow(this.status, (n) => new Uint8Array(n));
    this.sectors = grow(this.sectors, (n) => new Uint16Array(n));
    this.stages = grow(this.stages, (n) => new Uint8Array(n));
    this.topics = grow(this.topics, (n) => new Uint16Array(n));
    this.languages = grow(this.languages, (n) => new Uint32Array(n));
    this.modes = grow(this.modes, (n) => new Uint8Array(n));
    this.local = grow(this.local, (n) => new Uint8Array(n));
    this.activeMentees = grow(this.activeMentees, (n) => new Uint16Array(n));
    this.maxActiveMentees = grow(this.maxActiveMentees, (n) => new Uint16Array(n));
    this.rating = grow(this.rating, (n) => new Float32Array(n));
    this.responseHours = grow(this.responseHours, (n) => new Float32Array(n));
    this.responseDays = grow(this.responseDays, (n) => new Uint8Array(n));
    this.freeInDays = grow(this.freeInDays, (n) => new Float32Array(n));
    this.hasConflicts = grow(this.hasConflicts, (n) => new Uint8Array(n));
    this.open = grow(this.open, (n) => new Uint8Array(n));
    this.updatedAt = grow(this.updatedAt, (n) => new Float64Array(n));
    const mentorOnly = new Float64Array(length * 4);
    mentorOnly.set(this.mentorOnly);
    this.mentorOnly = mentorOnly;
  }
}

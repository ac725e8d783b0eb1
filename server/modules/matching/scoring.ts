/**
 * Ranking (SPEC §4), pure: hard filters first, each with a reason code;
 * then a 0–100 score, the weighted mean of seven criteria in [0, 1]:
 *
 * - sectorFit: the share of the startup's sectors the mentor covers;
 * - stageFit: 1 for the startup's stage, ½ for a neighbouring stage or a
 *   mentor who names no stage, else 0;
 * - topicOverlap: the share of the asked topics (else the startup's needs)
 *   the mentor knows;
 * - availabilitySoon: 1 − days until the first free session / 21;
 * - loadBalance: the share of the mentor's mentee places still free;
 * - rating: (rating − 1) / 4, ½ while unrated;
 * - responsiveness: 1 − median answer time / the mentor's answer window,
 *   ½ before a first answer.
 *
 * Each criterion's contribution is 100 × weight × value / Σ weights, so the
 * score rises with every criterion and the contributions add up to it.
 * Order: score descending, then mentor id ascending, so equal inputs give
 * equal order. The scan keeps the best `limit` by insertion (no sort of
 * thousands) and builds explanations for those only. Without
 * `explain=excluded` it visits open mentors best mentor-only points first
 * and stops once no one left can reach the top `limit` (rankByBound).
 */
import type { MatchingWeights, WeightName } from '../cohorts/matching-weights.js';
import { FREE_TIME_HORIZON_DAYS, SHARED_LANGUAGE_BIT, STATUS_CODES, type CandidateIndex } from './candidate-index.js';

export const CRITERIA = ['sectorFit', 'stageFit', 'topicOverlap', 'availabilitySoon', 'loadBalance', 'rating', 'responsiveness'] as const satisfies readonly WeightName[];
export type Criterion = (typeof CRITERIA)[number];

/** Why a hard filter removed a mentor, in the order they are checked and listed. */
export const EXCLUSION_REASONS = [
  'inactive',
  'at_capacity',
  'conflict_of_interest',
  'no_shared_language',
  'no_free_time',
  'mode_location',
  'already_requested',
  'already_mentoring',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export type MeetingMode = 'online' | 'offline' | 'any';

/** Who is being matched, in the index's terms. */
export interface MatchQuery {
  startupId: string;
  enterpriseCode: string | null;
  sectors: number;
  /** Index into STAGE_CODES. */
  stage: number;
  /** The topics asked for (or the startup's needs). */
  topics: number;
  /** Language mask from `index.languageMask(languageCodes)`. */
  languages: number;
  languageCodes: readonly string[];
  mode: MeetingMode;
  /** Mentors with an open request from this startup. */
  requested: ReadonlySet<string>;
  /** Mentors already mentoring this startup. */
  mentoring: ReadonlySet<string>;
}

/** The value of each criterion for one pair, in [0, 1], in CRITERIA order. */
export type CriterionValues = Float64Array;

const popcount = (n: number) => {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

/** Bits set in each 16-bit value (sector and topic masks are 16 bits). */
const BITS = Uint8Array.from({ length: 1 << 16 }, (_, n) => popcount(n));

/** A share criterion: `shared / wanted` bits, 0 when nothing is wanted. */
const share = (shared: number, wanted: number) => (wanted === 0 ? 0 : shared / wanted);

/** stageFit: 1 for the stage, ½ for a neighbouring stage or a mentor who names none, else 0. */
const stageFit = (stages: number, stage: number) => (stages === 0 ? 0.5 : stages & (1 << stage) ? 1 : stages & ((1 << (stage + 1)) | (1 << (stage - 1))) ? 0.5 : 0);

/** `share` for every number of shared bits, so the scan looks values up (the same numbers). */
function shareTable(wanted: number): Float64Array {
  const count = BITS[wanted]!;
  const table = new Float64Array(17);
  for (let shared = 0; shared <= 16; shared++) table[shared] = share(shared, count);
  return table;
}

/** `stageFit` for every mentor stage mask. */
function stageTable(stage: number): Float64Array {
  const table = new Float64Array(256);
  for (let stages = 0; stages < 256; stages++) table[stages] = stageFit(stages, stage);
  return table;
}

/** Fills `out` with the criteria of mentor `slot` for `query`. */
export function criterionValues(index: CandidateIndex, slot: number, query: MatchQuery, out: CriterionValues): CriterionValues {
  out[0] = share(BITS[index.sectors[slot]! & query.sectors]!, BITS[query.sectors]!);
  out[1] = stageFit(index.stages[slot]!, query.stage);
  out[2] = share(BITS[index.topics[slot]! & query.topics]!, BITS[query.topics]!);
  const mentorOnly = index.mentorOnly;
  const at = slot * 4;
  out[3] = mentorOnly[at]!;
  out[4] = mentorOnly[at + 1]!;
  out[5] = mentorOnly[at + 2]!;
  out[6] = mentorOnly[at + 3]!;
  return out;
}

/** Weights in CRITERIA order, divided by their sum (all zero → equal weights). */
export function normalizedWeights(weights: MatchingWeights): Float64Array {
  const raw = CRITERIA.map((name) => Math.max(0, weights[name]));
  const sum = raw.reduce((a, b) => a + b, 0);
  return Float64Array.from(raw, (w) => (sum === 0 ? 1 / CRITERIA.length : w / sum));
}

/** The score 0–100 of criterion values under normalized weights. */
export function scoreOf(values: CriterionValues, weights: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < CRITERIA.length; i++) sum += weights[i]! * values[i]!;
  return 100 * sum;
}

/** Writes into `out` every hard filter mentor `slot` fails for `query`; returns how many. */
export function exclusionsOf(index: CandidateIndex, slot: number, query: MatchQuery, out: ExclusionReason[]): number {
  out.length = 0;
  if (index.status[slot] !== STATUS_CODES.active) out.push('inactive');
  if (index.activeMentees[slot]! >= index.maxActiveMentees[slot]!) out.push('at_capacity');
  if (index.conflictsWith(slot, query.startupId, query.enterpriseCode)) out.push('conflict_of_interest');
  if (!index.speaksAny(slot, query.languages, query.languageCodes)) out.push('no_shared_language');
  if (index.freeInDays[slot]! >= FREE_TIME_HORIZON_DAYS) out.push('no_free_time');
  if (!servesMode(index, slot, query.mode)) out.push('mode_location');
  const id = index.ids[slot]!;
  if (query.requested.has(id)) out.push('already_requested');
  if (query.mentoring.has(id)) out.push('already_mentoring');
  return out.length;
}

function servesMode(index: CandidateIndex, slot: number, mode: MeetingMode): boolean {
  if (mode === 'online') return (index.modes[slot]! & 1) !== 0;
  if (mode === 'offline') return (index.modes[slot]! & 2) !== 0 && index.local[slot] === 1;
  return true;
}

/** A ranked mentor: the slot, the score and each criterion's value. */
export interface RankedSlot {
  slot: number;
  score: number;
  values: CriterionValues;
}

/** A mentor a hard filter removed, with every reason, and the score it would have had. */
export interface ExcludedSlot extends RankedSlot {
  reasons: ExclusionReason[];
}

export interface Ranking {
  ranked: RankedSlot[];
  /** Filled when asked: the best-scoring excluded mentors, and how many each reason removed. */
  excluded?: { items: ExcludedSlot[]; counts: Record<ExclusionReason, number> };
  /** Mentors considered (inactive ones only when `includeInactive`; none a hidden conflict excludes). */
  considered: number;
}

export interface RankOptions {
  limit: number;
  /** Also report excluded mentors (`explain=excluded`). */
  explainExcluded: boolean;
  /** Count pending and paused mentors among the excluded (staff only). */
  includeInactive: boolean;
  /** Leave out, even from `considered`, every mentor a conflict of interest excludes (for callers who may not see conflicts). */
  hideConflicts?: boolean;
}

/**
 * Keeps the best `limit` of (score, slot) pairs, best first: score
 * descending, then mentor id ascending.
 */
class TopK {
  readonly scores: Float64Array;
  readonly slots: Int32Array;
  count = 0;

  constructor(
    readonly limit: number,
    private readonly ids: readonly string[],
  ) {
    this.scores = new Float64Array(limit);
    this.slots = new Int32Array(limit);
  }

  private before(score: number, slot: number, at: number): boolean {
    const other = this.scores[at]!;
    return score > other || (score === other && this.ids[slot]! < this.ids[this.slots[at]!]!);
  }

  offer(score: number, slot: number): void {
    if (this.limit === 0) return;
    if (this.count === this.limit && !this.before(score, slot, this.count - 1)) return;
    let at = this.count < this.limit ? this.count++ : this.count - 1;
    while (at > 0 && this.before(score, slot, at - 1)) {
      this.scores[at] = this.scores[at - 1]!;
      this.slots[at] = this.slots[at - 1]!;
      at--;
    }
    this.scores[at] = score;
    this.slots[at] = slot;
  }
}

/**
 * The slots of `query.requested` and `query.mentoring` (a handful of
 * mentors), so that the scan checks a number, not a set of strings.
 */
function blockedSlots(index: CandidateIndex, query: MatchQuery): Set<number> {
  const blocked = new Set<number>();
  for (const ids of [query.requested, query.mentoring]) {
    for (const id of ids) {
      const slot = index.slot(id);
      if (slot >= 0) blocked.add(slot);
    }
  }
  return blocked;
}

/**
 * `scoreOf(criterionValues(…))` from a pair's first three values and the
 * mentor's four at `mentorOnly[at…]`: the same values added in the same
 * order, so the scans give bit-equal scores.
 */
function pairScore(w: Float64Array, sector: number, stage: number, topic: number, mentorOnly: Float64Array, at: number): number {
  let sum = 0;
  sum += w[0]! * sector;
  sum += w[1]! * stage;
  sum += w[2]! * topic;
  sum += w[3]! * mentorOnly[at]!;
  sum += w[4]! * mentorOnly[at + 1]!;
  sum += w[5]! * mentorOnly[at + 2]!;
  sum += w[6]! * mentorOnly[at + 3]!;
  return 100 * sum;
}

/** The query's side of the first three criteria, as tables (the same values criterionValues computes). */
function queryTables(query: MatchQuery) {
  return { sectorValue: shareTable(query.sectors), topicValue: shareTable(query.topics), stageValue: stageTable(query.stage) };
}

/**
 * Ranks the mentors of the index for `query`: by `rankByBound`, or, to
 * explain the excluded too, by `rankByScan`. Both give the same ranked
 * list and count.
 */
export function rank(index: CandidateIndex, query: MatchQuery, weights: MatchingWeights, options: RankOptions): Ranking {
  return options.explainExcluded ? rankByScan(index, query, weights, options) : rankByBound(index, query, weights, options);
}

/**
 * Ranks every mentor of the index for `query`. One pass over the typed
 * arrays: a mentor who passes every hard filter is scored inline (the same
 * arithmetic as `criterionValues` and `scoreOf`, so equal inputs give
 * bit-equal scores) and offered to the top-k; only excluded mentors, and
 * only when they are to be explained, go through `exclusionsOf`.
 */
export function rankByScan(index: CandidateIndex, query: MatchQuery, weights: MatchingWeights, options: RankOptions): Ranking {
  const w = normalizedWeights(weights);
  const reasons: ExclusionReason[] = [];
  const top = new TopK(options.limit, index.ids);
  const excludedTop = new TopK(options.explainExcluded ? options.limit : 0, index.ids);
  const counts = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  const scratch = new Float64Array(CRITERIA.length);
  let considered = 0;

  const { removed, status, open, languages, modes, local, hasConflicts, sectors, stages, topics, mentorOnly } = index;
  const blocked = blockedSlots(index, query);
  const active = STATUS_CODES.active;
  const { sectorValue, topicValue, stageValue } = queryTables(query);
  const qSectors = query.sectors;
  const qTopics = query.topics;
  const qLanguages = query.languages;
  const needOnline = query.mode === 'online';
  const needOffline = query.mode === 'offline';

  for (let slot = 0; slot < index.size; slot++) {
    if (removed[slot]) continue;
    if (status[slot] !== active && !options.includeInactive) continue;
    const spoken = (languages[slot]! & qLanguages) >>> 0;
    let passes =
      open[slot] === 1 &&
      spoken !== 0 &&
      (blocked.size === 0 || !blocked.has(slot)) &&
      (needOnline ? (modes[slot]! & 1) !== 0 : needOffline ? (modes[slot]! & 2) !== 0 && local[slot] === 1 : true);
    if (passes && hasConflicts[slot] && index.conflictsWith(slot, query.startupId, query.enterpriseCode)) passes = false;
    if (passes && spoken === SHARED_LANGUAGE_BIT) passes = index.speaksAny(slot, qLanguages, query.languageCodes);

    if (!passes) {
      const conflicted = hasConflicts[slot] === 1 && index.conflictsWith(slot, query.startupId, query.enterpriseCode);
      if (conflicted && options.hideConflicts) continue;
      considered++;
      if (!options.explainExcluded) continue;
      exclusionsOf(index, slot, query, reasons);
      for (const reason of reasons) counts[reason]++;
      excludedTop.offer(scoreOf(criterionValues(index, slot, query, scratch), w), slot);
      continue;
    }
    considered++;

    top.offer(pairScore(w, sectorValue[BITS[sectors[slot]! & qSectors]!]!, stageValue[stages[slot]!]!, topicValue[BITS[topics[slot]! & qTopics]!]!, mentorOnly, slot * 4), slot);
  }
  return finish(index, query, top, excludedTop, options.explainExcluded ? counts : undefined, considered);
}

/** Margin for the bound against the rounding of a sum added in another order: far above it, far below a shown point. */
const BOUND_MARGIN = 1e-9;

/**
 * `rankByScan`'s ranked list and count without visiting everyone: the open
 * mentors are kept ordered by their mentor-only points under the weights
 * (boundOrder), and a mentor can score at most those points plus the best
 * the query's three criteria allow. Visiting in that order, the scan stops
 * at the first mentor whose best possible score is below the current
 * `limit`-th, since everyone after them scores lower still. The count comes
 * from the index's census, not from the visit.
 */
export function rankByBound(index: CandidateIndex, query: MatchQuery, weights: MatchingWeights, options: RankOptions): Ranking {
  const w = normalizedWeights(weights);
  const [w0, w1, w2, w3, w4, w5, w6] = [w[0]!, w[1]!, w[2]!, w[3]!, w[4]!, w[5]!, w[6]!];
  const top = new TopK(options.limit, index.ids);
  const order = boundOrder(index, w);
  const { slots, points, sectors, stages, topics, languages, flags, mentorOnly } = order;
  const blocked = blockedSlots(index, query);
  const { sectorValue, topicValue, stageValue } = queryTables(query);
  // The most the query's criteria can give: every wanted sector and topic shared, the stage itself.
  const queryBest = w0 * sectorValue[BITS[query.sectors]!]! + w1 * Math.max(...stageValue) + w2 * topicValue[BITS[query.topics]!]!;
  const qSectors = query.sectors;
  const qTopics = query.topics;
  const qLanguages = query.languages;
  // Flags a mentor must have for the meeting mode (see BoundOrder.flags).
  const needFlags = query.mode === 'online' ? FLAG_ONLINE : query.mode === 'offline' ? FLAG_OFFLINE | FLAG_LOCAL : 0;
  const limit = options.limit;

  for (let i = 0; limit > 0 && i < slots.length; i++) {
    if (top.count === limit && 100 * (points[i]! + queryBest) < top.scores[limit - 1]! - BOUND_MARGIN) break;
    const spoken = (languages[i]! & qLanguages) >>> 0;
    const flag = flags[i]!;
    if (spoken === 0 || (flag & needFlags) !== needFlags) continue;
    const slot = slots[i]!;
    if (blocked.size !== 0 && blocked.has(slot)) continue;
    if (flag & FLAG_CONFLICTS && index.conflictsWith(slot, query.startupId, query.enterpriseCode)) continue;
    if (spoken === SHARED_LANGUAGE_BIT && !index.speaksAny(slot, qLanguages, query.languageCodes)) continue;

    // pairScore, inline (this is the hot loop): the same values, added in the same order.
    const at = i * 4;
    let sum = 0;
    sum += w0 * sectorValue[BITS[sectors[i]! & qSectors]!]!;
    sum += w1 * stageValue[stages[i]!]!;
    sum += w2 * topicValue[BITS[topics[i]! & qTopics]!]!;
    sum += w3 * mentorOnly[at]!;
    sum += w4 * mentorOnly[at + 1]!;
    sum += w5 * mentorOnly[at + 2]!;
    sum += w6 * mentorOnly[at + 3]!;
    top.offer(100 * sum, slot);
  }
  return finish(index, query, top, new TopK(0, index.ids), undefined, considered(index, query, options));
}

const FLAG_ONLINE = 1;
const FLAG_OFFLINE = 2;
const FLAG_LOCAL = 4;
const FLAG_CONFLICTS = 8;

/**
 * Open mentors by mentor-only points under one set of weights, best first
 * (ties by slot), as of one index version; with a copy of what the scan
 * reads, in that order, so that it reads memory front to back.
 */
interface BoundOrder {
  version: number;
  slots: Int32Array;
  /** Σ weight × value over the four mentor-only criteria, of each slot in `slots`. */
  points: Float64Array;
  sectors: Uint16Array;
  stages: Uint8Array;
  topics: Uint16Array;
  languages: Uint32Array;
  /** FLAG_ONLINE and FLAG_OFFLINE from the meeting modes, FLAG_LOCAL, FLAG_CONFLICTS. */
  flags: Uint8Array;
  mentorOnly: Float64Array;
}

/** Weights in use at once: the defaults and a few cohorts'. Past this, the least recently built order goes. */
const ORDERS_PER_INDEX = 16;
const orders = new WeakMap<CandidateIndex, Map<string, BoundOrder>>();

/** The order for these weights, rebuilt when the index changed since (a few milliseconds for 10,000 mentors). */
function boundOrder(index: CandidateIndex, w: Float64Array): BoundOrder {
  let byWeights = orders.get(index);
  if (!byWeights) orders.set(index, (byWeights = new Map()));
  const key = w.join(',');
  const cached = byWeights.get(key);
  if (cached && cached.version === index.version) return cached;

  const { removed, open, mentorOnly } = index;
  const [w3, w4, w5, w6] = [w[3]!, w[4]!, w[5]!, w[6]!];
  const pointsOf = new Float64Array(index.size);
  const chosen: number[] = [];
  for (let slot = 0; slot < index.size; slot++) {
    if (removed[slot] || open[slot] !== 1) continue; // never passes: inactive, full or no free time
    const at = slot * 4;
    pointsOf[slot] = w3 * mentorOnly[at]! + w4 * mentorOnly[at + 1]! + w5 * mentorOnly[at + 2]! + w6 * mentorOnly[at + 3]!;
    chosen.push(slot);
  }
  const slots = Int32Array.from(chosen).sort((a, b) => pointsOf[b]! - pointsOf[a]! || a - b);
  const order: BoundOrder = {
    version: index.version,
    slots,
    points: Float64Array.from(slots, (slot) => pointsOf[slot]!),
    sectors: Uint16Array.from(slots, (slot) => index.sectors[slot]!),
    stages: Uint8Array.from(slots, (slot) => index.stages[slot]!),
    topics: Uint16Array.from(slots, (slot) => index.topics[slot]!),
    languages: Uint32Array.from(slots, (slot) => index.languages[slot]!),
    flags: Uint8Array.from(slots, (slot) => (index.modes[slot]! & 3) | (index.local[slot] ? FLAG_LOCAL : 0) | (index.hasConflicts[slot] ? FLAG_CONFLICTS : 0)),
    mentorOnly: new Float64Array(slots.length * 4),
  };
  slots.forEach((slot, i) => order.mentorOnly.set(mentorOnly.subarray(slot * 4, slot * 4 + 4), i * 4));
  byWeights.delete(key);
  if (byWeights.size >= ORDERS_PER_INDEX) byWeights.delete(byWeights.keys().next().value!);
  byWeights.set(key, order);
  return order;
}

/** How many mentors of each kind the index holds, as of one version. */
interface Census {
  version: number;
  active: number;
  all: number;
  /** Slots with a conflict of interest listed (active ones first counted in `active`). */
  conflicted: Int32Array;
}
const censuses = new WeakMap<CandidateIndex, Census>();

/** `rankByScan`'s `considered`: mentors of the statuses asked, less those a hidden conflict removes. */
function considered(index: CandidateIndex, query: MatchQuery, options: RankOptions): number {
  let census = censuses.get(index);
  if (!census || census.version !== index.version) {
    let active = 0;
    let all = 0;
    const conflicted: number[] = [];
    for (let slot = 0; slot < index.size; slot++) {
      if (index.removed[slot]) continue;
      all++;
      if (index.status[slot] === STATUS_CODES.active) active++;
      if (index.hasConflicts[slot]) conflicted.push(slot);
    }
    censuses.set(index, (census = { version: index.version, active, all, conflicted: Int32Array.from(conflicted) }));
  }
  let count = options.includeInactive ? census.all : census.active;
  if (options.hideConflicts) {
    for (const slot of census.conflicted) {
      const counted = options.includeInactive || index.status[slot] === STATUS_CODES.active;
      if (counted && index.conflictsWith(slot, query.startupId, query.enterpriseCode)) count--;
    }
  }
  return count;
}

/** The ranking's explained lists, from the top-k of each kind. */
function finish(
  index: CandidateIndex,
  query: MatchQuery,
  top: TopK,
  excludedTop: TopK,
  counts: Record<ExclusionReason, number> | undefined,
  considered: number,
): Ranking {
  const reasons: ExclusionReason[] = [];
  const ranked = Array.from({ length: top.count }, (_, i) => ({
    slot: top.slots[i]!,
    score: top.scores[i]!,
    values: criterionValues(index, top.slots[i]!, query, new Float64Array(CRITERIA.length)),
  }));
  const ranking: Ranking = { ranked, considered };
  if (counts) {
    const items = Array.from({ length: excludedTop.count }, (_, i) => {
      const slot = excludedTop.slots[i]!;
      return {
        slot,
        score: excludedTop.scores[i]!,
        values: criterionValues(index, slot, query, new Float64Array(CRITERIA.length)),
        reasons: [...(exclusionsOf(index, slot, query, reasons), reasons)],
      };
    });
    ranking.excluded = { items, counts };
  }
  return ranking;
}

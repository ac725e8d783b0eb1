/**
 * Cohort-wide mentor assignment: give every startup up to its demand of
 * mentors, within each mentor's remaining capacity and the hard filters, so
 * that the total score is as high as it can be — exactly, not greedily — and,
 * for the manager's comparison, what a greedy pass would have given.
 *
 * The exact method is a min-cost flow. Startup s supplies demand[s] units;
 * the sink takes all of them, either through a mentor (arc s→m, capacity 1,
 * cost (1000 − score)·W; arc m→sink, capacity capacity[m], cost 0) or
 * through s's own "unserved" arc (capacity demand[s], cost 1000·W + 1), with
 * W = Σdemand + 1. The flow value is therefore always Σdemand, and a flow with
 * P pairs of total score S and U = Σdemand − P unserved units costs
 * W·(1000·Σdemand − S) + U. Since U < W, the cheapest flow has the highest S
 * and, among those, the fewest unserved units (most pairs): the lexicographic
 * objective, with integer costs.
 *
 * It is solved by successive shortest paths with potentials π (reduced cost
 * c(u,v) + π(u) − π(v) ≥ 0 on every residual arc; all costs start ≥ 0, so
 * π = 0 is valid): one Dijkstra per unit of supply, from that startup, stopped
 * as soon as the sink is settled, then π(v) += dist(v) − dist(sink) on the
 * settled nodes only (the usual Jonker–Volgenant form; the others would shift
 * by 0). A single-source search is used instead of a primal–dual blocking
 * flow because in a cohort most units reach a mentor with room in two arcs,
 * so each search settles a handful of nodes; the contested ones pay for a
 * longer search only where the contest is.
 *
 * Three million pairs cannot all be arcs, so each startup keeps only its
 * top-T eligible mentors (by score, then lower index) and the flow is solved
 * on that subgraph. The result is then certified on the whole problem: every
 * pruned pair must have c(s,m) + π(s) − π(m) ≥ 0 under the final potentials.
 * Why that proves optimality (complementary slackness): every feasible
 * assignment is a flow of the same value Σdemand (the unserved arcs absorb the
 * rest), and the difference of two such flows splits into cycles of the
 * residual graph; a pruned pair carries no flow, so its only residual arc is
 * s→m; when every residual arc of the full graph has a non-negative reduced
 * cost, every such cycle costs ≥ 0 (potentials cancel around a cycle), so no
 * other assignment is cheaper. Otherwise (column generation) each violating
 * row takes its most violating pairs, at most T of them, T doubling each time
 * the row violates again, and the flow is solved again from scratch; rows only
 * grow, so this ends, and the doubling keeps the rounds few. The check is
 * cheap: a pruned pair scores at most the row's highest pruned score, so only
 * mentors whose π exceeds π(s) plus that bound can violate; mentors are
 * scanned in descending π and the scan stops early (mentors with room keep
 * π = 0, so in a cohort with spare capacity most rows stop at once).
 *
 * The flow is routed from the scarcer side. When the startups could place
 * more units than the mentors could take (Σ min(demand, eligible mentors) >
 * Σ min(capacity, eligible startups)), the same solver runs on the transposed
 * problem — mentors supplying capacity, startups absorbing demand, the same
 * pairs, scores and objective — and its pairs are read back. Searches from the
 * scarce side mostly end at a partner with room in two arcs; from the
 * crowded side each unit would have to out-price the whole queue (measured:
 * 3,000 × 3,000, k = 2, 4.7 s routed from startups, 1.7 s from mentors).
 *
 * Measured (bench/assignment-optimizer.ts, 1,000 × 3,000, k = 2, 2 cores):
 * about 0.1–0.25 s, one round. Slowest when the market is both full and
 * degenerate — every startup ranking mentors almost alike. Runway's default
 * weights (two thirds on pair fit) do not produce that; a cohort weighted
 * mostly on the mentor-only criteria (availability, load, rating,
 * responsiveness) would: then every search crosses most of the market, and
 * 1,000 × 3,000 with 80–100% of the score shared by all startups took 6–16 s.
 *
 * Costs and potentials are doubles holding integers: exact while
 * 1000·W·(startups + mentors) stays below 2^53.
 */

/** One cohort-wide assignment problem. Startups and mentors are numbered 0..n-1. */
export interface AssignmentProblem {
  startupCount: number;
  mentorCount: number;
  /** How many more mentors each startup should get (0..k), one entry per startup. */
  demand: Int32Array;
  /** How many more mentees each mentor may take (>= 0), one entry per mentor. */
  capacity: Int32Array;
  /**
   * The pair's score in tenths of a point, an integer 0..1000, or -1 when a hard
   * filter excludes the pair. Pure and cheap; called O(startups × mentors) times.
   */
  score(startup: number, mentor: number): number;
}

export interface Assignment {
  /** mentorsOf[s]: the mentors given to startup s, best score first (ties: lower mentor index first). */
  mentorsOf: Int32Array[];
  /** Sum of the scores of every assigned pair (tenths of a point). */
  total: number;
  /** Assigned pairs in all. */
  pairCount: number;
  /** unserved[s] = demand[s] - mentorsOf[s].length. */
  unserved: Int32Array;
}

const MAX_SCORE = 1000;
const EXCLUDED = -1;

/**
 * The assignment with the highest total score, then the most pairs; deterministic.
 * `options.candidatesPerStartup` fixes T, the mentors kept per startup before
 * certification (default 10·demand + 10), or per mentor (10·capacity + 10)
 * when the mentors are the scarcer side and the flow is routed from them; the
 * result is exact for any T ≥ 1, only the time changes. Tests use a small T
 * to force the certificate path.
 */
export function optimalAssignment(original: AssignmentProblem, options?: { candidatesPerStartup?: number }): Assignment {
  checkShape(original);
  const problem = withReachableLimits(original);
  const candidatesPerRow = options?.candidatesPerStartup;
  const startupRows = new CandidateRows(problem, candidatesPerRow);
  if (startupRows.usableSupply <= startupRows.usableRoom) {
    const { mentorsOf, total } = solveFromRows(problem, startupRows);
    return finish(mentorsOf, total, original.demand);
  }
  // Mentors are the scarcer side: route their capacity to startups instead, then read the pairs back.
  const byMentor: AssignmentProblem = {
    startupCount: problem.mentorCount,
    mentorCount: problem.startupCount,
    demand: problem.capacity,
    capacity: problem.demand,
    score: (mentor, startup) => problem.score(startup, mentor),
  };
  const startupsOf = solveFromRows(byMentor, new CandidateRows(byMentor, candidatesPerRow)).mentorsOf;
  const keysOf: number[][] = Array.from({ length: problem.startupCount }, () => []);
  let total = 0;
  for (let m = 0; m < problem.mentorCount; m++) {
    for (const s of startupsOf[m]!) {
      const score = checkedScore(problem, s, m);
      total += score;
      keysOf[s]!.push((MAX_SCORE - score) * problem.mentorCount + m);
    }
  }
  const mentorsOf = keysOf.map((keys) => Int32Array.from(keys.sort((x, y) => x - y), (key) => key % problem.mentorCount));
  return finish(mentorsOf, total, original.demand);
}

/**
 * The same problem with demand capped at the mentor count and capacity at the
 * startup count (no pair repeats, so nothing beyond is reachable): a "no limit"
 * capacity would otherwise inflate the cost weight W past exact doubles.
 */
function withReachableLimits(problem: AssignmentProblem): AssignmentProblem {
  const { startupCount, mentorCount, demand, capacity } = problem;
  if (demand.every((d) => d <= mentorCount) && capacity.every((c) => c <= startupCount)) return problem;
  return {
    startupCount,
    mentorCount,
    demand: demand.map((d) => Math.min(d, mentorCount)),
    capacity: capacity.map((c) => Math.min(c, startupCount)),
    score: (s, m) => problem.score(s, m),
  };
}

/** Solves on the kept rows, adding pruned pairs until the potentials certify the result on the whole problem. */
function solveFromRows(problem: AssignmentProblem, rows: CandidateRows): Assignment {
  const unitWeight = sumOf(problem.demand) + 1;
  for (;;) {
    const network = buildNetwork(problem, rows, unitWeight);
    routeAllDemand(network, problem.demand, problem.startupCount);
    if (rows.addViolatingPairs(network.potential, unitWeight) === 0) return readAssignment(problem, network, unitWeight);
  }
}

/**
 * The greedy proposal: eligible pairs by score descending (ties: lower startup,
 * then lower mentor index), each taken while its startup has demand and its
 * mentor capacity. Holds every pair's score (2 bytes) and the order of the
 * eligible ones (4 bytes) in memory.
 */
export function greedyAssignment(problem: AssignmentProblem): Assignment {
  checkShape(problem);
  const { startupCount, mentorCount, demand, capacity } = problem;
  const pairTotal = startupCount * mentorCount;
  if (pairTotal > 2 ** 31 - 1) throw new RangeError(`too many pairs for the greedy pass: ${pairTotal}`);
  const scores = new Int16Array(pairTotal);
  const perScore = new Int32Array(MAX_SCORE + 1);
  for (let s = 0; s < startupCount; s++) {
    const rowStart = s * mentorCount;
    const wanted = demand[s]! > 0;
    for (let m = 0; m < mentorCount; m++) {
      const score = checkedScore(problem, s, m);
      scores[rowStart + m] = score;
      if (wanted && score !== EXCLUDED && capacity[m]! > 0) perScore[score]!++;
    }
  }
  // A counting sort: pairs of one score stay in (startup, mentor) order, which is the tie rule.
  const nextSlot = new Int32Array(MAX_SCORE + 1);
  let eligibleCount = 0;
  for (let score = MAX_SCORE; score >= 0; score--) {
    nextSlot[score] = eligibleCount;
    eligibleCount += perScore[score]!;
  }
  const order = new Int32Array(eligibleCount);
  for (let s = 0; s < startupCount; s++) {
    if (demand[s]! === 0) continue;
    const rowStart = s * mentorCount;
    for (let m = 0; m < mentorCount; m++) {
      const score = scores[rowStart + m]!;
      if (score !== EXCLUDED && capacity[m]! > 0) order[nextSlot[score]!++] = rowStart + m;
    }
  }

  const demandLeft = Int32Array.from(demand);
  const capacityLeft = Int32Array.from(capacity);
  const taken: number[][] = Array.from({ length: startupCount }, () => []);
  let stillWanted = sumOf(demand);
  for (let i = 0; i < eligibleCount && stillWanted > 0; i++) {
    const pair = order[i]!;
    const s = Math.floor(pair / mentorCount);
    const m = pair - s * mentorCount;
    if (demandLeft[s]! === 0 || capacityLeft[m]! === 0) continue;
    demandLeft[s]!--;
    capacityLeft[m]!--;
    stillWanted--;
    taken[s]!.push(m);
  }
  // Taken in score order, and within a score in mentor order: already the documented order.
  const mentorsOf = taken.map((mentors) => Int32Array.from(mentors));
  let total = 0;
  for (let s = 0; s < startupCount; s++) for (const m of mentorsOf[s]!) total += scores[s * mentorCount + m]!;
  return finish(mentorsOf, total, demand);
}

function checkShape(problem: AssignmentProblem): void {
  const { startupCount, mentorCount, demand, capacity } = problem;
  if (!Number.isInteger(startupCount) || startupCount < 0 || demand.length !== startupCount) {
    throw new RangeError(`demand must have one entry per startup (${startupCount}), has ${demand.length}`);
  }
  if (!Number.isInteger(mentorCount) || mentorCount < 0 || capacity.length !== mentorCount) {
    throw new RangeError(`capacity must have one entry per mentor (${mentorCount}), has ${capacity.length}`);
  }
  if (demand.some((d) => d < 0)) throw new RangeError('demand must be >= 0');
  if (capacity.some((c) => c < 0)) throw new RangeError('capacity must be >= 0');
}

function checkedScore(problem: AssignmentProblem, s: number, m: number): number {
  const score = problem.score(s, m);
  // A score outside the contract would silently break the cost encoding, so it is refused.
  if ((score | 0) !== score || score < EXCLUDED || score > MAX_SCORE) {
    throw new RangeError(`score(${s}, ${m}) = ${score}: expected an integer 0..${MAX_SCORE} or ${EXCLUDED}`);
  }
  return score;
}

function sumOf(values: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum;
}

function finish(mentorsOf: Int32Array[], total: number, demand: Int32Array): Assignment {
  const unserved = new Int32Array(demand.length);
  let pairCount = 0;
  for (let s = 0; s < demand.length; s++) {
    unserved[s] = demand[s]! - mentorsOf[s]!.length;
    pairCount += mentorsOf[s]!.length;
  }
  return { mentorsOf, total, pairCount, unserved };
}

/**
 * Each startup's kept mentors: the top `limit[s]` eligible ones by score, then
 * lower index, stored best first. Startups without demand and mentors without
 * capacity can never form a pair, so they are left out altogether.
 */
class CandidateRows {
  readonly mentors: Int32Array[];
  readonly scores: Int32Array[];
  /** Highest score among the row's pruned eligible pairs; -1 when nothing was pruned. */
  private readonly highestPruned: Int32Array;
  private readonly limit: Int32Array;
  private readonly rowScores: Int16Array;
  private readonly perScore: Int32Array;
  /** Units the startups could place at all: Σ min(demand, eligible mentors). */
  readonly usableSupply: number;
  /** Units the mentors could take at all: Σ min(capacity, eligible startups with demand). */
  readonly usableRoom: number;

  constructor(
    private readonly problem: AssignmentProblem,
    candidatesPerStartup: number | undefined,
  ) {
    const { startupCount, mentorCount, demand } = problem;
    if (candidatesPerStartup !== undefined && !(Number.isInteger(candidatesPerStartup) && candidatesPerStartup >= 1)) {
      throw new RangeError(`candidatesPerStartup must be an integer >= 1, got ${candidatesPerStartup}`);
    }
    this.mentors = new Array<Int32Array>(startupCount);
    this.scores = new Array<Int32Array>(startupCount);
    this.highestPruned = new Int32Array(startupCount).fill(-1);
    this.limit = new Int32Array(startupCount);
    this.rowScores = new Int16Array(mentorCount);
    this.perScore = new Int32Array(MAX_SCORE + 1);
    const none = new Int32Array(0);
    const eligibleStartups = new Int32Array(mentorCount);
    let usableSupply = 0;
    for (let s = 0; s < startupCount; s++) {
      this.mentors[s] = none;
      this.scores[s] = none;
      if (demand[s]! === 0) continue;
      // Spares well beyond the startup's own demand let most contests resolve inside the row: at the
      // bench's size one round certifies, and a smaller T saves no time (the full scoring pass dominates).
      this.limit[s] = candidatesPerStartup ?? 10 * demand[s]! + 10;
      const eligibleMentors = this.loadRow(s, eligibleStartups);
      usableSupply += Math.min(demand[s]!, eligibleMentors);
      this.selectFromLoadedRow(s, eligibleMentors);
    }
    let usableRoom = 0;
    for (let m = 0; m < mentorCount; m++) usableRoom += Math.min(problem.capacity[m]!, eligibleStartups[m]!);
    this.usableSupply = usableSupply;
    this.usableRoom = usableRoom;
  }

  /**
   * Checks every pruned pair against the potentials and adds each row's most
   * violating pairs to it; returns how many rows grew (0: certified).
   */
  addViolatingPairs(potential: Float64Array, unitWeight: number): number {
    const { startupCount, mentorCount, capacity } = this.problem;
    const byPotential: number[] = [];
    for (let m = 0; m < mentorCount; m++) if (capacity[m]! > 0) byPotential.push(m);
    byPotential.sort((a, b) => potential[startupCount + b]! - potential[startupCount + a]! || a - b);
    const mentorOrder = Int32Array.from(byPotential);
    const keptBy = new Int32Array(mentorCount).fill(-1);
    const violatorMentors = new Int32Array(mentorCount);
    const violatorCosts = new Float64Array(mentorCount);
    let grown = 0;
    for (let s = 0; s < startupCount; s++) {
      const highestPruned = this.highestPruned[s]!;
      if (highestPruned < 0) continue;
      const kept = this.mentors[s]!;
      for (let i = 0; i < kept.length; i++) keptBy[kept[i]!] = s;
      const potentialOfStartup = potential[s]!;
      // A pruned pair costs at least (1000 − highestPruned)·W, so only a mentor above this can violate.
      const violationFloor = potentialOfStartup + (MAX_SCORE - highestPruned) * unitWeight;
      let violatorCount = 0;
      for (let j = 0; j < mentorOrder.length; j++) {
        const m = mentorOrder[j]!;
        const potentialOfMentor = potential[startupCount + m]!;
        if (potentialOfMentor <= violationFloor) break;
        if (keptBy[m] === s) continue;
        const score = checkedScore(this.problem, s, m);
        if (score === EXCLUDED) continue;
        const reducedCost = (MAX_SCORE - score) * unitWeight + potentialOfStartup - potentialOfMentor;
        if (reducedCost < 0) {
          violatorMentors[violatorCount] = m;
          violatorCosts[violatorCount++] = reducedCost;
        }
      }
      if (violatorCount === 0) continue;
      // Column generation: only the most violating few per round (ties: lower index), since the next solve
      // moves the potentials anyway; taking them all would flood a contested row with pairs that stop
      // violating once prices settle.
      const worstFirst = Array.from({ length: violatorCount }, (_, i) => i);
      worstFirst.sort((i, j) => violatorCosts[i]! - violatorCosts[j]! || violatorMentors[i]! - violatorMentors[j]!);
      const addedCount = Math.min(violatorCount, this.limit[s]!);
      // A row that keeps violating is in a contested part of the market: let it take twice as many next time.
      this.limit[s] = Math.min(2 * this.limit[s]!, mentorCount);
      const rowKeys = new Float64Array(kept.length + addedCount);
      const scores = this.scores[s]!;
      for (let i = 0; i < kept.length; i++) rowKeys[i] = (MAX_SCORE - scores[i]!) * mentorCount + kept[i]!;
      for (let i = 0; i < addedCount; i++) {
        const m = violatorMentors[worstFirst[i]!]!;
        rowKeys[kept.length + i] = (MAX_SCORE - checkedScore(this.problem, s, m)) * mentorCount + m;
      }
      // highestPruned stays as it is: adding pairs can only lower the true value, so it remains a valid bound.
      this.storeRow(s, rowKeys);
      grown++;
    }
    return grown;
  }

  /**
   * Scores startup s against every mentor with capacity into rowScores and
   * perScore, counts s in eligibleStartups of each eligible mentor, and
   * returns how many mentors are eligible.
   */
  private loadRow(s: number, eligibleStartups: Int32Array): number {
    const { mentorCount, capacity } = this.problem;
    const rowScores = this.rowScores;
    const perScore = this.perScore;
    perScore.fill(0);
    let eligible = 0;
    for (let m = 0; m < mentorCount; m++) {
      if (capacity[m]! === 0) {
        rowScores[m] = EXCLUDED;
        continue;
      }
      const score = checkedScore(this.problem, s, m);
      rowScores[m] = score;
      if (score === EXCLUDED) continue;
      perScore[score]!++;
      eligibleStartups[m]!++;
      eligible++;
    }
    return eligible;
  }

  private selectFromLoadedRow(s: number, eligible: number): void {
    const { mentorCount } = this.problem;
    const rowScores = this.rowScores;
    const perScore = this.perScore;
    const limit = this.limit[s]!;
    // Keep every score above `threshold`, and the first `takeAtThreshold` (by index) at it.
    let threshold = 0;
    let takeAtThreshold = perScore[0]!;
    let highestPruned = -1;
    if (eligible > limit) {
      let above = 0;
      threshold = MAX_SCORE;
      while (above + perScore[threshold]! < limit) above += perScore[threshold--]!;
      takeAtThreshold = limit - above;
      if (takeAtThreshold < perScore[threshold]!) highestPruned = threshold;
      else for (let score = threshold - 1; score >= 0 && highestPruned < 0; score--) if (perScore[score]! > 0) highestPruned = score;
    }
    const keys = new Float64Array(Math.min(eligible, limit));
    let keyCount = 0;
    let takenAtThreshold = 0;
    for (let m = 0; m < mentorCount; m++) {
      const score = rowScores[m]!;
      if (score > threshold || (score === threshold && takenAtThreshold++ < takeAtThreshold)) {
        keys[keyCount++] = (MAX_SCORE - score) * mentorCount + m;
      }
    }
    this.highestPruned[s] = highestPruned;
    this.storeRow(s, keys);
  }

  /** Stores row s from keys (1000 − score)·mentorCount + m, which sort to score descending, then index ascending. */
  private storeRow(s: number, keys: Float64Array): void {
    const { mentorCount } = this.problem;
    keys.sort();
    const mentors = new Int32Array(keys.length);
    const scores = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const scoreGap = Math.floor(key / mentorCount);
      mentors[i] = key - scoreGap * mentorCount;
      scores[i] = MAX_SCORE - scoreGap;
    }
    this.mentors[s] = mentors;
    this.scores[s] = scores;
  }
}

/**
 * The residual graph in compressed rows: node u's arcs are firstArc[u] ..
 * firstArc[u+1] − 1, and arc a's partner is reverse[a]. Nodes: startups
 * 0..n−1, mentors n..n+m−1, then the sink. Within a node's range the arcs
 * with residual capacity come first, up to liveEnd[u]: a sought-after mentor
 * is kept by hundreds of startups, but only the few it holds (≤ capacity)
 * give it a residual arc back, and a search must not wade through the rest.
 */
interface FlowNetwork {
  nodeCount: number;
  sink: number;
  firstArc: Int32Array;
  liveEnd: Int32Array;
  head: Int32Array;
  residual: Int32Array;
  cost: Float64Array;
  reverse: Int32Array;
  potential: Float64Array;
}

function buildNetwork(problem: AssignmentProblem, rows: CandidateRows, unitWeight: number): FlowNetwork {
  const { startupCount, mentorCount, demand, capacity } = problem;
  const nodeCount = startupCount + mentorCount + 1;
  const sink = startupCount + mentorCount;
  const degree = new Int32Array(nodeCount);
  for (let s = 0; s < startupCount; s++) {
    if (demand[s]! === 0) continue;
    const kept = rows.mentors[s]!;
    degree[s]! += kept.length + 1;
    for (let i = 0; i < kept.length; i++) degree[startupCount + kept[i]!]!++;
    degree[sink]!++;
  }
  for (let m = 0; m < mentorCount; m++) {
    if (capacity[m]! === 0) continue;
    degree[startupCount + m]!++;
    degree[sink]!++;
  }
  const firstArc = new Int32Array(nodeCount + 1);
  for (let u = 0; u < nodeCount; u++) firstArc[u + 1] = firstArc[u]! + degree[u]!;
  const arcCount = firstArc[nodeCount]!;
  const network: FlowNetwork = {
    nodeCount,
    sink,
    firstArc,
    liveEnd: new Int32Array(nodeCount),
    head: new Int32Array(arcCount),
    residual: new Int32Array(arcCount),
    cost: new Float64Array(arcCount),
    reverse: new Int32Array(arcCount),
    potential: new Float64Array(nodeCount),
  };
  const nextArc = firstArc.slice(0, nodeCount);
  const unservedCost = MAX_SCORE * unitWeight + 1;
  for (let s = 0; s < startupCount; s++) {
    if (demand[s]! === 0) continue;
    const kept = rows.mentors[s]!;
    const scores = rows.scores[s]!;
    for (let i = 0; i < kept.length; i++) addEdge(network, nextArc, s, startupCount + kept[i]!, 1, (MAX_SCORE - scores[i]!) * unitWeight);
    addEdge(network, nextArc, s, sink, demand[s]!, unservedCost);
  }
  for (let m = 0; m < mentorCount; m++) {
    if (capacity[m]! > 0) addEdge(network, nextArc, startupCount + m, sink, capacity[m]!, 0);
  }
  for (let u = 0; u < nodeCount; u++) {
    let liveEnd = firstArc[u]!;
    for (let a = liveEnd; a < firstArc[u + 1]!; a++) if (network.residual[a]! > 0) swapArcs(network, a, liveEnd++);
    network.liveEnd[u] = liveEnd;
  }
  return network;
}

/** Moves arc a of node u across u's live boundary when its residual capacity has just become zero or non-zero. */
function updateLiveness(network: FlowNetwork, u: number, a: number): void {
  const boundary = network.liveEnd[u]!;
  if (network.residual[a]! > 0) {
    if (a >= boundary) {
      swapArcs(network, a, boundary);
      network.liveEnd[u] = boundary + 1;
    }
  } else if (a < boundary) {
    swapArcs(network, a, boundary - 1);
    network.liveEnd[u] = boundary - 1;
  }
}

/** Swaps two arcs of the same node, keeping their partners' reverse links right. */
function swapArcs(network: FlowNetwork, i: number, j: number): void {
  if (i === j) return;
  const { head, residual, cost, reverse } = network;
  const headOfI = head[i]!;
  const residualOfI = residual[i]!;
  const costOfI = cost[i]!;
  const reverseOfI = reverse[i]!;
  head[i] = head[j]!;
  residual[i] = residual[j]!;
  cost[i] = cost[j]!;
  reverse[i] = reverse[j]!;
  head[j] = headOfI;
  residual[j] = residualOfI;
  cost[j] = costOfI;
  reverse[j] = reverseOfI;
  reverse[reverse[i]!] = i;
  reverse[reverse[j]!] = j;
}

function addEdge(network: FlowNetwork, nextArc: Int32Array, from: number, to: number, capacity: number, cost: number): void {
  const forward = nextArc[from]!++;
  const backward = nextArc[to]!++;
  network.head[forward] = to;
  network.residual[forward] = capacity;
  network.cost[forward] = cost;
  network.reverse[forward] = backward;
  network.head[backward] = from;
  network.residual[backward] = 0;
  network.cost[backward] = -cost;
  network.reverse[backward] = forward;
}

/** Sends every startup's demand to the sink along successive shortest paths, keeping the potentials valid. */
function routeAllDemand(network: FlowNetwork, demand: Int32Array, startupCount: number): void {
  const { nodeCount, sink, firstArc, liveEnd, head, residual, cost, reverse, potential } = network;
  const dist = new Float64Array(nodeCount);
  const viaArc = new Int32Array(nodeCount);
  // Stamps instead of clearing per search: a node counts as reached/settled only in the search that stamped it.
  const reachedIn = new Int32Array(nodeCount);
  const settledIn = new Int32Array(nodeCount);
  const settled = new Int32Array(nodeCount);
  const heap = new NodeHeap(head.length + nodeCount);
  let search = 0;
  for (let origin = 0; origin < startupCount; origin++) {
    let excess = demand[origin]!;
    while (excess > 0) {
      search++;
      heap.clear();
      dist[origin] = 0;
      reachedIn[origin] = search;
      heap.push(0, origin);
      let settledCount = 0;
      let sinkDist = 0;
      while (heap.size > 0) {
        const d = heap.minKey();
        const u = heap.pop();
        if (settledIn[u] === search) continue;
        settledIn[u] = search;
        settled[settledCount++] = u;
        if (u === sink) {
          sinkDist = d;
          break;
        }
        const potentialOfU = potential[u]!;
        const end = liveEnd[u]!;
        for (let a = firstArc[u]!; a < end; a++) {
          const v = head[a]!;
          if (settledIn[v] === search) continue;
          const candidate = d + cost[a]! + potentialOfU - potential[v]!;
          if (reachedIn[v] !== search || candidate < dist[v]!) {
            reachedIn[v] = search;
            dist[v] = candidate;
            viaArc[v] = a;
            heap.push(candidate, v);
          }
        }
      }
      // The origin's own unserved arc always has room, so the sink was settled.
      for (let i = 0; i < settledCount; i++) {
        const v = settled[i]!;
        potential[v]! += dist[v]! - sinkDist;
      }
      let amount = excess;
      for (let v = sink; v !== origin; v = head[reverse[viaArc[v]!]!]!) amount = Math.min(amount, residual[viaArc[v]!]!);
      for (let v = sink; v !== origin; ) {
        // Swaps touch only the ranges of u and v, which hold no arc of the path still to walk.
        const a = viaArc[v]!;
        const back = reverse[a]!;
        const u = head[back]!;
        residual[a]! -= amount;
        residual[back]! += amount;
        updateLiveness(network, u, a);
        updateLiveness(network, v, back);
        v = u;
      }
      excess -= amount;
    }
  }
}

function readAssignment(problem: AssignmentProblem, network: FlowNetwork, unitWeight: number): Assignment {
  const { startupCount, mentorCount, demand } = problem;
  const { firstArc, head, residual, cost } = network;
  const mentorsOf = new Array<Int32Array>(startupCount);
  let total = 0;
  for (let s = 0; s < startupCount; s++) {
    // A startup's arcs are all forward ones; a used mentor arc has no residual capacity left.
    const keys: number[] = [];
    for (let a = firstArc[s]!; a < firstArc[s + 1]!; a++) {
      const m = head[a]! - startupCount;
      if (m >= mentorCount || residual[a]! > 0) continue;
      const score = MAX_SCORE - cost[a]! / unitWeight;
      total += score;
      keys.push((MAX_SCORE - score) * mentorCount + m);
    }
    keys.sort((x, y) => x - y);
    mentorsOf[s] = Int32Array.from(keys, (key) => key % mentorCount);
  }
  return finish(mentorsOf, total, demand);
}

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped by the caller. */
class NodeHeap {
  private readonly keys: Float64Array;
  private readonly nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  minKey(): number {
    return this.keys[0]!;
  }

  push(key: number, node: number): void {
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0]!;
    const last = --this.size;
    const key = keys[last]!;
    const node = nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      nodes[i] = nodes[child]!;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}

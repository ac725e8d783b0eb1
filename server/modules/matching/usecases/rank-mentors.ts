import { createHash } from 'node:crypto';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden, NotFound } from '../../../core/errors.js';
import { candidateIndex } from '../candidate-index-sync.js';
import { sectorMask, stageIndex, topicMask, type CandidateIndex } from '../candidate-index.js';
import type { MatchQueryDto } from '../dto/match-query.dto.js';
import { matchingPolicy } from '../matching.policy.js';
import { matchSubjects, type MatchSubject } from '../match-subjects.js';
import { rank, type MatchQuery, type MeetingMode, type Ranking } from '../scoring.js';

export interface MentorRanking {
  subject: MatchSubject;
  index: CandidateIndex;
  /** The index's revision the ranking was made at (read in the same turn as the ranking). */
  revision: number;
  query: MatchQuery;
  topics: string[];
  ranking: Ranking;
}

/** The index's query for a startup, its topics (else its needs) and a meeting mode. */
export function matchQueryFor(index: CandidateIndex, subject: MatchSubject, topics: readonly string[], mode: MeetingMode): MatchQuery {
  return {
    startupId: subject.startupId,
    enterpriseCode: subject.enterpriseCode,
    sectors: sectorMask(subject.sectors),
    stage: stageIndex(subject.stage),
    topics: topicMask(topics),
    languages: index.languageMask(subject.languages),
    languageCodes: subject.languages,
    mode,
    requested: subject.requested,
    mentoring: subject.mentoring,
  };
}

/** The startup's subject if the caller may see its matches: 403 to mentors and to managers of other cohorts, 404 when they cannot see it. */
async function visibleSubject(actor: AuthUser, startupId: string): Promise<MatchSubject> {
  if (actor.role === 'mentor') throw new Forbidden('forbidden', 'Mentors do not see other mentors’ match scores.');
  const subject = await matchSubjects.get(startupId);
  if (!subject || !matchingPolicy.canSeeStartup(actor, subject)) throw new NotFound('startup_not_found', 'No startup with this id.');
  if (!matchingPolicy.canSeeMatches(actor, subject)) {
    throw new Forbidden('not_cohort_manager', 'Only the managers of the startup’s cohort, its team or an admin may see its matches.');
  }
  return subject;
}

/**
 * Mentors ranked for a startup (SPEC §4) from the in-memory candidate index;
 * the startup side comes from a short-lived cache, so a warm call reads
 * nothing from the database. Synchronous: the revision read is the one
 * ranked on.
 */
function rankFor(actor: AuthUser, subject: MatchSubject, index: CandidateIndex, input: MatchQueryDto): MentorRanking {
  const topics = input.topics ?? [...subject.needs];
  const query = matchQueryFor(index, subject, topics, input.mode);
  const ranking = rank(index, query, subject.weights, {
    limit: input.limit,
    explainExcluded: input.explain === 'excluded',
    includeInactive: matchingPolicy.seesInactiveMentors(actor),
    hideConflicts: !matchingPolicy.seesConflicts(actor),
  });
  return { subject, index, revision: index.revision, query, topics, ranking };
}

/** An answer kept for the subject and index it was ranked on, while that index's revision holds. */
interface KeptAnswer {
  subject: MatchSubject;
  indexSerial: number;
  revision: number;
  answer: MatchesAnswer;
}

/** GET /matches's body as bytes, with its (weak) ETag, both made once per kept answer. */
export interface MatchesAnswer {
  json: Buffer;
  etag: string;
}

/** The weak ETag Express would give these bytes (length and SHA-1, as the `etag` package does). */
function answerOf(json: Buffer): MatchesAnswer {
  return { json, etag: `W/"${json.length.toString(16)}-${createHash('sha1').update(json).digest('base64').slice(0, 27)}"` };
}

/**
 * Kept answers by startup and question, the least recently stored dropped
 * first: a few megabytes at most, whatever is asked.
 */
const kept = new Map<string, KeptAnswer>();
const ANSWERS_KEPT = 2000;

/**
 * GET /matches as its JSON bytes. The answer is a function of the subject,
 * the index and the question, so it is kept per startup and question, for
 * the subject object and index it was ranked from, while the index's
 * `revision` holds: a warm call then checks
 * access and sends the kept bytes, no ranking, no serializing, no hashing, and is
 * exactly as fresh as a ranking (the subject is the one a ranking would
 * read, and any change to the index moves its revision).
 */
export async function matchesJson(actor: AuthUser, input: MatchQueryDto, present: (ranking: MentorRanking) => unknown): Promise<MatchesAnswer> {
  // Access is checked on every call; only the answer is kept.
  const subject = await visibleSubject(actor, input.startupId);
  const index = await candidateIndex.index();
  const question = JSON.stringify([input.startupId, input.topics ?? null, input.mode, input.limit, input.explain ?? null, matchingPolicy.seesInactiveMentors(actor), matchingPolicy.seesConflicts(actor)]);
  const hit = kept.get(question);
  if (hit && hit.subject === subject && hit.indexSerial === index.serial && hit.revision === index.revision) return hit.answer;
  const ranking = rankFor(actor, subject, index, input);
  const answer = answerOf(Buffer.from(JSON.stringify(present(ranking))));
  kept.delete(question);
  if (kept.size >= ANSWERS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(question, { subject, indexSerial: index.serial, revision: ranking.revision, answer });
  return answer;
}

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

/**
 * GET /matches: mentors ranked for a startup (SPEC §4), from the in-memory
 * candidate index; the startup side comes from a short-lived cache, so a
 * warm call reads nothing from the database. Its team, its cohorts'
 * managers and admins may ask; mentors never see others' scores.
 */
export async function rankMentors(actor: AuthUser, input: MatchQueryDto): Promise<MentorRanking> {
  if (actor.role === 'mentor') throw new Forbidden('forbidden', 'Mentors do not see other mentors’ match scores.');
  const subject = await matchSubjects.get(input.startupId);
  if (!subject || !matchingPolicy.canSeeStartup(actor, subject)) throw new NotFound('startup_not_found', 'No startup with this id.');
  if (!matchingPolicy.canSeeMatches(actor, subject)) {
    throw new Forbidden('not_cohort_manager', 'Only the managers of the startup’s cohort, its team or an admin may see its matches.');
  }
  const index = await candidateIndex.index();
  const topics = input.topics ?? [...subject.needs];
  const query = matchQueryFor(index, subject, topics, input.mode);
  const ranking = rank(index, query, subject.weights, {
    limit: input.limit,
    explainExcluded: input.explain === 'excluded',
    includeInactive: matchingPolicy.seesInactiveMentors(actor),
    hideConflicts: !matchingPolicy.seesConflicts(actor),
  });
  return { subject, index, query, topics, ranking };
}

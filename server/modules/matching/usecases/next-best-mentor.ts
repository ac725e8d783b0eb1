import { candidateIndex } from '../candidate-index-sync.js';
import { matchSubjects } from '../match-subjects.js';
import { rank } from '../scoring.js';
import { matchQueryFor } from './rank-mentors.js';

/** The best mentor for a startup on these topics, other than `notMentorId` (the one who did not answer). */
export async function nextBestMentor(startupId: string, topics: readonly string[], notMentorId: string): Promise<{ mentorId: string; name: string; score: number } | undefined> {
  const subject = await matchSubjects.get(startupId, { fresh: true });
  if (!subject) return undefined;
  const index = await candidateIndex.index();
  const query = matchQueryFor(index, subject, topics.length > 0 ? topics : subject.needs, 'any');
  const { ranked } = rank(index, query, subject.weights, { limit: 2, explainExcluded: false, includeInactive: false });
  const next = ranked.find((r) => index.ids[r.slot] !== notMentorId);
  return next && { mentorId: index.ids[next.slot]!, name: index.names[next.slot]!, score: Math.round(next.score * 10) / 10 };
}

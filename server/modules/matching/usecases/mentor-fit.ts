import { candidateIndex } from '../candidate-index-sync.js';
import { matchSubjects } from '../match-subjects.js';
import { exclusionsOf, type ExclusionReason } from '../scoring.js';
import { matchQueryFor } from './rank-mentors.js';

/**
 * The hard filters for one startup–mentor pair, read fresh (a request is
 * about to be made): the reason codes that exclude the mentor, empty when
 * none does. An unknown startup or mentor gives none: the caller has
 * already answered 404 for those.
 */
export async function mentorFit(startupId: string, mentorId: string): Promise<ExclusionReason[]> {
  const subject = await matchSubjects.get(startupId, { fresh: true });
  if (!subject) return [];
  await candidateIndex.refresh(mentorId);
  const index = await candidateIndex.index();
  const slot = index.slot(mentorId);
  if (slot < 0) return [];
  const reasons: ExclusionReason[] = [];
  exclusionsOf(index, slot, matchQueryFor(index, subject, subject.needs, 'any'), reasons);
  return reasons;
}

import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import type { Page, PageRequest } from '../../../core/db/pages.js';
import { Conflict, NotFound, RuleViolated, type FieldError } from '../../../core/errors.js';
import { managedCohort } from '../../cohorts/cohort-access.js';
import { withDefaultWeights } from '../../cohorts/matching-weights.js';
import { activeStartupIdsOfCohort } from '../../cohorts/usecases/active-cohorts-of-startup.js';
import { candidateIndex } from '../candidate-index-sync.js';
import type { EditProposalDto } from '../dto/proposal.dto.js';
import { reasonFor } from '../match-reasons.js';
import { loadSubjects } from '../match-subjects.js';
import { proposalsRepository, type ProposalPair, type ProposalRecord } from '../proposals.repository.js';
import { CRITERIA, criterionValues, exclusionsOf, normalizedWeights, scoreOf, type ExclusionReason } from '../scoring.js';
import { matchQueryFor } from './rank-mentors.js';

export const proposalNotFound = () => new NotFound('proposal_not_found', 'No assignment proposal with this id in this cohort.');

/** A cohort's proposal, for its managers and admins (404/403 as for the cohort). */
export async function managedProposal(actor: AuthUser, cohortId: string, proposalId: string): Promise<ProposalRecord> {
  await managedCohort(actor, cohortId);
  const proposal = await proposalsRepository.findInCohort(cohortId, proposalId);
  if (!proposal) throw proposalNotFound();
  return proposal;
}

/** A cohort's proposals, oldest first, for its managers and admins. */
export async function listProposals(actor: AuthUser, cohortId: string, page: PageRequest): Promise<Page<ProposalRecord>> {
  const cohort = await managedCohort(actor, cohortId);
  return proposalsRepository.listInCohort(cohort._id, page);
}

/**
 * The manager replaces a draft's pairs. Every pair is checked as the
 * optimiser would: the startup active in the cohort, no hard filter
 * against the mentor, no pair twice, no startup past its demand and no
 * mentor past their free places — each failure a 422 naming `pairs.N`.
 * Scores and reasons are recomputed; the optimiser's and greedy totals stay.
 */
export async function editProposal(actor: AuthUser, cohortId: string, proposalId: string, input: EditProposalDto): Promise<ProposalRecord> {
  const proposal = await managedProposal(actor, cohortId, proposalId);
  if (proposal.status !== 'draft') throw new Conflict('proposal_applied', 'This proposal has been applied; make a new one.');
  const cohort = await managedCohort(actor, cohortId);
  const startupIds = new Set(await activeStartupIdsOfCohort(cohort._id));
  const index = await candidateIndex.index();
  const wanted = [...new Set(input.pairs.map((p) => p.startupId))].filter((id) => startupIds.has(id));
  const subjects = new Map((await loadSubjects(wanted, withDefaultWeights(cohort.weights), cohortId)).map((s) => [s.startupId, s]));

  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const perStartup = new Map<string, number>();
  const perMentor = new Map<number, number>();
  const pairs: ProposalPair[] = [];
  const values = new Float64Array(CRITERIA.length);
  const reasons: ExclusionReason[] = [];
  input.pairs.forEach((pair, i) => {
    const field = `pairs.${i}`;
    const subject = subjects.get(pair.startupId);
    const slot = index.slot(pair.mentorId);
    if (!subject) return void errors.push({ field: `${field}.startupId`, code: 'not_in_cohort', message: 'This startup is not active in this cohort.' });
    if (slot < 0) return void errors.push({ field: `${field}.mentorId`, code: 'mentor_not_found', message: 'No mentor with this id.' });
    const key = `${pair.startupId}:${pair.mentorId}`;
    if (seen.has(key)) return void errors.push({ field, code: 'duplicate_pair', message: 'This pair is listed twice.' });
    seen.add(key);
    const query = matchQueryFor(index, subject, subject.needs, 'any');
    if (exclusionsOf(index, slot, query, reasons) > 0) {
      return void errors.push({ field: `${field}.mentorId`, code: 'mentor_not_available', message: `Excluded by the hard filters: ${reasons.join(', ')}.` });
    }
    const demand = Math.max(0, proposal.mentorsPerStartup - new Set([...subject.mentoring, ...subject.requested]).size);
    const forStartup = (perStartup.get(pair.startupId) ?? 0) + 1;
    perStartup.set(pair.startupId, forStartup);
    if (forStartup > demand) return void errors.push({ field, code: 'too_many_for_startup', message: `This startup needs ${demand} more mentor(s).` });
    const forMentor = (perMentor.get(slot) ?? 0) + 1;
    perMentor.set(slot, forMentor);
    if (forMentor > index.maxActiveMentees[slot]! - index.activeMentees[slot]!) {
      return void errors.push({ field, code: 'over_capacity', message: 'This mentor has no free place left for it.' });
    }
    const weights = normalizedWeights(subject.weights);
    criterionValues(index, slot, query, values);
    pairs.push({
      startupId: new mongoose.Types.ObjectId(pair.startupId),
      mentorId: new mongoose.Types.ObjectId(pair.mentorId),
      startupName: subject.name,
      mentorName: index.names[slot]!,
      score: Math.round(10 * scoreOf(values, weights)) / 10,
      reason: reasonFor(index, slot, query, values, weights),
    });
  });
  if (errors.length > 0) throw new RuleViolated('invalid_pairs', 'Some pairs cannot be part of this proposal.', errors);

  const total = Math.round(pairs.reduce((sum, p) => sum + p.score * 10, 0)) / 10;
  const edited = await proposalsRepository.edit(proposal, pairs, total);
  if (!edited.applied) {
    if (edited.current?.status === 'applied') throw new Conflict('proposal_applied', 'This proposal has been applied; make a new one.');
    throw new Conflict('concurrent_update', 'Someone else changed this proposal at the same moment; reload it and try again.');
  }
  return edited.record;
}

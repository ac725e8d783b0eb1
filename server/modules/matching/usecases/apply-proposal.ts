import type { AuthUser } from '../../../core/auth/auth-user.js';
import { AppError, Conflict } from '../../../core/errors.js';
import type { Logger } from 'pino';
import type { UseCaseDeps } from '../../../core/use-case-deps.js';
import { createRequest } from '../../requests/usecases/create-request.js';
import { startMentorship } from '../../requests/usecases/start-mentorship.js';
import type { ApplyProposalDto } from '../dto/proposal.dto.js';
import { proposalsRepository, type ApplyResult, type ProposalRecord } from '../proposals.repository.js';
import { managedProposal } from './edit-proposal.js';
import { mentorFit } from './mentor-fit.js';

const DEFAULT_MESSAGE = 'Ban quản lý đợt ươm tạo đề xuất anh/chị hướng dẫn dự án này. / The cohort’s managers propose you mentor this startup.';

/**
 * The manager applies a draft: it is claimed first (draft → applied, one
 * atomic update, so two applies at once cannot both run), then each pair
 * becomes a request or a mentorship through the same use cases as by hand
 * — capacity and the hard filters are enforced again at this moment, and a
 * pair that no longer fits is recorded as failed with its problem code,
 * never forced through (an unexpected error as `internal_error`, logged).
 */
export async function applyProposal(
  actor: AuthUser,
  cohortId: string,
  proposalId: string,
  input: ApplyProposalDto,
  deps: UseCaseDeps & { logger?: Pick<Logger, 'error'> },
): Promise<ProposalRecord> {
  const proposal = await managedProposal(actor, cohortId, proposalId);
  const claimed = await proposalsRepository.claim(proposal._id, actor.id, input.as, deps.now());
  if (!claimed.applied) throw new Conflict('proposal_applied', 'This proposal has already been applied.');

  const results: ApplyResult[] = [];
  for (const pair of claimed.record.pairs) {
    const [startupId, mentorId] = [pair.startupId.toHexString(), pair.mentorId.toHexString()];
    try {
      if (input.as === 'requests') {
        const request = await createRequest(actor, { startupId, mentorId, message: input.message ?? DEFAULT_MESSAGE }, { ...deps, mentorFit }, proposalId);
        results.push({ startupId: pair.startupId, mentorId: pair.mentorId, outcome: 'created', requestId: request._id });
      } else {
        const mentorship = await startMentorship(actor, startupId, mentorId, { ...deps, mentorFit }, proposalId);
        results.push({ startupId: pair.startupId, mentorId: pair.mentorId, outcome: 'created', mentorshipId: mentorship._id });
      }
    } catch (error) {
      // The claim is made: every pair gets its outcome, so the proposal never stays half-applied without a record.
      if (!(error instanceof AppError)) deps.logger?.error({ err: error, proposalId, startupId, mentorId }, 'applying a proposal pair failed');
      results.push({ startupId: pair.startupId, mentorId: pair.mentorId, outcome: 'failed', code: error instanceof AppError ? error.code : 'internal_error' });
    }
  }
  const recorded = (await proposalsRepository.recordResults(proposal._id, results)) ?? claimed.record;
  const created = results.filter((r) => r.outcome === 'created').length;
  await deps.bus.emit('assignment.applied', { cohortId, proposalId, created, failed: results.length - created, as: input.as });
  return recorded;
}

import type { AppContext } from '../../core/app-context.js';
import { mapPage } from '../../core/db/pages.js';
import { PageQueryDto } from '../../core/http/pagination.js';
import { bodyField, defineRoute, linksTo, type RouteSpec } from '../../core/http/route.js';
import { MatchQueryDto } from './dto/match-query.dto.js';
import { ApplyProposalDto, EditProposalDto, ProposeAssignmentDto } from './dto/proposal.dto.js';
import { presentProposal, ProposalPageView, ProposalView } from './proposals.presenter.js';
import { applyProposal } from './usecases/apply-proposal.js';
import { editProposal, listProposals, managedProposal } from './usecases/edit-proposal.js';
import { proposeAssignment } from './usecases/propose-assignment.js';
import { MatchListView, presentMatches } from './matches.presenter.js';
import { matchesJson } from './usecases/rank-mentors.js';

/** What a client (and the stateful fuzzer) may do next with the proposal at `at` in a response (a JSON pointer; '' for the body itself). */
const proposalLinksAt = (at: string) =>
  linksTo(
    {
      GetProposal: 'get /api/v1/cohorts/:id/assignment-proposals/:proposalId',
      EditProposal: 'patch /api/v1/cohorts/:id/assignment-proposals/:proposalId',
      ApplyProposal: 'post /api/v1/cohorts/:id/assignment-proposals/:proposalId/apply',
    },
    { id: bodyField(at, 'cohortId'), proposalId: bodyField(at) },
  );
const proposalLinks = proposalLinksAt('');
const cohortAccess = {
  403: { description: 'Sees the cohort but does not manage it (`not_cohort_manager`), or not staff' },
  404: { description: 'No such cohort or proposal, or not visible' },
};

/** Matching (SPEC §4): ranked mentors for a startup, and cohort-wide assignment proposals. */
export function matchingRoutes(ctx: AppContext): RouteSpec[] {
  const tags = ['matching'];
  return [
    defineRoute<undefined, MatchQueryDto>({
      method: 'get',
      path: '/api/v1/matches',
      summary: 'Mentors ranked for a startup, each with every criterion’s contribution and a reason (its team, its cohort’s managers, admins)',
      tags: ['matching'],
      auth: 'authenticated',
      query: MatchQueryDto,
      keepParsedQueries: true,
      responses: {
        200: { description: 'Best first; with `explain=excluded`, also who the hard filters removed and why', schema: MatchListView },
        403: { description: 'A mentor (`forbidden`), or a manager of another cohort (`not_cohort_manager`)' },
        404: { description: 'No such startup, or not visible (`startup_not_found`)' },
      },
      handler: async ({ user, query }) => {
        const answer = await matchesJson(user, query, (ranking) => presentMatches(ranking, query.mode));
        return { text: answer.json, headers: { 'content-type': 'application/json; charset=utf-8', etag: answer.etag } };
      },
    }),
    defineRoute<ProposeAssignmentDto>({
      method: 'post',
      path: '/api/v1/cohorts/:id/assignment-proposals',
      summary: 'Propose mentors for every startup of a cohort: the highest total score under capacity and the hard filters, exactly, with the greedy total beside it (the cohort’s managers, admins)',
      tags,
      auth: 'authenticated',
      body: ProposeAssignmentDto,
      example: { mentorsPerStartup: 2 },
      responses: { 201: { description: 'A draft to review, edit and apply', schema: ProposalView, links: proposalLinks }, ...cohortAccess },
      handler: async ({ user, params, body }) => ({ status: 201, body: presentProposal(await proposeAssignment(user, params.id!, body)) }),
    }),
    defineRoute<undefined, PageQueryDto>({
      method: 'get',
      path: '/api/v1/cohorts/:id/assignment-proposals',
      summary: 'A cohort’s assignment proposals, oldest first (the cohort’s managers, admins)',
      tags,
      auth: 'authenticated',
      query: PageQueryDto,
      responses: { 200: { description: 'One page, in id order', schema: ProposalPageView, links: proposalLinksAt('/items/0') }, ...cohortAccess },
      handler: async ({ user, params, query }) => ({ body: mapPage(await listProposals(user, params.id!, query), presentProposal) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/cohorts/:id/assignment-proposals/:proposalId',
      summary: 'One assignment proposal (the cohort’s managers, admins)',
      tags,
      auth: 'authenticated',
      responses: { 200: { description: 'The proposal', schema: ProposalView, links: proposalLinks }, ...cohortAccess },
      handler: async ({ user, params }) => ({ body: presentProposal(await managedProposal(user, params.id!, params.proposalId!)) }),
    }),
    defineRoute<EditProposalDto>({
      method: 'patch',
      path: '/api/v1/cohorts/:id/assignment-proposals/:proposalId',
      summary: 'Replace a draft’s pairs; each is checked against the cohort, the hard filters, demand and free places',
      tags,
      auth: 'authenticated',
      body: EditProposalDto,
      example: { pairs: [{ startupId: '6a1f00000000000000000001', mentorId: '6a1f00000000000000000002' }] },
      responses: {
        200: { description: 'The edited draft, scores recomputed', schema: ProposalView, links: proposalLinks },
        ...cohortAccess,
        409: { description: 'Already applied (`proposal_applied`), or a concurrent edit won (`concurrent_update`)' },
        422: { description: 'Some pairs cannot be (`invalid_pairs`; each named `pairs.N` with its code)' },
      },
      handler: async ({ user, params, body }) => ({ body: presentProposal(await editProposal(user, params.id!, params.proposalId!, body)) }),
    }),
    defineRoute<ApplyProposalDto>({
      method: 'post',
      path: '/api/v1/cohorts/:id/assignment-proposals/:proposalId/apply',
      summary: 'Apply a draft as requests or as mentorships; capacity and the hard filters are enforced again for each pair',
      tags,
      auth: 'authenticated',
      body: ApplyProposalDto,
      example: { as: 'requests' },
      responses: {
        200: { description: 'Applied; each pair’s outcome in `results`', schema: ProposalView },
        ...cohortAccess,
        409: { description: 'Already applied (`proposal_applied`)' },
      },
      handler: async ({ user, params, body }) => ({ body: presentProposal(await applyProposal(user, params.id!, params.proposalId!, body, ctx)) }),
    }),
  ];
}

import type { AppContext } from '../../core/app-context.js';
import { mapPage } from '../../core/db/pages.js';
import { bodyField, defineRoute, linksTo, type RouteSpec } from '../../core/http/route.js';
import { CreateRequestDto } from './dto/create-request.dto.js';
import { DeclineRequestDto } from './dto/decline-request.dto.js';
import { EndMentorshipDto } from './dto/end-mentorship.dto.js';
import { ListMentorshipsQuery, ListRequestsQuery } from './dto/list-requests.query.js';
import { visibleMentorship, visibleRequest } from './request-access.js';
import {
  AcceptedRequestView,
  MentorRequestPageView,
  MentorRequestView,
  MentorshipPageView,
  MentorshipView,
  presentMentorship,
  presentRequest,
} from './requests.presenter.js';
import { acceptRequest } from './usecases/accept-request.js';
import type { MentorFitCheck } from './pairing.js';
import { createRequest } from './usecases/create-request.js';
import { declineRequest } from './usecases/decline-request.js';
import { endMentorship } from './usecases/end-mentorship.js';
import { listMentorships, listRequests } from './usecases/list-requests.js';
import { withdrawRequest } from './usecases/withdraw-request.js';

const requestNotFound = { description: 'No such request, or not visible to the caller' };
const closed = { description: 'The request is no longer pending (`request_closed`, with its `requestStatus`)' };
/** What a client (and the stateful fuzzer) may do next with the request at `at` in a response (a JSON pointer; '' for the body itself). */
const requestLinksAt = (at: string) =>
  linksTo(
    {
      GetRequest: 'get /api/v1/mentor-requests/:id',
      Accept: 'post /api/v1/mentor-requests/:id/accept',
      Decline: 'post /api/v1/mentor-requests/:id/decline',
      Withdraw: 'post /api/v1/mentor-requests/:id/withdraw',
    },
    { id: bodyField(at) },
  );
const requestLinks = requestLinksAt('');
/** …and with a mentorship. */
const mentorshipLinksAt = (at: string) => linksTo({ GetMentorship: 'get /api/v1/mentorships/:id', EndMentorship: 'post /api/v1/mentorships/:id/end' }, { id: bodyField(at) });
const mentorshipLinks = mentorshipLinksAt('');

/** Mentor requests and mentorships (SPEC §4). `mentorFit` is matching's hard-filter check. */
export function requestsRoutes(ctx: AppContext, ports: { mentorFit: MentorFitCheck }): RouteSpec[] {
  const tags = ['mentor requests'];
  return [
    defineRoute<CreateRequestDto>({
      method: 'post',
      path: '/api/v1/mentor-requests',
      summary: 'Ask a mentor (a startup’s team, a manager of its cohort on its behalf, an admin); expires after the mentor’s responseDays',
      tags,
      auth: ['startup', 'manager', 'admin'],
      body: CreateRequestDto,
      example: { startupId: '6a1f00000000000000000001', mentorId: '6a1f00000000000000000002', message: 'Chúng tôi cần góp ý về kênh phân phối.', topics: ['sales'] },
      responses: {
        201: { description: 'Created, pending', schema: MentorRequestView, links: requestLinks },
        403: { description: 'Sees the startup but is not its team or its cohort’s manager (`not_startup_party`)' },
        404: { description: 'No such startup or mentor, or not visible (`startup_not_found`, `mentor_not_found`)' },
        409: { description: 'The pair already has an open request (`request_open`, with `requestId`) or a mentorship (`already_mentoring`)' },
        422: {
          description:
            'The startup is past the 5-year rule (`startup_not_eligible`), the mentor fails a hard filter (`mentor_not_available`, with `reasons`), or the startup has 10 open requests (`too_many_open_requests`)',
        },
      },
      handler: async ({ user, body }) => ({ status: 201, body: presentRequest(await createRequest(user, body, { ...ctx, mentorFit: ports.mentorFit })) }),
    }),
    defineRoute<undefined, ListRequestsQuery>({
      method: 'get',
      path: '/api/v1/mentor-requests',
      summary: 'Requests the caller may see: a founder’s startups’, those asked of a mentor, a manager’s cohorts’, all for admins',
      tags,
      auth: 'authenticated',
      query: ListRequestsQuery,
      responses: { 200: { description: 'One page, in id order', schema: MentorRequestPageView, links: requestLinksAt('/items/0') } },
      handler: async ({ user, query }) => ({ body: mapPage(await listRequests(user, query), presentRequest) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/mentor-requests/:id',
      summary: 'One request (the startup’s team, the mentor asked, the cohort’s managers, admins)',
      tags,
      auth: 'authenticated',
      responses: { 200: { description: 'The request', schema: MentorRequestView, links: requestLinks }, 404: requestNotFound },
      handler: async ({ user, params }) => ({ body: presentRequest((await visibleRequest(user, params.id!)).request) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/mentor-requests/:id/accept',
      summary: 'Accept (the mentor asked): starts a mentorship; capacity is never exceeded, even by accepts at once',
      tags,
      auth: ['mentor', 'admin'],
      responses: {
        200: {
          description: 'Accepted, with the mentorship it started',
          schema: AcceptedRequestView,
          links: { ...mentorshipLinksAt('/mentorship'), GetRequest: { to: 'get /api/v1/mentor-requests/:id', parameters: { id: '$response.body#/request/id' } } },
        },
        403: { description: 'Not the mentor asked (`not_the_mentor`)' },
        404: requestNotFound,
        409: { description: 'No longer pending (`request_closed`), or every mentee place is taken (`mentor_at_capacity`)' },
      },
      handler: async ({ user, params }) => {
        const { request, mentorship } = await acceptRequest(user, params.id!, ctx);
        return { body: { request: presentRequest(request), mentorship: presentMentorship(mentorship) } };
      },
    }),
    defineRoute<DeclineRequestDto>({
      method: 'post',
      path: '/api/v1/mentor-requests/:id/decline',
      summary: 'Decline, saying why (the mentor asked)',
      tags,
      auth: ['mentor', 'admin'],
      body: DeclineRequestDto,
      example: { reason: 'Tháng này tôi đã kín lịch.' },
      responses: {
        200: { description: 'Declined', schema: MentorRequestView },
        403: { description: 'Not the mentor asked (`not_the_mentor`)' },
        404: requestNotFound,
        409: closed,
      },
      handler: async ({ user, params, body }) => ({ body: presentRequest(await declineRequest(user, params.id!, body, ctx)) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/mentor-requests/:id/withdraw',
      summary: 'Withdraw a pending request (the startup’s team, whoever asked, admins)',
      tags,
      auth: 'authenticated',
      responses: {
        200: { description: 'Withdrawn', schema: MentorRequestView },
        403: { description: 'Sees the request but may not withdraw it (`not_startup_party`)' },
        404: requestNotFound,
        409: closed,
      },
      handler: async ({ user, params }) => ({ body: presentRequest(await withdrawRequest(user, params.id!, ctx)) }),
    }),
    defineRoute<undefined, ListMentorshipsQuery>({
      method: 'get',
      path: '/api/v1/mentorships',
      summary: 'Mentorships the caller may see (as for requests)',
      tags: ['mentorships'],
      auth: 'authenticated',
      query: ListMentorshipsQuery,
      responses: { 200: { description: 'One page, in id order', schema: MentorshipPageView, links: mentorshipLinksAt('/items/0') } },
      handler: async ({ user, query }) => ({ body: mapPage(await listMentorships(user, query), presentMentorship) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/mentorships/:id',
      summary: 'One mentorship (both sides, the cohort’s managers, admins)',
      tags: ['mentorships'],
      auth: 'authenticated',
      responses: { 200: { description: 'The mentorship', schema: MentorshipView, links: mentorshipLinks }, 404: { description: 'No such mentorship, or not visible' } },
      handler: async ({ user, params }) => ({ body: presentMentorship((await visibleMentorship(user, params.id!)).mentorship) }),
    }),
    defineRoute<EndMentorshipDto>({
      method: 'post',
      path: '/api/v1/mentorships/:id/end',
      summary: 'End a mentorship (either side, the cohort’s managers, admins): frees the mentee place',
      tags: ['mentorships'],
      auth: 'authenticated',
      body: EndMentorshipDto,
      example: { reason: 'Đã hoàn thành kế hoạch gọi vốn.' },
      responses: {
        200: { description: 'Ended', schema: MentorshipView },
        403: { description: 'Sees it but may not end it (`not_mentorship_party`)' },
        404: { description: 'No such mentorship, or not visible' },
        409: { description: 'Already ended (`mentorship_ended`)' },
      },
      handler: async ({ user, params, body }) => ({ body: presentMentorship(await endMentorship(user, params.id!, body, ctx)) }),
    }),
  ];
}

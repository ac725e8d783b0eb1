import type { AppContext } from '../../core/app-context.js';
import { mapPage } from '../../core/db/pages.js';
import { bodyField, defineRoute, linksTo, type RouteSpec } from '../../core/http/route.js';
import { todayInVietnam } from '../../core/time/calendar-date.js';
import { CohortBoardView } from './cohort-board.view.js';
import {
  AdmissionView,
  AdmissionWithMilestonesView,
  CohortPageView,
  CohortView,
  presentAdmission,
  presentAdmissionWithMilestones,
  presentCohort,
} from './cohorts.presenter.js';
import { AdmitStartupDto } from './dto/admit-startup.dto.js';
import { CreateCohortDto } from './dto/create-cohort.dto.js';
import { ListCohortsQuery } from './dto/list-cohorts.query.js';
import { admitStartup } from './usecases/admit-startup.js';
import { createCohort } from './usecases/create-cohort.js';
import { getCohort } from './usecases/get-cohort.js';
import { getCohortBoard } from './usecases/get-cohort-board.js';
import { graduateStartup } from './usecases/graduate-startup.js';
import { listCohorts } from './usecases/list-cohorts.js';
import { withdrawStartup } from './usecases/withdraw-startup.js';

const STAFF = ['manager', 'admin'] as const;

/** What a client (and the stateful fuzzer) may do next with the cohort at `at` in a response (a JSON pointer; '' for the body itself). */
const cohortLinksAt = (at: string) =>
  linksTo(
    {
      GetCohort: 'get /api/v1/cohorts/:id',
      GetBoard: 'get /api/v1/cohorts/:id/board',
      Admit: 'post /api/v1/cohorts/:id/admissions',
      ProposeAssignment: 'post /api/v1/cohorts/:id/assignment-proposals',
      ListProposals: 'get /api/v1/cohorts/:id/assignment-proposals',
    },
    { id: bodyField(at) },
  );
const cohortLinks = cohortLinksAt('');
/** …and with an admission: `cohortId` and `startupId` are where its cohort's and startup's ids are. */
const admissionLinksAt = (cohortId: string, startupId: string) => {
  const ids = { id: `$response.body#${cohortId}`, startupId: `$response.body#${startupId}` };
  return {
    Withdraw: { to: 'post /api/v1/cohorts/:id/admissions/:startupId/withdraw', parameters: ids },
    Graduate: { to: 'post /api/v1/cohorts/:id/admissions/:startupId/graduate', parameters: ids },
    ListMilestones: { to: 'get /api/v1/milestones', parameters: { cohortId: ids.id, startupId: ids.startupId } },
  };
};
const admissionLinks = admissionLinksAt('/cohortId', '/startupId');

/** Cohorts, admissions and the cohort board (SPEC §6). */
export function cohortsRoutes(ctx: AppContext): RouteSpec[] {
  const today = () => todayInVietnam(ctx.now());
  return [
    defineRoute<CreateCohortDto>({
      method: 'post',
      path: '/api/v1/cohorts',
      summary: 'Open a cohort (a manager creating it becomes one of its managers)',
      tags: ['cohorts'],
      auth: STAFF,
      body: CreateCohortDto,
      example: {
        name: 'Mekong Startup Runway 2027 — Nông nghiệp',
        programme: 'Mekong Startup Runway',
        year: 2027,
        startsOn: '2027-03-01',
        endsOn: '2027-08-31',
        weights: { sectorFit: 3, topicOverlap: 3 },
        milestoneTemplate: [
          { key: 'customer-interviews', title: 'Phỏng vấn 20 khách hàng', dueWeeks: 2 },
          { key: 'mvp', title: 'Sản phẩm mẫu / MVP', description: 'Năm khách hàng dùng thử.', dueWeeks: 10 },
        ],
      },
      responses: {
        201: { description: 'Created', schema: CohortView, links: cohortLinks },
        422: { description: 'A named manager is not an active manager, it ends before it starts, or a template key repeats (`rule_violated`)' },
      },
      handler: async ({ user, body }) => ({ status: 201, body: presentCohort(await createCohort(user, body, ctx)) }),
    }),
    defineRoute<undefined, ListCohortsQuery>({
      method: 'get',
      path: '/api/v1/cohorts',
      summary: 'List cohorts (staff: all; founders: their startups’; mentors: none yet); search, paginate',
      tags: ['cohorts'],
      auth: 'authenticated',
      query: ListCohortsQuery,
      responses: { 200: { description: 'One page', schema: CohortPageView, links: cohortLinksAt('/items/0') } },
      handler: async ({ user, query }) => ({ body: mapPage(await listCohorts(user, query), presentCohort) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/cohorts/:id',
      summary: 'One cohort',
      tags: ['cohorts'],
      auth: 'authenticated',
      responses: { 200: { description: 'The cohort', schema: CohortView, links: cohortLinks }, 404: { description: 'Not found or not visible' } },
      handler: async ({ user, params }) => ({ body: presentCohort(await getCohort(user, params.id!)) }),
    }),
    defineRoute<AdmitStartupDto>({
      method: 'post',
      path: '/api/v1/cohorts/:id/admissions',
      summary: 'Admit an eligible startup (the cohort’s managers or an admin); plans its milestones',
      tags: ['cohorts'],
      auth: STAFF,
      body: AdmitStartupDto,
      example: { startupId: '6b0a9f84a568e2f4adc520c3' },
      responses: {
        201: {
          description: 'Admitted, with its milestones',
          schema: AdmissionWithMilestonesView,
          links: {
            ...admissionLinks,
            GetMilestone: { to: 'get /api/v1/milestones/:id', parameters: { id: '$response.body#/milestones/0/id' } },
            ChangeMilestone: { to: 'patch /api/v1/milestones/:id', parameters: { id: '$response.body#/milestones/0/id' } },
          },
        },
        403: { description: 'Not one of this cohort’s managers' },
        404: { description: 'No such cohort or startup' },
        409: { description: 'Already admitted' },
        422: { description: 'Not eligible today (5-year rule); `eligibleUntil` is its last eligible day' },
      },
      handler: async ({ user, params, body }) => ({
        status: 201,
        body: presentAdmissionWithMilestones(await admitStartup(user, params.id!, body.startupId, ctx), today()),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/cohorts/:id/admissions/:startupId/withdraw',
      summary: 'Withdraw an active startup from the cohort (the cohort’s managers or an admin)',
      tags: ['cohorts'],
      auth: STAFF,
      responses: {
        200: { description: 'Withdrawn', schema: AdmissionView },
        403: { description: 'Not one of this cohort’s managers' },
        404: { description: 'No such cohort or admission' },
        409: { description: 'The admission is not active' },
      },
      handler: async ({ user, params }) => ({ body: presentAdmission(await withdrawStartup(user, params.id!, params.startupId!, ctx)) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/cohorts/:id/admissions/:startupId/graduate',
      summary: 'Graduate an active startup (the cohort’s managers or an admin)',
      tags: ['cohorts'],
      auth: STAFF,
      responses: {
        200: { description: 'Graduated', schema: AdmissionView },
        403: { description: 'Not one of this cohort’s managers' },
        404: { description: 'No such cohort or admission' },
        409: { description: 'The admission is not active' },
      },
      handler: async ({ user, params }) => ({ body: presentAdmission(await graduateStartup(user, params.id!, params.startupId!, ctx)) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/cohorts/:id/board',
      summary: 'The cohort board: every startup’s progress, overdue items, next due date (the cohort’s managers or an admin)',
      tags: ['cohorts'],
      auth: 'authenticated',
      responses: {
        200: { description: 'The board', schema: CohortBoardView, links: admissionLinksAt('/cohort/id', '/admissions/0/startup/id') },
        403: { description: 'Can see the cohort but does not manage it' },
        404: { description: 'Not found or not visible' },
      },
      handler: async ({ user, params }) => ({ body: await getCohortBoard(user, params.id!, today()) }),
    }),
  ];
}

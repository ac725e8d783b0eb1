import type { AppContext } from '../../core/app-context.js';
import { bodyField, defineRoute, linksTo, type RouteSpec } from '../../core/http/route.js';
import { todayInVietnam } from '../../core/time/calendar-date.js';
import { ListMilestonesQuery } from './dto/list-milestones.query.js';
import { UpdateMilestoneDto } from './dto/update-milestone.dto.js';
import { MilestonePageView, MilestoneView, presentMilestone } from './milestones.presenter.js';
import { getMilestone } from './usecases/get-milestone.js';
import { listMilestones } from './usecases/list-milestones.js';
import { updateMilestone } from './usecases/update-milestone.js';

/** What a client (and the stateful fuzzer) may do next with the milestone at `at` in a response (a JSON pointer; '' for the body itself). */
const milestoneLinksAt = (at: string) => linksTo({ GetMilestone: 'get /api/v1/milestones/:id', ChangeMilestone: 'patch /api/v1/milestones/:id' }, { id: bodyField(at) });

/** Milestones of admitted startups (SPEC §6). */
export function milestonesRoutes(ctx: AppContext): RouteSpec[] {
  const today = () => todayInVietnam(ctx.now());
  return [
    defineRoute<undefined, ListMilestonesQuery>({
      method: 'get',
      path: '/api/v1/milestones',
      summary: 'One startup’s milestones in one cohort (its team, the cohort’s managers, admins)',
      tags: ['milestones'],
      auth: 'authenticated',
      query: ListMilestonesQuery,
      responses: {
        200: { description: 'All of them, in template order (never more than one page)', schema: MilestonePageView, links: milestoneLinksAt('/items/0') },
        403: { description: 'Staff who do not manage this cohort' },
        404: { description: 'No such admission, or not visible' },
      },
      handler: async ({ user, query }) => {
        const milestones = await listMilestones(user, query);
        return { body: { items: milestones.map((m) => presentMilestone(m, today())), nextCursor: null } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/milestones/:id',
      summary: 'One milestone (its startup’s team, the cohort’s managers, admins)',
      tags: ['milestones'],
      auth: 'authenticated',
      responses: {
        200: { description: 'The milestone', schema: MilestoneView, links: milestoneLinksAt('') },
        403: { description: 'Staff who do not manage this cohort' },
        404: { description: 'Not found or not visible' },
      },
      handler: async ({ user, params }) => ({ body: presentMilestone(await getMilestone(user, params.id!), today()) }),
    }),
    defineRoute<UpdateMilestoneDto>({
      method: 'patch',
      path: '/api/v1/milestones/:id',
      summary: 'Move a milestone to another state and/or change its note (its startup’s team, the cohort’s managers, admins)',
      tags: ['milestones'],
      auth: 'authenticated',
      body: UpdateMilestoneDto,
      example: { state: 'in_progress', note: 'Đã phỏng vấn 12/20 khách hàng.' },
      responses: {
        200: { description: 'Updated', schema: MilestoneView, links: milestoneLinksAt('') },
        403: { description: 'Staff who do not manage this cohort; or a founder waiving (`waive_needs_manager`)' },
        404: { description: 'Not found or not visible' },
        409: { description: 'Not an allowed transition (`invalid_transition`), or a concurrent change won (`concurrent_update`)' },
        422: { description: 'The startup’s admission is no longer active (`admission_not_active`)' },
      },
      handler: async ({ user, params, body }) => ({ body: presentMilestone(await updateMilestone(user, params.id!, body, ctx), today()) }),
    }),
  ];
}

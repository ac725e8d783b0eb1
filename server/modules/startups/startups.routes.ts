import { IsMongoId } from 'class-validator';
import type { AppContext } from '../../core/app-context.js';
import { mapPage } from '../../core/db/pages.js';
import { defineRoute, type RouteSpec } from '../../core/http/route.js';
import { todayInVietnam } from '../../core/time/calendar-date.js';
import { AddMemberDto } from './dto/add-member.dto.js';
import { ListStartupsQuery } from './dto/list-startups.query.js';
import { CreateStartupDto, UpdateStartupDto } from './dto/startup-fields.dto.js';
import { EligibilityView } from './eligibility.view.js';
import { presentStartup, StartupView } from './startups.presenter.js';
import { createStartup } from './usecases/create-startup.js';
import { getEligibility } from './usecases/get-eligibility.js';
import { getStartup } from './usecases/get-startup.js';
import { listStartups } from './usecases/list-startups.js';
import { addMember, removeMember } from './usecases/manage-members.js';
import { updateStartup } from './usecases/update-startup.js';

export class StartupPageView {
  items!: StartupView[];
  @IsMongoId() nextCursor!: string | null;
}

/** Startups, their team, and the 5-year rule. */
export function startupsRoutes(ctx: AppContext): RouteSpec[] {
  const today = () => todayInVietnam(ctx.now());
  return [
    defineRoute<CreateStartupDto>({
      method: 'post',
      path: '/api/v1/startups',
      summary: 'Register a startup (the caller becomes its owner)',
      tags: ['startups'],
      auth: ['startup'],
      body: CreateStartupDto,
      responses: { 201: { description: 'Created', schema: StartupView } },
      handler: async ({ user, body }) => ({ status: 201, body: presentStartup(await createStartup(user, body, ctx), today()) }),
    }),
    defineRoute<undefined, ListStartupsQuery>({
      method: 'get',
      path: '/api/v1/startups',
      summary: 'List startups (staff: all; founders: their own); filter, search, paginate',
      tags: ['startups'],
      auth: 'authenticated',
      query: ListStartupsQuery,
      responses: { 200: { description: 'One page', schema: StartupPageView } },
      handler: async ({ user, query }) => {
        const at = today();
        return { body: mapPage(await listStartups(user, query, at), (startup) => presentStartup(startup, at)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/startups/:id',
      summary: 'One startup',
      tags: ['startups'],
      auth: 'authenticated',
      responses: { 200: { description: 'The startup', schema: StartupView }, 404: { description: 'Not found or not visible' } },
      handler: async ({ user, params }) => ({ body: presentStartup(await getStartup(user, params.id!), today()) }),
    }),
    defineRoute<UpdateStartupDto>({
      method: 'patch',
      path: '/api/v1/startups/:id',
      summary: 'Change a startup (its team or an admin); null removes an optional field',
      tags: ['startups'],
      auth: 'authenticated',
      body: UpdateStartupDto,
      responses: {
        200: { description: 'Updated', schema: StartupView },
        404: { description: 'Not found or not visible' },
        409: { description: 'Someone else changed the startup at the same moment (`concurrent_update`); reload and try again' },
      },
      handler: async ({ user, params, body }) => ({ body: presentStartup(await updateStartup(user, params.id!, body, ctx), today()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/startups/:id/eligibility',
      summary: 'The 5-year rule for this startup, today in Vietnam',
      tags: ['startups'],
      auth: 'authenticated',
      responses: { 200: { description: 'Eligibility', schema: EligibilityView }, 404: { description: 'Not found or not visible' } },
      handler: async ({ user, params }) => ({ body: await getEligibility(user, params.id!, today()) }),
    }),
    defineRoute<AddMemberDto>({
      method: 'post',
      path: '/api/v1/startups/:id/members',
      summary: 'Add a registered founder to the team (owner or admin)',
      tags: ['startups'],
      auth: 'authenticated',
      body: AddMemberDto,
      responses: {
        200: { description: 'The startup with its new team', schema: StartupView },
        404: { description: 'No such startup, or no active account with this email' },
        409: { description: 'Already a member' },
        422: { description: 'That account is not a founder' },
      },
      handler: async ({ user, params, body }) => ({ body: presentStartup(await addMember(user, params.id!, body.email, ctx), today()) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/startups/:id/members/:userId',
      summary: 'Remove a team member (owner or admin); the owner stays',
      tags: ['startups'],
      auth: 'authenticated',
      responses: { 200: { description: 'The startup with its team', schema: StartupView }, 422: { description: 'The owner cannot leave' } },
      handler: async ({ user, params }) => ({ body: presentStartup(await removeMember(user, params.id!, params.userId!, ctx), today()) }),
    }),
  ];
}

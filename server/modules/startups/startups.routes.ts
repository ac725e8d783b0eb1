import { Type } from 'class-transformer';
import { IsArray, IsMongoId, IsOptional, ValidateNested } from 'class-validator';
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
import { readStartup, type MentorOfStartup } from './usecases/read-startup.js';
import { listStartups } from './usecases/list-startups.js';
import { addMember, removeMember } from './usecases/manage-members.js';
import { updateStartup } from './usecases/update-startup.js';

/** GET /startups: one page; pass `nextCursor` back as `cursor` for the next (null on the last page). */
export class StartupPageView {
  @IsArray() @ValidateNested({ each: true }) @Type(() => StartupView) items!: StartupView[];
  @IsOptional() @IsMongoId() nextCursor!: string | null;
}

/** What a client may do next with a startup it was given. */
const startupLinks = {
  GetStartup: { to: 'get /api/v1/startups/:id', parameters: { id: '$response.body#/id' } },
  ChangeStartup: { to: 'patch /api/v1/startups/:id', parameters: { id: '$response.body#/id' } },
  GetEligibility: { to: 'get /api/v1/startups/:id/eligibility', parameters: { id: '$response.body#/id' } },
  AddMember: { to: 'post /api/v1/startups/:id/members', parameters: { id: '$response.body#/id' } },
};
const startup = (description: string) => ({ description, schema: StartupView, links: startupLinks });
const notFound = { description: 'Not found or not visible' };
const notTheTeam = { description: 'Visible, but not the caller’s to change (staff who are not admins; owners only for the team)' };
const brokenRule = { description: 'Well-formed, but a rule says no (`rule_violated`): a company needs its code and date, dates not in the future' };

/** Startups, their team, and the 5-year rule. */
export function startupsRoutes(ctx: AppContext, ports: { mentorOf: MentorOfStartup }): RouteSpec[] {
  const today = () => todayInVietnam(ctx.now());
  return [
    defineRoute<CreateStartupDto>({
      method: 'post',
      path: '/api/v1/startups',
      summary: 'Register a startup (the caller becomes its owner)',
      tags: ['startups'],
      auth: ['startup'],
      body: CreateStartupDto,
      example: {
        name: 'Nấm Rơm Ô Môn',
        description: 'Trồng nấm rơm trên rơm rạ sau thu hoạch.',
        kind: 'company',
        enterpriseCode: '1801234567',
        firstRegisteredOn: '2023-03-15',
        growthBasis: ['technology'],
        sectors: ['agriculture'],
        stage: 'mvp',
        needs: ['marketing', 'fundraising'],
        district: 'Ô Môn',
        website: 'https://namromomon.vn',
      },
      responses: { 201: startup('Created'), 422: brokenRule },
      handler: async ({ user, body }) => ({ status: 201, body: presentStartup(await createStartup(user, body, ctx), today()) }),
    }),
    defineRoute<undefined, ListStartupsQuery>({
      method: 'get',
      path: '/api/v1/startups',
      summary: 'List startups (staff: all; founders: their own); filter, search, paginate',
      tags: ['startups'],
      auth: 'authenticated',
      query: ListStartupsQuery,
      responses: { 200: { description: 'One page', schema: StartupPageView }, 403: { description: 'Mentors see startups through their mentorships' } },
      handler: async ({ user, query }) => {
        const at = today();
        return { body: mapPage(await listStartups(user, query, at), (startup) => presentStartup(startup, at)) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/startups/:id',
      summary: 'One startup (its team, staff, and mentors it asked or who mentor it)',
      tags: ['startups'],
      auth: 'authenticated',
      responses: { 200: startup('The startup'), 404: notFound },
      handler: async ({ user, params }) => ({ body: presentStartup(await readStartup(user, params.id!, ports.mentorOf), today()) }),
    }),
    defineRoute<UpdateStartupDto>({
      method: 'patch',
      path: '/api/v1/startups/:id',
      summary: 'Change a startup (its team or an admin); null removes an optional field',
      tags: ['startups'],
      auth: 'authenticated',
      body: UpdateStartupDto,
      example: { stage: 'early_revenue', needs: ['sales', 'export'], website: null },
      responses: {
        200: startup('Updated'),
        403: notTheTeam,
        404: notFound,
        409: { description: 'Someone else changed the startup at the same moment (`concurrent_update`); reload and try again' },
        422: brokenRule,
      },
      handler: async ({ user, params, body }) => ({ body: presentStartup(await updateStartup(user, params.id!, body, ctx), today()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/startups/:id/eligibility',
      summary: 'The 5-year rule for this startup, today in Vietnam',
      tags: ['startups'],
      auth: 'authenticated',
      responses: { 200: { description: 'Eligibility', schema: EligibilityView }, 404: notFound },
      handler: async ({ user, params }) => ({ body: await getEligibility(user, params.id!, today()) }),
    }),
    defineRoute<AddMemberDto>({
      method: 'post',
      path: '/api/v1/startups/:id/members',
      summary: 'Add a registered founder to the team (owner or admin)',
      tags: ['startups'],
      auth: 'authenticated',
      body: AddMemberDto,
      example: { email: 'lan.nguyen@example.vn' },
      responses: {
        200: startup('The startup with its new team'),
        403: notTheTeam,
        404: { description: 'No such startup' },
        409: { description: 'Already a member' },
        422: { description: 'No active account with this email (`user_not_found`), or it is not a founder’s (`not_a_founder`)' },
      },
      handler: async ({ user, params, body }) => ({ body: presentStartup(await addMember(user, params.id!, body.email, ctx), today()) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/startups/:id/members/:userId',
      summary: 'Remove a team member (owner or admin); the owner stays',
      tags: ['startups'],
      auth: 'authenticated',
      responses: { 200: startup('The startup with its team'), 403: notTheTeam, 404: { description: 'No such startup or member' }, 422: { description: 'The owner cannot leave' } },
      handler: async ({ user, params }) => ({ body: presentStartup(await removeMember(user, params.id!, params.userId!, ctx), today()) }),
    }),
  ];
}

import type { AppContext } from '../../core/app-context.js';
import { mapPage } from '../../core/db/pages.js';
import { defineRoute, type RouteSpec } from '../../core/http/route.js';
import { CreateMentorDto } from './dto/create-mentor.dto.js';
import { ListMentorsQueryDto } from './dto/list-mentors-query.dto.js';
import { MentorPageView } from './dto/mentor-page.view.js';
import { MentorProfileFieldsDto } from './dto/mentor-profile-fields.dto.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { mentorsPolicy } from './mentors.policy.js';
import { MentorView, presentMentor, presentMentorSummary } from './mentors.presenter.js';
import type { MentorRecord } from './mentors.repository.js';
import { approveMentor } from './usecases/approve-mentor.js';
import { createMentorProfile } from './usecases/create-mentor-profile.js';
import { getMentor } from './usecases/get-mentor.js';
import { getOwnMentorProfile } from './usecases/get-own-mentor-profile.js';
import { listMentors } from './usecases/list-mentors.js';
import { pauseMentor } from './usecases/pause-mentor.js';
import { resumeMentor } from './usecases/resume-mentor.js';
import { updateMentorProfile } from './usecases/update-mentor-profile.js';

/** Mentor profiles (SPEC §3): self-service for mentors, approval by staff, a directory for everyone signed in. */

const tags = ['mentors'];
/** What a client may do next with a profile it was given. */
const profileLinks = {
  GetMentor: { to: 'get /api/v1/mentors/:id', parameters: { id: '$response.body#/id' } },
  ChangeMentor: { to: 'patch /api/v1/mentors/:id', parameters: { id: '$response.body#/id' } },
  ApproveMentor: { to: 'post /api/v1/mentors/:id/approve', parameters: { id: '$response.body#/id' } },
  PauseMentor: { to: 'post /api/v1/mentors/:id/pause', parameters: { id: '$response.body#/id' } },
  ResumeMentor: { to: 'post /api/v1/mentors/:id/resume', parameters: { id: '$response.body#/id' } },
  GetSlots: { to: 'get /api/v1/mentors/:id/slots', parameters: { id: '$response.body#/id' } },
};
const profile = (description: string) => ({ description, schema: MentorView, links: profileLinks });
const brokenRule = { description: 'Weekly windows that end before they start or overlap (`rule_violated`)' };
const example = {
  name: 'Trần Văn Minh',
  title: 'Tiến sĩ, Khoa Nông nghiệp',
  organisation: 'Trường Đại học Cần Thơ',
  bio: 'Nông nghiệp công nghệ cao và chuỗi giá trị lúa gạo.',
  sectors: ['agriculture', 'food_processing'],
  stages: ['prototype', 'mvp'],
  expertise: ['business_model', 'technology'],
  languages: ['vi', 'en'],
  mode: 'both',
  location: { district: 'Ninh Kiều', city: 'Cần Thơ' },
  capacity: { maxActiveMentees: 3, maxSessionsPerMonth: 8 },
  availability: { weekly: [{ weekday: 2, start: '18:30', end: '21:00' }], blockedDates: [] },
};
const notFound = { description: 'No such mentor, or not visible to the caller' };
const invalidTransition = { description: 'The profile is not in the state this change starts from (`invalid_transition`)' };

/** The profile as this caller may see it (conflicts of interest only for the mentor and staff). */
const presentFor = (user: AuthUser) => (mentor: MentorRecord) => presentMentor(mentor, mentorsPolicy.canSeeConflicts(user, mentor));

export function mentorsRoutes(ctx: AppContext): RouteSpec[] {
  return [
    defineRoute<CreateMentorDto>({
      method: 'post',
      path: '/api/v1/mentors',
      summary: 'Create your mentor profile (pending until a manager approves it)',
      tags,
      auth: ['mentor'],
      body: CreateMentorDto,
      example,
      responses: {
        201: profile('Created, status pending'),
        409: { description: 'You already have a profile (`mentor_profile_exists`)' },
        422: brokenRule,
      },
      handler: async ({ user, body }) => ({ status: 201, body: presentFor(user)(await createMentorProfile(user, body, ctx)) }),
    }),
    defineRoute<undefined, ListMentorsQueryDto>({
      method: 'get',
      path: '/api/v1/mentors',
      summary: 'List mentors; startups and mentors see active ones, staff see all',
      tags,
      auth: 'authenticated',
      query: ListMentorsQueryDto,
      responses: {
        200: { description: 'One page, in id order', schema: MentorPageView },
        403: { description: 'A status filter other than active from someone who is not staff' },
      },
      handler: async ({ user, query }) => {
        return { body: mapPage(await listMentors(user, query), presentMentorSummary) };
      },
    }),
    // Before /mentors/:id, or "me" would be taken for an id.
    defineRoute({
      method: 'get',
      path: '/api/v1/mentors/me',
      summary: 'Your own mentor profile, whatever its status',
      tags,
      auth: ['mentor'],
      responses: { 200: profile('Your profile'), 404: { description: 'You have no profile yet' } },
      handler: async ({ user }) => ({ body: presentFor(user)(await getOwnMentorProfile(user)) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/mentors/:id',
      summary: 'One mentor; profiles that are not active are visible only to their mentor and staff',
      tags,
      auth: 'authenticated',
      responses: { 200: profile('The mentor'), 404: notFound },
      handler: async ({ user, params }) => ({ body: presentFor(user)(await getMentor(user, params.id!)) }),
    }),
    defineRoute<MentorProfileFieldsDto>({
      method: 'patch',
      path: '/api/v1/mentors/:id',
      summary: 'Change profile fields (the mentor, or an admin); nested groups are merged member by member',
      tags,
      auth: ['mentor', 'admin'],
      body: MentorProfileFieldsDto,
      example: { title: 'Phó Giáo sư', availability: { weekly: [{ weekday: 6, start: '08:00', end: '11:30' }] } },
      responses: {
        422: brokenRule,
        200: profile('The changed profile'),
        403: { description: 'Not your profile' },
        404: notFound,
        409: { description: 'Concurrent edits kept colliding (`concurrent_update`); try again' },
      },
      handler: async ({ user, params, body }) => ({ body: presentFor(user)(await updateMentorProfile(user, params.id!, body, ctx)) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/mentors/:id/approve',
      summary: 'Approve a pending mentor (pending → active)',
      tags,
      auth: ['manager', 'admin'],
      responses: { 200: profile('Approved, now active'), 404: notFound, 409: { description: 'Not pending (`invalid_transition`), or the account is deactivated (`account_deactivated`)' } },
      handler: async ({ user, params }) => ({ body: presentFor(user)(await approveMentor(user, params.id!, ctx)) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/mentors/:id/pause',
      summary: 'Pause your profile (active → paused): no new matches until you resume',
      tags,
      auth: ['mentor'],
      responses: { 200: profile('Paused'), 403: { description: 'Not your profile' }, 404: notFound, 409: invalidTransition },
      handler: async ({ user, params }) => ({ body: presentFor(user)(await pauseMentor(user, params.id!, ctx)) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/mentors/:id/resume',
      summary: 'Resume your paused profile (paused → active); a pending profile needs approval instead',
      tags,
      auth: ['mentor'],
      responses: { 200: profile('Active again'), 403: { description: 'Not your profile' }, 404: notFound, 409: invalidTransition },
      handler: async ({ user, params }) => ({ body: presentFor(user)(await resumeMentor(user, params.id!, ctx)) }),
    }),
  ];
}

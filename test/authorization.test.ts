/**
 * The authorization table: every route × every kind of caller, over real
 * HTTP, with the status each must get. "own" is the caller's own record
 * (their startup, their profile, the cohort they manage); "other" is
 * someone else's. Cells that change state get fresh targets, so the order
 * of cells does not matter. A route without a row fails the last tests,
 * whether it is missing from the mounted routes or from the served OpenAPI
 * document, and so does a row that is no route. The sockets' rooms have
 * the same table in socket-authorization.test.ts.
 *
 * Reading the table: 404 means the caller may not even know the record
 * exists; 403 means they may see it but not do this.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { allRoutes } from '../server/app.js';
import { notify } from '../server/modules/notifications/usecases/notify.js';
import { createTestUser, FACTORY_PASSWORD, type TestUser } from './helpers/factories.js';
import { startTestRunway, type TestRunway } from './helpers/runway.js';

const ACTORS = ['anonymous', 'startup:own', 'startup:other', 'mentor:own', 'mentor:other', 'manager:own', 'manager:other', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

interface World {
  runway: TestRunway;
  users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
  /** founderA's startup, admitted to the cohort. */
  startupId: string;
  /** managed by manager:own. */
  cohortId: string;
  milestoneId: string;
  /** mentor:own's profile (active). */
  mentorId: string;
}

interface Call {
  path: string;
  body?: unknown;
  /** Replaces the actor's token (same role, e.g. a fresh mentor who owns a fresh profile). */
  token?: string;
}

interface Row {
  route: string;
  expect: Record<Actor, number>;
  call(actor: Actor, world: World): Promise<Call> | Call;
}

/** Expected statuses, given as: anonymous, startup own/other, mentor own/other, manager own/other, admin. */
function statuses(...codes: [number, number, number, number, number, number, number, number]): Record<Actor, number> {
  return Object.fromEntries(ACTORS.map((actor, i) => [actor, codes[i]!])) as Record<Actor, number>;
}

const unique = () => randomBytes(4).toString('hex');
const startupBody = (overrides: Record<string, unknown> = {}) => ({
  name: `Khởi nghiệp ${unique()}`,
  kind: 'individual',
  growthBasis: ['technology'],
  sectors: ['agriculture'],
  stage: 'idea',
  ...overrides,
});
const cohortBody = () => ({
  name: `Đợt ${unique()}`,
  programme: 'Mekong Startup Runway',
  year: 2026,
  startsOn: '2026-09-01',
  endsOn: '2027-02-28',
  milestoneTemplate: [{ key: 'mvp', title: 'MVP', dueWeeks: 4 }],
});

async function ok(response: Promise<{ status: number; text: string; body: { id?: string } }>, want: number): Promise<{ id?: string }> {
  const r = await response;
  if (r.status !== want) throw new Error(`setup failed: ${r.status} ${r.text}`);
  return r.body;
}

/** Fresh targets for cells that change state. */
const fresh = {
  async mentor(w: World, status: 'pending' | 'active' | 'paused'): Promise<{ id: string; token: string }> {
    const user = await createTestUser(w.runway, 'mentor');
    const { id } = await ok(w.runway.http('POST', '/api/v1/mentors', { token: user.token, body: { languages: ['vi'] } }), 201);
    if (status !== 'pending') await ok(w.runway.http('POST', `/api/v1/mentors/${id}/approve`, { token: w.users.admin.token }), 200);
    if (status === 'paused') await ok(w.runway.http('POST', `/api/v1/mentors/${id}/pause`, { token: user.token }), 200);
    return { id: id!, token: user.token };
  },
  async admittedStartup(w: World): Promise<string> {
    const founder = await createTestUser(w.runway, 'startup');
    const { id } = await ok(w.runway.http('POST', '/api/v1/startups', { token: founder.token, body: startupBody() }), 201);
    await ok(w.runway.http('POST', `/api/v1/cohorts/${w.cohortId}/admissions`, { token: w.users['manager:own'].token, body: { startupId: id } }), 201);
    return id!;
  },
  async startup(w: World): Promise<string> {
    const founder = await createTestUser(w.runway, 'startup');
    return (await ok(w.runway.http('POST', '/api/v1/startups', { token: founder.token, body: startupBody() }), 201)).id!;
  },
  /** An active mentor free on weekdays, so that requests to them pass matching's hard filters. */
  async freeMentor(w: World): Promise<{ id: string; token: string }> {
    const user = await createTestUser(w.runway, 'mentor');
    const body = { languages: ['vi'], availability: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })) } };
    const { id } = await ok(w.runway.http('POST', '/api/v1/mentors', { token: user.token, body }), 201);
    await ok(w.runway.http('POST', `/api/v1/mentors/${id}/approve`, { token: w.users.admin.token }), 200);
    return { id: id!, token: user.token };
  },
  /**
   * Withdraws startup:own's open requests, so that the next one stays within
   * the cap of open requests per startup however many cells ran before.
   */
  async roomForRequest(w: World): Promise<void> {
    const token = w.users['startup:own'].token;
    const page = (await ok(w.runway.http('GET', `/api/v1/mentor-requests?startupId=${w.startupId}&status=pending&limit=100`, { token }), 200)) as { items?: Array<{ id: string }> };
    for (const open of page.items ?? []) await ok(w.runway.http('POST', `/api/v1/mentor-requests/${open.id}/withdraw`, { token }), 200);
  },
  /** A pending request from startup:own's startup to a fresh mentor (whose token "mentor:own" then uses). */
  async request(w: World): Promise<{ id: string; mentorToken: string }> {
    await fresh.roomForRequest(w);
    const mentor = await fresh.freeMentor(w);
    const body = { startupId: w.startupId, mentorId: mentor.id, message: 'Xin được hướng dẫn.' };
    const { id } = await ok(w.runway.http('POST', '/api/v1/mentor-requests', { token: w.users['startup:own'].token, body }), 201);
    return { id: id!, mentorToken: mentor.token };
  },
  /** An active mentorship of startup:own's startup with a fresh mentor. */
  async mentorship(w: World): Promise<{ id: string; mentorToken: string }> {
    const request = await fresh.request(w);
    const accepted = (await ok(w.runway.http('POST', `/api/v1/mentor-requests/${request.id}/accept`, { token: request.mentorToken }), 200)) as { mentorship?: { id: string } };
    return { id: accepted.mentorship!.id, mentorToken: request.mentorToken };
  },
  /** A draft assignment proposal of manager:own's cohort. */
  async proposal(w: World): Promise<string> {
    const body = { mentorsPerStartup: 1 };
    return (await ok(w.runway.http('POST', `/api/v1/cohorts/${w.cohortId}/assignment-proposals`, { token: w.users['manager:own'].token, body }), 201)).id!;
  },
  /** A fresh mentor mentoring startup:own's startup, and that mentor's first free slots. */
  async mentoring(w: World): Promise<{ mentorId: string; mentorToken: string; slots: string[] }> {
    await fresh.roomForRequest(w);
    const mentor = await fresh.freeMentor(w);
    const body = { startupId: w.startupId, mentorId: mentor.id, message: 'Xin được hướng dẫn.' };
    const { id } = await ok(w.runway.http('POST', '/api/v1/mentor-requests', { token: w.users['startup:own'].token, body }), 201);
    await ok(w.runway.http('POST', `/api/v1/mentor-requests/${id}/accept`, { token: mentor.token }), 200);
    const slots = (await ok(w.runway.http('GET', `/api/v1/mentors/${mentor.id}/slots`, { token: mentor.token }), 200)) as { items?: Array<{ start: string }> };
    return { mentorId: mentor.id, mentorToken: mentor.token, slots: slots.items!.map((slot) => slot.start) };
  },
  /** A scheduled session of startup:own's startup with a fresh mentor (whose token "mentor:own" then uses). */
  async session(w: World): Promise<{ id: string; mentorToken: string; nextSlot: string }> {
    const mentoring = await fresh.mentoring(w);
    const body = { startupId: w.startupId, mentorId: mentoring.mentorId, start: mentoring.slots[0], mode: 'online', link: 'https://meet.example.vn/a', topic: 'Gọi vốn' };
    const { id } = await ok(w.runway.http('POST', '/api/v1/sessions', { token: w.users['startup:own'].token, body }), 201);
    return { id: id!, mentorToken: mentoring.mentorToken, nextSlot: mentoring.slots[1]! };
  },
  async member(w: World): Promise<TestUser> {
    const member = await createTestUser(w.runway, 'startup');
    await ok(w.runway.http('POST', `/api/v1/startups/${w.startupId}/members`, { token: w.users['startup:own'].token, body: { email: member.record.email } }), 200);
    return member;
  },
};

/** The programme's ledger: a fresh activity and certification made by the admin, for cells that change or remove them. */
const ledger = {
  async activity(w: World): Promise<string> {
    const body = { title: `Lớp ${unique()}`, kind: 'awareness_class', startsOn: '2025-03-15', endsOn: '2025-03-15', organisers: ['Sở KH&CN Cần Thơ'], place: 'Ninh Kiều' };
    return (await ok(w.runway.http('POST', '/api/v1/activities', { token: w.users.admin.token, body }), 201)).id!;
  },
  async recognition(w: World): Promise<string> {
    const body = { startupId: w.startupId, kind: 'recognition', title: `Giải ${unique()}`, issuer: 'Thành đoàn Cần Thơ', issuedOn: '2025-06-01' };
    return (await ok(w.runway.http('POST', '/api/v1/certifications', { token: w.users.admin.token, body }), 201)).id!;
  },
};
const STAFF_ONLY = (ok: number) => statuses(401, 403, 403, 403, 403, ok, ok, ok);

const ROWS: Row[] = [
  { route: 'GET /healthz', expect: statuses(200, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/healthz' }) },
  { route: 'GET /readyz', expect: statuses(200, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/readyz' }) },
  { route: 'GET /api/v1/taxonomies', expect: statuses(200, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/api/v1/taxonomies' }) },
  {
    route: 'POST /api/v1/auth/register',
    expect: statuses(201, 201, 201, 201, 201, 201, 201, 201),
    call: () => ({ path: '/api/v1/auth/register', body: { email: `new-${unique()}@example.vn`, password: 'long enough pass', name: 'Mới', role: 'startup' } }),
  },
  {
    route: 'POST /api/v1/auth/login',
    expect: statuses(200, 200, 200, 200, 200, 200, 200, 200),
    call: (_a, w) => ({ path: '/api/v1/auth/login', body: { email: w.users['startup:own'].record.email, password: FACTORY_PASSWORD } }),
  },
  { route: 'GET /api/v1/me', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/api/v1/me' }) },
  {
    route: 'POST /api/v1/users',
    expect: statuses(401, 403, 403, 403, 403, 403, 403, 201),
    call: () => ({ path: '/api/v1/users', body: { email: `staff-${unique()}@example.vn`, password: 'long enough pass', name: 'Cán bộ', role: 'manager' } }),
  },
  { route: 'GET /api/v1/users', expect: statuses(401, 403, 403, 403, 403, 403, 403, 200), call: () => ({ path: '/api/v1/users' }) },
  {
    route: 'GET /api/v1/users/:id',
    expect: statuses(401, 403, 403, 403, 403, 403, 403, 200),
    call: (_a, w) => ({ path: `/api/v1/users/${w.users['startup:other'].id}` }),
  },
  {
    // A fresh user each time: the admin's cell really changes the role.
    route: 'PATCH /api/v1/users/:id',
    expect: statuses(401, 403, 403, 403, 403, 403, 403, 200),
    call: async (_a, w) => ({ path: `/api/v1/users/${(await createTestUser(w.runway, 'startup')).id}`, body: { role: 'mentor' } }),
  },

  // Mentors. own = a mentor without a profile yet (POST), or the profile's owner.
  {
    route: 'POST /api/v1/mentors',
    expect: statuses(401, 403, 403, 201, 409, 403, 403, 403),
    call: async (actor, w) => {
      if (actor === 'mentor:own') return { path: '/api/v1/mentors', body: { languages: ['vi'] }, token: (await createTestUser(w.runway, 'mentor')).token };
      return { path: '/api/v1/mentors', body: { languages: ['vi'] } };
    },
  },
  { route: 'GET /api/v1/mentors', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/api/v1/mentors' }) },
  {
    route: 'GET /api/v1/mentors/me',
    expect: statuses(401, 403, 403, 200, 404, 403, 403, 403),
    call: async (actor, w) =>
      actor === 'mentor:other' ? { path: '/api/v1/mentors/me', token: (await createTestUser(w.runway, 'mentor')).token } : { path: '/api/v1/mentors/me' },
  },
  {
    route: 'GET /api/v1/mentors/:id/slots',
    // Like the profile: a pending mentor's slots only for its owner and staff.
    expect: statuses(401, 404, 404, 200, 404, 200, 200, 200),
    call: async (actor, w) => {
      const mentor = await fresh.mentor(w, 'pending');
      return { path: `/api/v1/mentors/${mentor.id}/slots`, ...(actor === 'mentor:own' ? { token: mentor.token } : {}) };
    },
  },
  {
    route: 'GET /api/v1/mentors/:id',
    // A pending profile: only its owner and staff may see it.
    expect: statuses(401, 404, 404, 200, 404, 200, 200, 200),
    call: async (actor, w) => {
      const mentor = await fresh.mentor(w, 'pending');
      return { path: `/api/v1/mentors/${mentor.id}`, ...(actor === 'mentor:own' ? { token: mentor.token } : {}) };
    },
  },
  {
    route: 'PATCH /api/v1/mentors/:id',
    expect: statuses(401, 403, 403, 200, 403, 403, 403, 200),
    call: (_a, w) => ({ path: `/api/v1/mentors/${w.mentorId}`, body: { bio: `Cố vấn ${unique()}` } }),
  },
  {
    route: 'POST /api/v1/mentors/:id/approve',
    expect: statuses(401, 403, 403, 403, 403, 200, 200, 200),
    call: async (_a, w) => ({ path: `/api/v1/mentors/${(await fresh.mentor(w, 'pending')).id}/approve` }),
  },
  {
    route: 'POST /api/v1/mentors/:id/pause',
    expect: statuses(401, 403, 403, 200, 403, 403, 403, 403),
    call: async (actor, w) => {
      const mentor = await fresh.mentor(w, 'active');
      return { path: `/api/v1/mentors/${mentor.id}/pause`, ...(actor === 'mentor:own' ? { token: mentor.token } : {}) };
    },
  },
  {
    route: 'POST /api/v1/mentors/:id/resume',
    // A paused profile is hidden from other mentors: 404.
    expect: statuses(401, 403, 403, 200, 404, 403, 403, 403),
    call: async (actor, w) => {
      const mentor = await fresh.mentor(w, 'paused');
      return { path: `/api/v1/mentors/${mentor.id}/resume`, ...(actor === 'mentor:own' ? { token: mentor.token } : {}) };
    },
  },

  // Startups. own = a member of the startup.
  {
    route: 'POST /api/v1/startups',
    expect: statuses(401, 201, 201, 403, 403, 403, 403, 403),
    call: () => ({ path: '/api/v1/startups', body: startupBody() }),
  },
  { route: 'GET /api/v1/startups', expect: statuses(401, 200, 200, 403, 403, 200, 200, 200), call: () => ({ path: '/api/v1/startups' }) },
  {
    route: 'GET /api/v1/startups/:id',
    // mentor:own = a mentor the startup is asking, who reads whom they answer;
    // mentor:other = a mentor it asked and then withdrew from, who no longer may.
    expect: statuses(401, 200, 404, 200, 404, 200, 200, 200),
    call: async (actor, w) => {
      if (actor !== 'mentor:own' && actor !== 'mentor:other') return { path: `/api/v1/startups/${w.startupId}` };
      const request = await fresh.request(w);
      if (actor === 'mentor:other') await ok(w.runway.http('POST', `/api/v1/mentor-requests/${request.id}/withdraw`, { token: w.users['startup:own'].token }), 200);
      return { path: `/api/v1/startups/${w.startupId}`, token: request.mentorToken };
    },
  },
  {
    route: 'PATCH /api/v1/startups/:id',
    expect: statuses(401, 200, 404, 404, 404, 403, 403, 200),
    call: (_a, w) => ({ path: `/api/v1/startups/${w.startupId}`, body: { description: `Mô tả ${unique()}` } }),
  },
  {
    route: 'GET /api/v1/startups/:id/eligibility',
    expect: statuses(401, 200, 404, 404, 404, 200, 200, 200),
    call: (_a, w) => ({ path: `/api/v1/startups/${w.startupId}/eligibility` }),
  },
  {
    route: 'POST /api/v1/startups/:id/members',
    expect: statuses(401, 200, 404, 404, 404, 403, 403, 200),
    call: async (_a, w) => ({ path: `/api/v1/startups/${w.startupId}/members`, body: { email: (await createTestUser(w.runway, 'startup')).record.email } }),
  },
  {
    route: 'DELETE /api/v1/startups/:id/members/:userId',
    expect: statuses(401, 200, 404, 404, 404, 403, 403, 200),
    call: async (_a, w) => ({ path: `/api/v1/startups/${w.startupId}/members/${(await fresh.member(w)).id}` }),
  },

  // Cohorts. own = the cohort's manager; a founder's "own" cohort is one their startup is in.
  {
    route: 'POST /api/v1/cohorts',
    expect: statuses(401, 403, 403, 403, 403, 201, 201, 201),
    call: () => ({ path: '/api/v1/cohorts', body: cohortBody() }),
  },
  { route: 'GET /api/v1/cohorts', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/api/v1/cohorts' }) },
  {
    route: 'GET /api/v1/cohorts/:id',
    expect: statuses(401, 200, 404, 404, 404, 200, 200, 200),
    call: (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}` }),
  },
  {
    route: 'POST /api/v1/cohorts/:id/admissions',
    expect: statuses(401, 403, 403, 403, 403, 201, 403, 201),
    call: async (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}/admissions`, body: { startupId: await fresh.startup(w) } }),
  },
  {
    route: 'POST /api/v1/cohorts/:id/admissions/:startupId/withdraw',
    expect: statuses(401, 403, 403, 403, 403, 200, 403, 200),
    call: async (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}/admissions/${await fresh.admittedStartup(w)}/withdraw` }),
  },
  {
    route: 'POST /api/v1/cohorts/:id/admissions/:startupId/graduate',
    expect: statuses(401, 403, 403, 403, 403, 200, 403, 200),
    call: async (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}/admissions/${await fresh.admittedStartup(w)}/graduate` }),
  },
  {
    route: 'GET /api/v1/cohorts/:id/board',
    expect: statuses(401, 403, 404, 404, 404, 200, 403, 200),
    call: (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}/board` }),
  },

  // Milestones of founderA's startup in the cohort.
  {
    route: 'GET /api/v1/milestones',
    expect: statuses(401, 200, 404, 404, 404, 200, 403, 200),
    call: (_a, w) => ({ path: `/api/v1/milestones?cohortId=${w.cohortId}&startupId=${w.startupId}` }),
  },
  {
    route: 'GET /api/v1/milestones/:id',
    expect: statuses(401, 200, 404, 404, 404, 200, 403, 200),
    call: (_a, w) => ({ path: `/api/v1/milestones/${w.milestoneId}` }),
  },
  {
    route: 'PATCH /api/v1/milestones/:id',
    expect: statuses(401, 200, 404, 404, 404, 200, 403, 200),
    call: (_a, w) => ({ path: `/api/v1/milestones/${w.milestoneId}`, body: { note: `Ghi chú ${unique()}` } }),
  },

  // Matching, requests and mentorships of startup:own's startup (admitted to manager:own's cohort).
  {
    route: 'GET /api/v1/matches',
    // Mentors never see others' scores.
    expect: statuses(401, 200, 404, 403, 403, 200, 403, 200),
    call: (_a, w) => ({ path: `/api/v1/matches?startupId=${w.startupId}` }),
  },
  {
    route: 'POST /api/v1/mentor-requests',
    expect: statuses(401, 201, 404, 403, 403, 201, 403, 201),
    call: async (_a, w) => {
      await fresh.roomForRequest(w);
      return { path: '/api/v1/mentor-requests', body: { startupId: w.startupId, mentorId: (await fresh.freeMentor(w)).id, message: 'Xin được hướng dẫn.' } };
    },
  },
  { route: 'GET /api/v1/mentor-requests', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/api/v1/mentor-requests' }) },
  {
    route: 'GET /api/v1/mentor-requests/:id',
    expect: statuses(401, 200, 404, 200, 404, 200, 404, 200),
    call: async (actor, w) => {
      const request = await fresh.request(w);
      return { path: `/api/v1/mentor-requests/${request.id}`, ...(actor === 'mentor:own' ? { token: request.mentorToken } : {}) };
    },
  },
  {
    route: 'POST /api/v1/mentor-requests/:id/accept',
    expect: statuses(401, 403, 403, 200, 404, 403, 403, 200),
    call: async (actor, w) => {
      const request = await fresh.request(w);
      return { path: `/api/v1/mentor-requests/${request.id}/accept`, ...(actor === 'mentor:own' ? { token: request.mentorToken } : {}) };
    },
  },
  {
    route: 'POST /api/v1/mentor-requests/:id/decline',
    expect: statuses(401, 403, 403, 200, 404, 403, 403, 200),
    call: async (actor, w) => {
      const request = await fresh.request(w);
      return { path: `/api/v1/mentor-requests/${request.id}/decline`, body: { reason: 'Kín lịch.' }, ...(actor === 'mentor:own' ? { token: request.mentorToken } : {}) };
    },
  },
  {
    route: 'POST /api/v1/mentor-requests/:id/withdraw',
    // The mentor asked and the cohort's manager see it but did not ask: 403.
    expect: statuses(401, 200, 404, 403, 404, 403, 404, 200),
    call: async (actor, w) => {
      const request = await fresh.request(w);
      return { path: `/api/v1/mentor-requests/${request.id}/withdraw`, ...(actor === 'mentor:own' ? { token: request.mentorToken } : {}) };
    },
  },
  { route: 'GET /api/v1/mentorships', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/api/v1/mentorships' }) },
  {
    route: 'GET /api/v1/mentorships/:id',
    expect: statuses(401, 200, 404, 200, 404, 200, 404, 200),
    call: async (actor, w) => {
      const mentorship = await fresh.mentorship(w);
      return { path: `/api/v1/mentorships/${mentorship.id}`, ...(actor === 'mentor:own' ? { token: mentorship.mentorToken } : {}) };
    },
  },
  {
    route: 'POST /api/v1/mentorships/:id/end',
    expect: statuses(401, 200, 404, 200, 404, 200, 404, 200),
    call: async (actor, w) => {
      const mentorship = await fresh.mentorship(w);
      return { path: `/api/v1/mentorships/${mentorship.id}/end`, body: {}, ...(actor === 'mentor:own' ? { token: mentorship.mentorToken } : {}) };
    },
  },

  // Assignment proposals of manager:own's cohort (startup:own's startup is in it: the founder sees the cohort, 403).
  {
    route: 'POST /api/v1/cohorts/:id/assignment-proposals',
    expect: statuses(401, 403, 404, 404, 404, 201, 403, 201),
    call: (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}/assignment-proposals`, body: { mentorsPerStartup: 1 } }),
  },
  {
    route: 'GET /api/v1/cohorts/:id/assignment-proposals',
    expect: statuses(401, 403, 404, 404, 404, 200, 403, 200),
    call: (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}/assignment-proposals` }),
  },
  {
    route: 'GET /api/v1/cohorts/:id/assignment-proposals/:proposalId',
    expect: statuses(401, 403, 404, 404, 404, 200, 403, 200),
    call: async (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}/assignment-proposals/${await fresh.proposal(w)}` }),
  },
  {
    route: 'PATCH /api/v1/cohorts/:id/assignment-proposals/:proposalId',
    expect: statuses(401, 403, 404, 404, 404, 200, 403, 200),
    call: async (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}/assignment-proposals/${await fresh.proposal(w)}`, body: { pairs: [] } }),
  },
  {
    route: 'POST /api/v1/cohorts/:id/assignment-proposals/:proposalId/apply',
    expect: statuses(401, 403, 404, 404, 404, 200, 403, 200),
    call: async (_a, w) => ({ path: `/api/v1/cohorts/${w.cohortId}/assignment-proposals/${await fresh.proposal(w)}/apply`, body: { as: 'requests' } }),
  },

  // Sessions of startup:own's startup; "mentor:own" is the session's mentor.
  {
    route: 'POST /api/v1/sessions',
    // Mentors do not book; a founder learns nothing of another startup; a manager of another cohort sees but may not.
    expect: statuses(401, 201, 404, 403, 403, 201, 403, 201),
    call: async (_a, w) => {
      const mentoring = await fresh.mentoring(w);
      return { path: '/api/v1/sessions', body: { startupId: w.startupId, mentorId: mentoring.mentorId, start: mentoring.slots[0], mode: 'in_person', place: 'Vườn ươm Cần Thơ', topic: 'Gọi vốn' } };
    },
  },
  { route: 'GET /api/v1/sessions', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/api/v1/sessions' }) },
  {
    route: 'GET /api/v1/sessions/:id',
    expect: statuses(401, 200, 404, 200, 404, 200, 404, 200),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}`, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  {
    route: 'GET /api/v1/sessions/:id/calendar',
    expect: statuses(401, 200, 404, 200, 404, 200, 404, 200),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}/calendar`, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  {
    route: 'GET /api/v1/sessions/:id/milestones',
    expect: statuses(401, 200, 404, 200, 404, 200, 404, 200),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}/milestones`, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  // Each signed-in person has their own feed; the feed URL itself needs no sign-in (its token is the key).
  { route: 'POST /api/v1/me/calendar-feed', expect: statuses(401, 201, 201, 201, 201, 201, 201, 201), call: () => ({ path: '/api/v1/me/calendar-feed' }) },
  { route: 'DELETE /api/v1/me/calendar-feed', expect: statuses(401, 204, 204, 204, 204, 204, 204, 204), call: () => ({ path: '/api/v1/me/calendar-feed' }) },
  {
    route: 'GET /api/v1/calendar-feeds/:token',
    expect: statuses(200, 200, 200, 200, 200, 200, 200, 200),
    call: async (_a, w) => ({ path: ((await ok(w.runway.http('POST', '/api/v1/me/calendar-feed', { token: w.users['startup:own'].token }), 201)) as { path?: string }).path! }),
  },
  {
    route: 'POST /api/v1/sessions/:id/cancel',
    expect: statuses(401, 200, 404, 200, 404, 200, 404, 200),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}/cancel`, body: { reason: 'Trùng lịch' }, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  {
    route: 'POST /api/v1/sessions/:id/reschedule',
    expect: statuses(401, 200, 404, 200, 404, 200, 404, 200),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}/reschedule`, body: { start: session.nextSlot }, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  {
    route: 'POST /api/v1/sessions/:id/complete',
    // Allowed callers reach the state check: a session in the future is 409 session_not_started.
    expect: statuses(401, 403, 404, 409, 404, 403, 404, 409),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}/complete`, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  {
    route: 'POST /api/v1/sessions/:id/feedback',
    // Only the two sides give feedback; on a session not yet completed they reach the state check (409).
    expect: statuses(401, 409, 404, 409, 404, 403, 404, 403),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}/feedback`, body: { rating: 5 }, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  {
    route: 'POST /api/v1/sessions/:id/no-show',
    expect: statuses(401, 409, 404, 409, 404, 403, 404, 409),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}/no-show`, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  {
    route: 'PUT /api/v1/sessions/:id/notes',
    // The mentor's private note: only the mentor writes it; those who see the session get 403, admins included (they read it).
    expect: statuses(401, 403, 404, 200, 404, 403, 404, 403),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}/notes`, body: { text: 'Ghi chú riêng' }, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  {
    route: 'POST /api/v1/sessions/:id/action-items',
    // The mentor sets action items (an admin on their behalf); the team and managers see them.
    expect: statuses(401, 403, 404, 201, 404, 403, 404, 201),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      return { path: `/api/v1/sessions/${session.id}/action-items`, body: { title: 'Gửi bảng giá' }, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },
  {
    route: 'PATCH /api/v1/sessions/:id/action-items/:itemId',
    // Those who met tick them — the team and the mentor — and admins; managers follow.
    expect: statuses(401, 200, 404, 200, 404, 403, 404, 200),
    call: async (actor, w) => {
      const session = await fresh.session(w);
      const item = (await ok(w.runway.http('POST', `/api/v1/sessions/${session.id}/action-items`, { token: session.mentorToken, body: { title: 'Gửi bảng giá' } }), 201)) as { id?: string };
      return { path: `/api/v1/sessions/${session.id}/action-items/${item.id}`, body: { done: true }, ...(actor === 'mentor:own' ? { token: session.mentorToken } : {}) };
    },
  },

  // Notifications: each person reads only their own (startup:own's here).
  { route: 'GET /api/v1/notifications', expect: statuses(401, 200, 200, 200, 200, 200, 200, 200), call: () => ({ path: '/api/v1/notifications' }) },
  {
    route: 'POST /api/v1/notifications/:id/read',
    expect: statuses(401, 200, 404, 404, 404, 404, 404, 404),
    call: async (_a, w) => {
      const key = `test.notice:${unique()}`;
      await notify({ key, kind: 'test.notice', userIds: [w.users['startup:own'].id], title: { vi: 'Thử', en: 'Test' }, body: { vi: 'Thử', en: 'Test' }, data: {} }, w.runway.context.bus);
      // The founder has many notices by now (each action item set on their sessions tells them): page to the newest test notice.
      let mine: { id: string } | undefined;
      for (let cursor = ''; ; ) {
        const listed = await w.runway.http('GET', `/api/v1/notifications?limit=100&unread=true${cursor}`, { token: w.users['startup:own'].token });
        mine = (listed.body.items as Array<{ id: string; kind: string }>).filter((n) => n.kind === 'test.notice').pop() ?? mine;
        if (!listed.body.nextCursor) break;
        cursor = `&cursor=${listed.body.nextCursor}`;
      }
      return { path: `/api/v1/notifications/${mine!.id}/read` };
    },
  },
  // The ledger and reports: any manager and admins (not cohort-bound); targets are the admins'.
  {
    route: 'POST /api/v1/activities',
    expect: STAFF_ONLY(201),
    call: () => ({ path: '/api/v1/activities', body: { title: `Sự kiện ${unique()}`, kind: 'local_connection_event', startsOn: '2025-05-10', endsOn: '2025-05-10', organisers: ['CBA'], place: 'Cái Răng' } }),
  },
  { route: 'GET /api/v1/activities', expect: STAFF_ONLY(200), call: () => ({ path: '/api/v1/activities' }) },
  { route: 'GET /api/v1/activities/:id', expect: STAFF_ONLY(200), call: async (_a, w) => ({ path: `/api/v1/activities/${await ledger.activity(w)}` }) },
  { route: 'PATCH /api/v1/activities/:id', expect: STAFF_ONLY(200), call: async (_a, w) => ({ path: `/api/v1/activities/${await ledger.activity(w)}`, body: { place: 'Bình Thủy' } }) },
  { route: 'DELETE /api/v1/activities/:id', expect: STAFF_ONLY(204), call: async (_a, w) => ({ path: `/api/v1/activities/${await ledger.activity(w)}` }) },
  {
    route: 'POST /api/v1/activities/:id/attendance/import',
    expect: STAFF_ONLY(200),
    call: async (_a, w) => ({ path: `/api/v1/activities/${await ledger.activity(w)}/attendance/import`, body: { csv: `name,startupId\nNguyễn Văn A,${w.startupId}\n` } }),
  },
  {
    route: 'POST /api/v1/certifications',
    expect: STAFF_ONLY(201),
    call: (_a, w) => ({ path: '/api/v1/certifications', body: { startupId: w.startupId, kind: 'recognition', title: `Giải ${unique()}`, issuer: 'Thành đoàn Cần Thơ', issuedOn: '2025-06-01' } }),
  },
  // Founders see their own startups' (an empty page for startup:other), mentors none.
  { route: 'GET /api/v1/certifications', expect: statuses(401, 200, 200, 403, 403, 200, 200, 200), call: () => ({ path: '/api/v1/certifications' }) },
  { route: 'DELETE /api/v1/certifications/:id', expect: STAFF_ONLY(204), call: async (_a, w) => ({ path: `/api/v1/certifications/${await ledger.recognition(w)}` }) },
  { route: 'GET /api/v1/reports/targets', expect: STAFF_ONLY(200), call: () => ({ path: '/api/v1/reports/targets?year=2025' }) },
  { route: 'PUT /api/v1/reports/targets', expect: statuses(401, 403, 403, 403, 403, 403, 403, 200), call: () => ({ path: '/api/v1/reports/targets', body: { year: 2026, kpi: 'regional_events', value: 1 } }) },
  { route: 'GET /api/v1/reports/kpis', expect: STAFF_ONLY(200), call: () => ({ path: '/api/v1/reports/kpis?year=2025' }) },
  { route: 'GET /api/v1/reports/kpis/csv', expect: STAFF_ONLY(200), call: () => ({ path: '/api/v1/reports/kpis/csv?year=2025' }) },
  { route: 'GET /api/v1/reports/kpis/print', expect: STAFF_ONLY(200), call: () => ({ path: '/api/v1/reports/kpis/print?from=2021-01-01&to=2023-06-30' }) },
];

describe('authorization table: every route × every caller', () => {
  const world = {} as World;

  before(async function () {
    this.timeout(60_000);
    // Generous limits: this file registers and logs in far more than a person would.
    world.runway = await startTestRunway({ LOGIN_RATE_LIMIT: '10000' });
    const { runway } = world;
    const make = (role: 'startup' | 'mentor' | 'manager' | 'admin') => createTestUser(runway, role);
    world.users = {
      'startup:own': await make('startup'),
      'startup:other': await make('startup'),
      'mentor:own': await make('mentor'),
      'mentor:other': await make('mentor'),
      'manager:own': await make('manager'),
      'manager:other': await make('manager'),
      admin: await make('admin'),
    };
    const own = world.users;
    world.startupId = (await ok(runway.http('POST', '/api/v1/startups', { token: own['startup:own'].token, body: startupBody() }), 201)).id!;
    await ok(runway.http('POST', '/api/v1/startups', { token: own['startup:other'].token, body: startupBody() }), 201);
    world.mentorId = (await ok(runway.http('POST', '/api/v1/mentors', { token: own['mentor:own'].token, body: { languages: ['vi'] } }), 201)).id!;
    await ok(runway.http('POST', `/api/v1/mentors/${world.mentorId}/approve`, { token: own.admin.token }), 200);
    const otherMentor = await ok(runway.http('POST', '/api/v1/mentors', { token: own['mentor:other'].token, body: { languages: ['vi'] } }), 201);
    await ok(runway.http('POST', `/api/v1/mentors/${otherMentor.id}/approve`, { token: own.admin.token }), 200);
    world.cohortId = (await ok(runway.http('POST', '/api/v1/cohorts', { token: own['manager:own'].token, body: cohortBody() }), 201)).id!;
    const admitted = (await ok(
      runway.http('POST', `/api/v1/cohorts/${world.cohortId}/admissions`, { token: own['manager:own'].token, body: { startupId: world.startupId } }),
      201,
    )) as { milestones?: Array<{ id: string }> };
    world.milestoneId = admitted.milestones![0]!.id;
  });
  after(() => world.runway.stop());

  for (const row of ROWS) {
    describe(row.route, () => {
      for (const actor of ACTORS) {
        it(`${actor} → ${row.expect[actor]}`, async () => {
          const call = await row.call(actor, world);
          const token = call.token ?? (actor === 'anonymous' ? undefined : world.users[actor].token);
          const method = row.route.split(' ')[0]!;
          const response = await world.runway.http(method, call.path, { ...(token ? { token } : {}), ...(call.body !== undefined ? { body: call.body } : {}) });
          expect(response.status, `${row.route} as ${actor}: ${response.text.slice(0, 300)}`).to.equal(row.expect[actor]);
          if (response.status >= 400) expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
        });
      }
    });
  }

  it('has a row for every mounted route', () => {
    const mounted = allRoutes(world.runway.context).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    const listed = ROWS.map((r) => r.route);
    expect(mounted.filter((r) => !listed.includes(r)), 'routes without a row').to.deep.equal([]);
    expect(listed.filter((r) => !mounted.includes(r)), 'rows without a route').to.deep.equal([]);
    expect(listed.filter((r, i) => listed.indexOf(r) !== i), 'routes with two rows').to.deep.equal([]);
  });

  it('has a row for every operation of the served OpenAPI document, and none outside it', async () => {
    const response = await world.runway.http('GET', '/api/v1/openapi.json');
    expect(response.status).to.equal(200);
    const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => methods.includes(key))
        .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const listed = ROWS.map((r) => r.route);
    expect(documented.filter((r) => !listed.includes(r)), 'documented operations without a row').to.deep.equal([]);
    expect(listed.filter((r) => !documented.includes(r)), 'rows for no documented operation').to.deep.equal([]);
  });

  it('every row is a route the server answers (never route_not_found or 405), anonymously', async () => {
    const strays: string[] = [];
    for (const row of ROWS) {
      const [method, path] = row.route.split(' ') as [string, string];
      const response = await world.runway.http(method, path.replace(/:\w+/g, '0123456789abcdef01234567'));
      if (response.status === 405 || response.body?.code === 'route_not_found') strays.push(`${row.route} → ${response.status} ${response.body?.code}`);
    }
    expect(strays).to.deep.equal([]);
  });
});

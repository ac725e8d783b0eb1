import type { AppContext } from '../../core/app-context.js';
import { Unauthorized } from '../../core/errors.js';
import { defineRoute, type RouteSpec } from '../../core/http/route.js';
import { AuthResultView } from './dto/auth-result.view.js';
import { mapPage } from '../../core/db/pages.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { LoginDto } from './dto/login.dto.js';
import { RegisterUserDto } from './dto/register-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { presentUser, UserPageView, UserView } from './users.presenter.js';
import { createUser } from './usecases/create-user.js';
import { getMe, getUser } from './usecases/get-user.js';
import { issueAccessToken } from './usecases/issue-access-token.js';
import { listUsers } from './usecases/list-users.js';
import { updateUser } from './usecases/update-user.js';

/** Identity: registration, login, the caller, and admin-created users. */

export function usersRoutes(ctx: AppContext): RouteSpec[] {
  return [
    defineRoute<RegisterUserDto>({
      method: 'post',
      path: '/api/v1/auth/register',
      summary: 'Register as a startup founder or a mentor',
      tags: ['auth'],
      body: RegisterUserDto,
      example: { email: 'lan.nguyen@example.vn', password: 'mat-khau-du-dai', name: 'Nguyễn Thị Lan', role: 'startup', locale: 'vi' },
      before: [ctx.rateLimits.perIp],
      responses: {
        201: { description: 'Registered and signed in', schema: AuthResultView },
        409: { description: 'The email is taken' },
      },
      handler: async ({ body }) => {
        const user = await createUser(body, ctx);
        return { status: 201, body: issueAccessToken(user, ctx.tokens) };
      },
    }),
    defineRoute<LoginDto>({
      method: 'post',
      path: '/api/v1/auth/login',
      summary: 'Sign in with email and password',
      tags: ['auth'],
      body: LoginDto,
      example: { email: 'startup@runway.demo', password: 'runway-demo-2026' },
      before: [ctx.rateLimits.perIp, ctx.rateLimits.login],
      responses: {
        200: { description: 'Signed in', schema: AuthResultView },
        401: { description: 'Unknown email or wrong password (the same answer for both)' },
        429: { description: 'Too many failed attempts' },
      },
      handler: async ({ req, res }) => {
        // passport-local gives one answer for unknown email, wrong password and deactivated account.
        const user = await ctx.auth.authenticateLocal(req, res);
        if (!user) throw new Unauthorized('invalid_credentials', 'The email or password is not right.');
        return { body: issueAccessToken(await getUser(user.id), ctx.tokens) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/me',
      summary: 'The signed-in user',
      tags: ['auth'],
      auth: 'authenticated',
      responses: { 200: { description: 'The caller', schema: UserView } },
      handler: async ({ user }) => ({ body: presentUser(await getMe(user.id)) }),
    }),
    defineRoute<CreateUserDto>({
      method: 'post',
      path: '/api/v1/users',
      summary: 'Create a user of any role (admins only)',
      tags: ['users'],
      auth: ['admin'],
      body: CreateUserDto,
      example: { email: 'quanly2@example.vn', password: 'mat-khau-du-dai', name: 'Trần Thị Thu Hà', role: 'manager' },
      responses: {
        201: {
          description: 'Created',
          schema: UserView,
          links: {
            GetUser: { to: 'get /api/v1/users/:id', parameters: { id: '$response.body#/id' } },
            ChangeUser: { to: 'patch /api/v1/users/:id', parameters: { id: '$response.body#/id' } },
          },
        },
        409: { description: 'The email is taken' },
      },
      handler: async ({ body }) => ({ status: 201, body: presentUser(await createUser(body, ctx)) }),
    }),
    defineRoute<undefined, ListUsersQuery>({
      method: 'get',
      path: '/api/v1/users',
      summary: 'List users by role and status; search names and emails (admins only)',
      tags: ['users'],
      auth: ['admin'],
      query: ListUsersQuery,
      responses: { 200: { description: 'One page, in id order', schema: UserPageView } },
      handler: async ({ query }) => ({ body: mapPage(await listUsers(query), presentUser) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/users/:id',
      summary: 'One user (admins only)',
      tags: ['users'],
      auth: ['admin'],
      responses: { 200: { description: 'The user', schema: UserView }, 404: { description: 'No such user' } },
      handler: async ({ params }) => ({ body: presentUser(await getUser(params.id!)) }),
    }),
    defineRoute<UpdateUserDto>({
      method: 'patch',
      path: '/api/v1/users/:id',
      summary: 'Change a user’s role or deactivate them (admins only); a deactivated user’s tokens stop working at once',
      tags: ['users'],
      auth: ['admin'],
      body: UpdateUserDto,
      example: { status: 'deactivated' },
      responses: {
        200: { description: 'The user as changed', schema: UserView },
        404: { description: 'No such user' },
        409: { description: 'The change would leave no active admin; it was undone (`last_admin`)' },
        422: { description: 'Admins cannot change their own role or status (`cannot_change_self`)' },
      },
      handler: async ({ user, params, body }) => ({ body: presentUser(await updateUser(user, params.id!, body, ctx)) }),
    }),
  ];
}

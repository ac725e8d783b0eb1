/**
 * Routes are declared as data: method, path, who may call, which DTOs
 * validate the input, what comes back. `mountRoutes` turns them into
 * Express handlers (guard → validate → handler); `buildOpenApi` turns the
 * same declarations into the OpenAPI document, so the two cannot drift.
 */
import type { ClassConstructor } from 'class-transformer';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AuthUser, Role } from '../auth/auth-user.js';
import { Forbidden, MethodNotAllowed, UnsupportedMediaType } from '../errors.js';
import { parseDto } from './validation.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** An OpenAPI link: which operation can follow this response, and where its parameters come from. */
export interface RouteLink {
  /** `<method> <path>` of the route it leads to, as declared: `get /api/v1/startups/:id`. */
  to: string;
  /** Parameter name → runtime expression, e.g. `{ id: '$response.body#/id' }`. */
  parameters: Record<string, string>;
}

/**
 * Links to each operation in `targets` (link name → `<method> <path>`), all taking the same
 * `parameters`: `linksTo({ GetSession: 'get /api/v1/sessions/:id' }, { id: bodyField('/items/0') })`.
 */
export function linksTo<K extends string>(targets: Record<K, string>, parameters: Record<string, string>): Record<K, RouteLink> {
  return Object.fromEntries(Object.entries<string>(targets).map(([name, to]) => [name, { to, parameters }])) as Record<K, RouteLink>;
}

/** The runtime expression of a field of the record at `at` in a response body (a JSON pointer; '' for the body itself). */
export const bodyField = (at: string, field = 'id') => `$response.body#${at}/${field}`;

export interface RouteResponse {
  description: string;
  /** A class with class-validator decorators describing the JSON body. */
  schema?: ClassConstructor<object>;
  /** A non-JSON body, e.g. text/html or text/calendar. */
  contentType?: string;
  /** Operations a client (and the stateful fuzzer) can call next with what this response holds. */
  links?: Record<string, RouteLink>;
}

export interface RouteContext<B, Q, U extends AuthUser | undefined = AuthUser | undefined> {
  body: B;
  query: Q;
  params: Record<string, string>;
  /** The caller: always there on routes that require authentication. */
  user: U;
  req: Request;
  res: Response;
}

export interface RouteResult {
  status?: number;
  /** A JSON body. */
  body?: unknown;
  /** A body sent as it is (an `.ics` file, JSON made ahead); give its Content-Type in `headers`. */
  text?: string | Buffer;
  headers?: Record<string, string>;
}

type Handler<B, Q, U extends AuthUser | undefined> = (ctx: RouteContext<B, Q, U>) => Promise<RouteResult> | RouteResult;

interface RouteFields<B, Q> {
  method: HttpMethod;
  /** Full path in Express syntax: `/api/v1/users/:id`. */
  path: string;
  summary: string;
  tags: string[];
  body?: ClassConstructor<B & object>;
  query?: ClassConstructor<Q & object>;
  responses: Record<number, RouteResponse>;
  /** Extra middleware that runs before validation (rate limits). */
  before?: RequestHandler[];
  /** A valid request body, shown in the document (required with `body`). */
  example?: unknown;
  /** False for the few routes that never touch the database (so cannot answer 503). */
  usesDatabase?: false;
  /**
   * Keep each distinct valid query string's parsed DTO (frozen, shared by
   * the requests that send it): for a hot GET asked the same way again and
   * again (GET /matches), where validating the query is a tenth of its work.
   */
  keepParsedQueries?: true;
}

/** Parsed queries kept per route: this many distinct query strings, the oldest dropped first. */
const QUERIES_KEPT = 1000;

/** Freezes a parsed DTO and the arrays in it, so that a kept one cannot be changed by a handler. */
function frozen<T extends object>(dto: T): T {
  for (const value of Object.values(dto)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(dto);
}

/** A route anyone may call. */
export interface PublicRouteSpec<B = unknown, Q = unknown> extends RouteFields<B, Q> {
  auth?: undefined;
  handler: Handler<B, Q, undefined>;
}

/** A route for signed-in callers (`'authenticated'`), or for the roles listed; its handler always has `user`. */
export interface AuthenticatedRouteSpec<B = unknown, Q = unknown> extends RouteFields<B, Q> {
  auth: 'authenticated' | readonly Role[];
  handler: Handler<B, Q, AuthUser>;
}

export type RouteSpec<B = unknown, Q = unknown> = PublicRouteSpec<B, Q> | AuthenticatedRouteSpec<B, Q>;

/** Declares a route with its body and query types inferred from the DTO classes. */
export function defineRoute<B = undefined, Q = undefined>(spec: AuthenticatedRouteSpec<B, Q>): RouteSpec;
export function defineRoute<B = undefined, Q = undefined>(spec: PublicRouteSpec<B, Q>): RouteSpec;
export function defineRoute(spec: RouteSpec): RouteSpec {
  return spec;
}

function roleGuard(allowed: readonly Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = req.user as AuthUser | undefined;
    if (!user || !allowed.includes(user.role)) {
      return next(new Forbidden('forbidden_role', `This action needs one of the roles: ${allowed.join(', ')}.`));
    }
    next();
  };
}

const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    return next(new UnsupportedMediaType('unsupported_media_type', 'Send the body as application/json.'));
  }
  next();
};

/**
 * After a path's own methods: OPTIONS answers 204 with `Allow`, any other
 * method 405 with `Allow` (problem+json). Registered per path right after
 * its methods, so a literal path (`/mentors/me`) owns its methods before a
 * parameter path (`/mentors/:id`) declared later could take the request.
 */
function otherMethods(allow: readonly string[]): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') {
      res.setHeader('Allow', allow.join(', '));
      res.status(204).end();
      return;
    }
    next(new MethodNotAllowed(allow, req.method));
  };
}

/** Builds a router with every route of the given specs; `requireAuth` guards the non-public ones. */
export function mountRoutes(specs: readonly RouteSpec[], requireAuth: RequestHandler): Router {
  const router = Router();
  const byPath = new Map<string, RouteSpec[]>();
  for (const spec of specs) byPath.set(spec.path, [...(byPath.get(spec.path) ?? []), spec]);
  for (const [path, group] of byPath) {
    // One route per path: a request's path is matched once, then the method within it.
    const route = router.route(path);
    for (const spec of group) route[spec.method](...handlersOf(spec, requireAuth));
    const methods = group.map((spec) => spec.method.toUpperCase());
    // Express answers HEAD wherever there is GET; OPTIONS is answered just below.
    route.all(otherMethods([...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS']));
  }
  return router;
}

function handlersOf(spec: RouteSpec, requireAuth: RequestHandler): RequestHandler[] {
  const chain: RequestHandler[] = [...(spec.before ?? [])];
  if (spec.auth) chain.push(requireAuth);
  if (Array.isArray(spec.auth)) chain.push(roleGuard(spec.auth));
  if (spec.body) chain.push(requireJsonBody);
  const kept = spec.keepParsedQueries ? new Map<string, object>() : undefined;
  const parseQuery = async (req: Request): Promise<object | undefined> => {
    if (!spec.query) return undefined;
    if (!kept) return parseDto(spec.query, { ...req.query }, 'query');
    const raw = req.originalUrl.slice(req.originalUrl.indexOf('?') + 1 || req.originalUrl.length);
    const hit = kept.get(raw);
    if (hit) return hit;
    // Only a valid query is kept: an invalid one throws before it is stored.
    const parsed = frozen(await parseDto(spec.query, { ...req.query }, 'query'));
    if (kept.size >= QUERIES_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(raw, parsed);
    return parsed;
  };
  chain.push(async (req, res) => {
    const body = spec.body ? await parseDto(spec.body, req.body, 'body') : undefined;
    const query = await parseQuery(req);
    const context = { body, query, params: req.params as Record<string, string>, req, res };
    // requireAuth has set req.user on every route with `auth`; public routes get none.
    const result = spec.auth
      ? await spec.handler({ ...context, user: req.user as AuthUser })
      : await spec.handler({ ...context, user: undefined });
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    res.status(result.status ?? 200);
    if (result.text !== undefined) res.send(result.text);
    else if (result.body === undefined) res.end();
    else res.json(result.body);
  });
  return chain;
}

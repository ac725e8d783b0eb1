/**
 * Routes are declared as data: method, path, who may call, which DTOs
 * validate the input, what comes back. `mountRoutes` turns them into
 * Express handlers (guard → validate → handler); `buildOpenApi` turns the
 * same declarations into the OpenAPI document, so the two cannot drift.
 */
import type { ClassConstructor } from 'class-transformer';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AuthUser, Role } from '../auth/auth-user.js';
import { Forbidden, UnsupportedMediaType } from './errors.js';
import { parseDto } from './validation.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteResponse {
  description: string;
  /** A class with class-validator decorators describing the JSON body. */
  schema?: ClassConstructor<object>;
  /** A non-JSON body, e.g. text/html or text/calendar. */
  contentType?: string;
}

export interface RouteContext<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  /** The caller, when the route requires authentication. */
  user: AuthUser | undefined;
  req: Request;
  res: Response;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteSpec<B = unknown, Q = unknown> {
  method: HttpMethod;
  /** Full path in Express syntax: `/api/v1/users/:id`. */
  path: string;
  summary: string;
  tags: string[];
  /** Omit for public routes; `'authenticated'` for any signed-in user; or the roles allowed. */
  auth?: 'authenticated' | readonly Role[];
  body?: ClassConstructor<B & object>;
  query?: ClassConstructor<Q & object>;
  responses: Record<number, RouteResponse>;
  /** Extra middleware that runs before validation (rate limits). */
  before?: RequestHandler[];
  handler: (ctx: RouteContext<B, Q>) => Promise<RouteResult> | RouteResult;
}

/** Declares a route with its body and query types inferred from the DTO classes. */
export function defineRoute<B = undefined, Q = undefined>(spec: RouteSpec<B, Q>): RouteSpec {
  return spec as unknown as RouteSpec;
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

/** Builds a router with every route of the given specs; `requireAuth` guards the non-public ones. */
export function mountRoutes(specs: readonly RouteSpec[], requireAuth: RequestHandler): Router {
  const router = Router();
  for (const spec of specs) {
    const chain: RequestHandler[] = [...(spec.before ?? [])];
    if (spec.auth) chain.push(requireAuth);
    if (Array.isArray(spec.auth)) chain.push(roleGuard(spec.auth));
    if (spec.body) chain.push(requireJsonBody);
    chain.push(async (req, res) => {
      const body = spec.body ? await parseDto(spec.body, req.body, 'body') : undefined;
      const query = spec.query ? await parseDto(spec.query, { ...req.query }, 'query') : undefined;
      const result = await spec.handler({
        body,
        query,
        params: req.params as Record<string, string>,
        user: req.user as AuthUser | undefined,
        req,
        res,
      });
      if (res.headersSent) return;
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      res.status(result.status ?? 200);
      if (result.body === undefined) res.end();
      else res.json(result.body);
    });
    router[spec.method](spec.path, ...chain);
  }
  return router;
}

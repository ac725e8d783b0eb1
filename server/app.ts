/**
 * Builds the Express app (no listen): tests import this. Order matters:
 * request id + logs → security headers → CORS → JSON body (100 kB) → input
 * hygiene → routes → 404 → problem+json errors.
 */
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import swaggerUi from 'swagger-ui-express';
import type { AppContext } from './core/app-context.js';
import { cors } from './core/http/cors.js';
import { inputHygiene } from './core/http/input-hygiene.js';
import { buildOpenApi } from './core/http/openapi.js';
import { notFoundHandler, problemHandler } from './core/http/problem.js';
import { mountRoutes, type RouteSpec } from './core/http/route.js';
import { requestLog } from './core/http/request-log.js';
import { webClient } from './core/http/web-client.js';
import { cohortsRoutes } from './modules/cohorts/cohorts.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { ledgerRoutes } from './modules/ledger/ledger.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { mentorsRoutes } from './modules/mentors/mentors.routes.js';
import { milestonesRoutes } from './modules/cohorts/milestones.routes.js';
import { matchingRoutes } from './modules/matching/matching.routes.js';
import { mentorFit } from './modules/matching/usecases/mentor-fit.js';
import { sessionsRoutes } from './modules/sessions/sessions.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { isMentorOfStartup } from './modules/requests/mentor-of-startup.js';
import { requestsRoutes } from './modules/requests/requests.routes.js';
import { startupsRoutes } from './modules/startups/startups.routes.js';
import { taxonomiesRoutes } from './modules/taxonomies/taxonomies.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';


/** Every route of every module; the OpenAPI document is built from the same list. */
export function allRoutes(ctx: AppContext): RouteSpec[] {
  return [
    ...healthRoutes(ctx),
    ...usersRoutes(ctx),
    ...mentorsRoutes(ctx),
    ...taxonomiesRoutes(),
    // A mentor may read the startups that asked them; requests knows, startups does not import it.
    ...startupsRoutes(ctx, { mentorOf: isMentorOfStartup }),
    ...cohortsRoutes(ctx),
    ...milestonesRoutes(ctx),
    ...matchingRoutes(ctx),
    // Matching's hard filters decide whether a mentor may be asked; requests does not import matching.
    ...requestsRoutes(ctx, { mentorFit }),
    ...notificationsRoutes(ctx),
    ...sessionsRoutes(ctx),
    ...ledgerRoutes(ctx),
    ...reportsRoutes(ctx),
  ];
}

export function createApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.TRUST_PROXY);
  app.set('query parser', 'simple');

  app.use(requestLog(ctx.logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // swagger-ui styles its own elements inline
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  // Only CORS_ORIGINS may call from another site (decision 019).
  app.use(cors(ctx.config.corsOrigins));
  app.use(express.json({ limit: '100kb', strict: true }));
  app.use(inputHygiene);

  const routes = allRoutes(ctx);
  app.use(mountRoutes(routes, ctx.auth.requireAuth));

  const openApi = buildOpenApi(routes, { version: process.env.npm_package_version ?? '0.1.0' });
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use('/api/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/api/v1/openapi.json' } }));

  app.use(webClient(path.resolve(ctx.config.WEB_CLIENT_DIR)));
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}

import { IsIn, IsNumber, IsObject } from 'class-validator';
import type { AppContext, ReadinessCheck } from '../../core/app-context.js';
import { ServiceUnavailable } from '../../core/errors.js';
import { defineRoute, type RouteSpec } from '../../core/http/route.js';

const CHECK_TIMEOUT_MS = 1500;

export class HealthView {
  @IsIn(['ok']) status!: 'ok';
  @IsNumber() uptimeSeconds!: number;
}

export class ReadinessView {
  @IsIn(['ready']) status!: 'ready';
  /** Each dependency and its state: `ok`, `unavailable` or `timeout`, e.g. `{ "database": "ok", "jobs": "ok" }`. */
  @IsObject() checks!: Record<string, string>;
}

/** 'ok', 'timeout' or 'unavailable'; why goes to the log, not to the anonymous caller. */
async function runCheck(check: ReadinessCheck, log: AppContext['logger']): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return 'ok';
  } catch (error) {
    log.warn({ check: check.name, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) }, 'readiness check failed');
    return error === timedOut ? 'timeout' : 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness and readiness probes, outside /api/v1 as orchestrators expect. */
export function healthRoutes(ctx: AppContext): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      summary: 'The process is up',
      tags: ['health'],
      usesDatabase: false,
      responses: { 200: { description: 'Up', schema: HealthView } },
      handler: () => ({ body: { status: 'ok', uptimeSeconds: Math.round(process.uptime()) } }),
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      summary: 'The database and the job worker answer',
      tags: ['health'],
      responses: {
        200: { description: 'Ready', schema: ReadinessView },
        503: { description: 'A dependency is not available; `checks` says which' },
      },
      handler: async () => {
        const results = await Promise.all(ctx.readiness.map(async (c) => [c.name, await runCheck(c, ctx.logger)] as const));
        const checks = Object.fromEntries(results);
        if (results.some(([, state]) => state !== 'ok')) {
          throw new ServiceUnavailable('not_ready', 'Runway is not ready: a dependency does not answer.', [], { checks });
        }
        return { body: { status: 'ready', checks }, headers: { 'Cache-Control': 'no-store' } };
      },
    }),
  ];
}

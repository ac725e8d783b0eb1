/**
 * Rate limits for the auth endpoints, answering 429 as a problem.
 * In-memory per process: with several API processes behind a balancer,
 * each keeps its own count (a Redis store slots in with the socket adapter).
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { TooManyRequests } from '../errors.js';
import { sendProblem } from './problem.js';

export interface AuthRateLimits {
  /** Failed logins per IP and email: stops guessing one account's password. */
  login: RequestHandler;
  /** All auth calls per IP: stops spraying many accounts or mass registration. */
  perIp: RequestHandler;
}

function emailOf(req: Request): string {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
}

export function createAuthRateLimits(options: { limit: number; windowSeconds: number }): AuthRateLimits {
  const windowMs = options.windowSeconds * 1000;
  const handler = (req: Request, res: Parameters<RequestHandler>[1]) => {
    const retryAfter = res.getHeader('Retry-After');
    sendProblem(
      req,
      res,
      new TooManyRequests(
        'too_many_requests',
        `Too many attempts. Try again in ${retryAfter ?? Math.ceil(windowMs / 1000)} seconds.`,
      ),
    );
  };
  const ip = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');
  return {
    login: rateLimit({
      windowMs,
      limit: options.limit,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => `${ip(req)}|${emailOf(req)}`,
      handler,
    }),
    perIp: rateLimit({
      windowMs,
      limit: options.limit * 10,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: ip,
      handler,
    }),
  };
}

/**
 * Rate limits for the auth endpoints, answering 429 as a problem.
 * Without REDIS_URL the counts are in memory, per process. With it they
 * live in Redis (rate-limit-redis, on a client of our own), so several API
 * processes behind a balancer share one count per key and the limit holds
 * across them. If Redis stops answering, each process falls back to its
 * own count (logged) rather than failing or waving logins through.
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type ClientRateLimitInfo, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { createClient } from 'redis';
import { TooManyRequests } from '../errors.js';
import { sendProblem } from './problem.js';

export interface AuthRateLimits {
  /** Failed logins per IP and email: stops guessing one account's password. */
  login: RequestHandler;
  /** All auth calls per IP: stops spraying many accounts or mass registration. */
  perIp: RequestHandler;
  /** Where the counts live. */
  store: 'memory' | 'redis';
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

export interface AuthRateLimitOptions {
  limit: number;
  windowSeconds: number;
  /** Shared counts in this Redis (REDIS_URL); unset: in memory. */
  redisUrl?: string;
  logger?: Logger;
}

function emailOf(req: Request): string {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
}

/** Key prefix in Redis: one deployment's counts, apart from anything else kept there. */
const PREFIX = 'runway:rate-limit:';
/** How long the first connection to Redis may take before start-up fails, saying so. */
const REDIS_CONNECT_TIMEOUT_MS = 10_000;
/** At most one "Redis is away" line per this many ms. */
const WARN_EVERY_MS = 60_000;
/** How long a count may wait on Redis before this process counts it itself. */
const REDIS_ANSWER_TIMEOUT_MS = 500;

export async function createAuthRateLimits(options: AuthRateLimitOptions): Promise<AuthRateLimits> {
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

  const redis = options.redisUrl ? await connectRedis(options.redisUrl, options.logger) : undefined;
  const stores: SharedStore[] = [];
  const store = (name: string): Store | undefined => {
    if (!redis) return undefined;
    const shared = new SharedStore(new RedisStore({ prefix: `${PREFIX}${name}:`, sendCommand: (...args: string[]) => redis.sendCommand(args) as Promise<RedisReply> }), options.logger);
    stores.push(shared);
    return shared;
  };
  const loginStore = store('login');
  const ipStore = store('ip');
  return {
    login: rateLimit({
      windowMs,
      limit: options.limit,
      skipSuccessfulRequests: true,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => `${ip(req)}|${emailOf(req)}`,
      handler,
      ...(loginStore ? { store: loginStore } : {}),
    }),
    perIp: rateLimit({
      windowMs,
      limit: options.limit * 10,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: ip,
      handler,
      ...(ipStore ? { store: ipStore } : {}),
    }),
    store: redis ? 'redis' : 'memory',
    async close() {
      for (const shared of stores) shared.shutdown();
      redis?.destroy();
    },
  };
}

async function connectRedis(url: string, logger: Logger | undefined) {
  // Without the offline queue a count asked for while Redis is away fails at once (and the process counts on its own) instead of waiting.
  const client = createClient({ url, disableOfflineQueue: true });
  client.on('error', (error: unknown) => logger?.debug({ err: error }, 'rate-limit redis error'));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`could not connect to Redis at REDIS_URL within ${REDIS_CONNECT_TIMEOUT_MS / 1000} s`)), REDIS_CONNECT_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  // Never what keeps a process alive.
  client.unref();
  logger?.info('login rate limits shared through Redis');
  return client;
}

/** Counts in Redis; while Redis fails, in this process's memory. */
class SharedStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private readonly local = new MemoryStore();
  private warnedAt = 0;

  constructor(
    private readonly shared: RedisStore,
    private readonly logger: Logger | undefined,
  ) {
    this.prefix = shared.prefix;
  }

  async init(options: Options): Promise<void> {
    this.local.init(options);
    await this.shared.init(options);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.either(() => this.shared.get(key), () => this.local.get(key));
  }

  async increment(key: string): Promise<IncrementResponse> {
    return this.either(() => this.shared.increment(key), () => this.local.increment(key));
  }

  async decrement(key: string): Promise<void> {
    return this.either(() => this.shared.decrement(key), () => this.local.decrement(key));
  }

  async resetKey(key: string): Promise<void> {
    await this.local.resetKey(key);
    return this.either(() => this.shared.resetKey(key), () => undefined);
  }

  shutdown(): void {
    this.local.shutdown();
  }

  private async either<T>(shared: () => Promise<T>, local: () => Promise<T> | T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      // A Redis that is connected but does not answer (paused, partitioned) must not hold sign-in either.
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${REDIS_ANSWER_TIMEOUT_MS} ms`)), REDIS_ANSWER_TIMEOUT_MS);
      });
      return await Promise.race([shared(), late]);
    } catch (error) {
      if (Date.now() - this.warnedAt >= WARN_EVERY_MS) {
        this.warnedAt = Date.now();
        this.logger?.error({ err: error }, 'rate-limit store in Redis failed: counting in this process until it answers');
      }
      return local();
    } finally {
      clearTimeout(timer);
    }
  }
}

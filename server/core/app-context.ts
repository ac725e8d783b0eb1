/** What route modules and the realtime layer receive from the composition root. */
import type { Logger } from 'pino';
import type { Auth } from './auth/passport.js';
import type { TokenSettings } from './auth/tokens.js';
import type { Config } from './config/config.js';
import type { EventBus } from './events/event-bus.js';
import type { AuthRateLimits } from './http/rate-limit.js';
import type { Mailer } from './mail/mailer.js';

export interface ReadinessCheck {
  name: string;
  /** Resolves when healthy; rejects (or exceeds the timeout) otherwise. */
  check(): Promise<void>;
}

export interface AppContext {
  config: Config;
  logger: Logger;
  bus: EventBus;
  tokens: TokenSettings;
  auth: Auth;
  rateLimits: AuthRateLimits;
  readiness: ReadinessCheck[];
  /** Email out (SMTP, or JSON files / the log without SMTP_URL). */
  mailer: Mailer;
  /** The current instant. Real time in production; tests may pin it. */
  now(): Date;
}

/**
 * Every domain event, by name (`<domain>.<pastTense>`), with its payload.
 * Use cases emit these after they commit; listeners fan them out to
 * socket.io rooms and to Agenda. Add new events here first.
 */
import type { Role } from '../auth/auth-user.js';

interface EventBase {
  /** When it happened (ISO-8601, UTC). */
  occurredAt: string;
}

export interface DomainEvents {
  'user.registered': EventBase & { userId: string; role: Role };
}

export type DomainEventName = keyof DomainEvents;

/**
 * A typed, in-process event bus. `emit` checks the payload type against
 * `DomainEvents` and stamps `occurredAt` from the app's clock; a listener
 * that throws is logged and never breaks the use case that emitted (the
 * change is already committed).
 */
import type { Logger } from 'pino';
import type { DomainEventName, DomainEvents } from './domain-events.js';

export type Listener<N extends DomainEventName> = (event: DomainEvents[N]) => void | Promise<void>;

/** What a use case gives `emit`: the payload without `occurredAt`, which the bus adds. */
export type EventPayload<N extends DomainEventName> = Omit<DomainEvents[N], 'occurredAt'>;

export class EventBus {
  private readonly listeners = new Map<DomainEventName, Set<Listener<never>>>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly logger?: Logger,
  ) {}

  /** Subscribes; returns a function that unsubscribes. */
  on<N extends DomainEventName>(name: N, listener: Listener<N>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as Listener<never>);
    this.listeners.set(name, set);
    return () => set.delete(listener as Listener<never>);
  }

  /** Delivers to every listener; waits for async listeners and isolates their failures. */
  async emit<N extends DomainEventName>(name: N, payload: EventPayload<N>): Promise<void> {
    const set = this.listeners.get(name);
    if (!set) return;
    const event = { ...payload, occurredAt: this.now().toISOString() } as DomainEvents[N];
    await Promise.all(
      [...set].map(async (listener) => {
        try {
          await (listener as Listener<N>)(event);
        } catch (error) {
          this.logger?.error({ err: error, event: name }, 'event listener failed');
        }
      }),
    );
  }
}

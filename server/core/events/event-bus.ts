/**
 * A typed, in-process event bus. `emit` checks the payload type against
 * `DomainEvents`; a listener that throws is logged and never breaks the
 * use case that emitted (the change is already committed).
 */
import type { Logger } from 'pino';
import type { DomainEventName, DomainEvents } from './domain-events.js';

export type Listener<N extends DomainEventName> = (payload: DomainEvents[N]) => void | Promise<void>;

export class EventBus {
  private readonly listeners = new Map<DomainEventName, Set<Listener<never>>>();

  constructor(private readonly logger?: Logger) {}

  /** Subscribes; returns a function that unsubscribes. */
  on<N extends DomainEventName>(name: N, listener: Listener<N>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as Listener<never>);
    this.listeners.set(name, set);
    return () => set.delete(listener as Listener<never>);
  }

  /** Delivers to every listener; waits for async listeners and isolates their failures. */
  async emit<N extends DomainEventName>(name: N, payload: DomainEvents[N]): Promise<void> {
    const set = this.listeners.get(name);
    if (!set) return;
    await Promise.all(
      [...set].map(async (listener) => {
        try {
          await (listener as Listener<N>)(payload);
        } catch (error) {
          this.logger?.error({ err: error, event: name }, 'event listener failed');
        }
      }),
    );
  }
}

import type { EventBus } from './events/event-bus.js';

/**
 * What a use case that changes something needs besides its input: the bus
 * to announce the change once committed, and the app's clock (tests pin it).
 * The app context and the job deps both satisfy it.
 */
export interface UseCaseDeps {
  bus: EventBus;
  now(): Date;
}

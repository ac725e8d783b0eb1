/** What the users module does when users change: the token check must see it on the next request. */
import type { EventBus } from '../../core/events/event-bus.js';
import { activeUsers } from './active-users.js';

export function registerUsersListeners(bus: EventBus): void {
  bus.on('user.updated', (event) => activeUsers.invalidate(event.userId));
}

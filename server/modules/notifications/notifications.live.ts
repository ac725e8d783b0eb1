/** The notifications module's live event: each new notification, to its reader's own room. */
import type { EventBus } from '../../core/events/event-bus.js';
import type { LivePublisher } from '../../core/realtime/live-publisher.js';

export function registerNotificationsLive(bus: EventBus, live: LivePublisher): void {
  bus.on('notification.created', (e) =>
    live.publish('notification.created', [`user:${e.userId}`], { notificationId: e.notificationId, kind: e.kind, title: e.title, body: e.body, data: e.data }, e.occurredAt),
  );
}

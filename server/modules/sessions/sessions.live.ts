/**
 * The sessions module's live events: a session booked, cancelled,
 * rescheduled or completed, to the startup's room, the mentor's and the
 * startup's active cohorts'.
 */
import type { EventBus } from '../../core/events/event-bus.js';
import type { LivePublisher } from '../../core/realtime/live-publisher.js';
import { partyRooms } from '../requests/requests.live.js';

const sessionFields = (event: { sessionId: string; startupId: string; mentorId: string; start: string }) => ({
  sessionId: event.sessionId,
  startupId: event.startupId,
  mentorId: event.mentorId,
  start: event.start,
});

export function registerSessionsLive(bus: EventBus, live: LivePublisher): void {
  bus.on('session.booked', (e) => live.publish('session.booked', partyRooms(e), sessionFields(e), e.occurredAt));
  bus.on('session.cancelled', (e) => live.publish('session.cancelled', partyRooms(e), { ...sessionFields(e), reason: e.reason }, e.occurredAt));
  bus.on('session.rescheduled', (e) =>
    live.publish('session.rescheduled', partyRooms(e), { ...sessionFields(e), previousSessionId: e.previousSessionId, previousStart: e.previousStart }, e.occurredAt),
  );
  bus.on('session.completed', (e) => live.publish('session.completed', partyRooms(e), sessionFields(e), e.occurredAt));
}

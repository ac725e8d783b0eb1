/** The startups module's live events: eligibility ending and ended, to the startup's room and its cohorts'. */
import type { EventBus } from '../../core/events/event-bus.js';
import type { LivePublisher } from '../../core/realtime/live-publisher.js';

const roomsOf = (event: { startupId: string; cohortIds: readonly string[] }) => [`startup:${event.startupId}`, ...event.cohortIds.map((id) => `cohort:${id}`)];

export function registerStartupsLive(bus: EventBus, live: LivePublisher): void {
  bus.on('eligibility.warned', (e) =>
    live.publish('eligibility.warned', roomsOf(e), { startupId: e.startupId, eligibleUntil: e.eligibleUntil, daysBefore: e.daysBefore }, e.occurredAt),
  );
  bus.on('eligibility.expired', (e) => live.publish('eligibility.expired', roomsOf(e), { startupId: e.startupId, eligibleUntil: e.eligibleUntil }, e.occurredAt));
}

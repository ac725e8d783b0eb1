/**
 * The requests module's live events: each request's and mentorship's
 * change, to the startup's room, the mentor's and the startup's active
 * cohorts'.
 */
import type { EventBus } from '../../core/events/event-bus.js';
import type { LivePublisher } from '../../core/realtime/live-publisher.js';

export const partyRooms = (event: { startupId: string; mentorId: string; cohortIds: readonly string[] }) => [
  `startup:${event.startupId}`,
  `mentor:${event.mentorId}`,
  ...event.cohortIds.map((id) => `cohort:${id}`),
];

const requestFields = (event: { requestId: string; startupId: string; mentorId: string }) => ({ requestId: event.requestId, startupId: event.startupId, mentorId: event.mentorId });
const mentorshipFields = (event: { mentorshipId: string; startupId: string; mentorId: string }) => ({ mentorshipId: event.mentorshipId, startupId: event.startupId, mentorId: event.mentorId });

export function registerRequestsLive(bus: EventBus, live: LivePublisher): void {
  bus.on('request.created', (e) => live.publish('request.created', partyRooms(e), requestFields(e), e.occurredAt));
  bus.on('request.accepted', (e) => live.publish('request.accepted', partyRooms(e), { ...requestFields(e), mentorshipId: e.mentorshipId }, e.occurredAt));
  bus.on('request.declined', (e) => live.publish('request.declined', partyRooms(e), { ...requestFields(e), reason: e.reason }, e.occurredAt));
  bus.on('request.withdrawn', (e) => live.publish('request.withdrawn', partyRooms(e), requestFields(e), e.occurredAt));
  // Without the next match offered: that is the team's to read (its notification), not the mentor's who let it lapse.
  bus.on('request.expired', (e) => live.publish('request.expired', partyRooms(e), requestFields(e), e.occurredAt));
  bus.on('mentorship.started', (e) => live.publish('mentorship.started', partyRooms(e), { ...mentorshipFields(e), requestId: e.requestId }, e.occurredAt));
  bus.on('mentorship.ended', (e) => live.publish('mentorship.ended', partyRooms(e), mentorshipFields(e), e.occurredAt));
}

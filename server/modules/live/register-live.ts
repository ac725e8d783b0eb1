/**
 * Live tracking, wired: each module's listener turns its domain events into
 * room events through one publisher, and access changes re-check the rooms
 * (SPEC §7). Called by every process that has a socket.io server: the API,
 * and a lone worker when REDIS_URL lets it reach the API's sockets.
 */
import type { Logger } from 'pino';
import type { EventBus } from '../../core/events/event-bus.js';
import { createLivePublisher, type LivePublisher } from '../../core/realtime/live-publisher.js';
import type { Realtime } from '../../core/realtime/socket-server.js';
import { registerCohortsLive } from '../cohorts/cohorts.live.js';
import { registerNotificationsLive } from '../notifications/notifications.live.js';
import { mentorshipsRepository } from '../requests/mentorships.repository.js';
import { registerRequestsLive } from '../requests/requests.live.js';
import { registerSessionsLive } from '../sessions/sessions.live.js';
import { registerStartupsLive } from '../startups/startups.live.js';
import { registerRoomRechecks } from './live.listeners.js';

/** Returns the publisher: a process stopping awaits `settled()` (events still queued) before it closes the socket server. */
export function registerLive(bus: EventBus, realtime: Realtime, logger: Logger): LivePublisher {
  const live = createLivePublisher(realtime.io, logger, realtime.shared);
  registerCohortsLive(bus, live, async (startupId) => (await mentorshipsRepository.activePairsOf([startupId])).map((pair) => `mentor:${pair.mentorId}`));
  registerRequestsLive(bus, live);
  registerSessionsLive(bus, live);
  registerStartupsLive(bus, live);
  registerNotificationsLive(bus, live);
  registerRoomRechecks(bus, realtime);
  return live;
}

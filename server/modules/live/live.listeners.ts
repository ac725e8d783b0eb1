/**
 * Keeps live rooms to those who may still see them: after a change of
 * team, admission or user, the sockets in the rooms concerned
 * are checked again (on every process, through the adapter) and leave what
 * their user may no longer follow; a deactivated user is disconnected.
 */
import type { EventBus } from '../../core/events/event-bus.js';
import type { Realtime } from '../../core/realtime/socket-server.js';

export function registerRoomRechecks(bus: EventBus, realtime: Pick<Realtime, 'recheckRoom' | 'recheckUser'>): void {
  bus.on('user.updated', (e) => realtime.recheckUser(e.userId));
  bus.on('startup.updated', async (e) => {
    if (e.changed.includes('members')) await realtime.recheckRoom(`startup:${e.startupId}`);
  });
  // An admission that ended takes the startup out of its cohort managers' sight.
  bus.on('cohort.progressed', (e) => realtime.recheckRoom(`startup:${e.startupId}`));
  bus.on('eligibility.expired', (e) => realtime.recheckRoom(`startup:${e.startupId}`));
}

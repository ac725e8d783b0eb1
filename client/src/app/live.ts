/**
 * Live updates over socket.io, typed by the server's event map. One socket
 * per signed-in user. `useRoom` joins a room, hands its events to the screen
 * and asks the screen to reload (resync) whenever it may have missed some:
 * on (re)joining, and on a gap in the room's sequence numbers.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Live, LiveEventName, ServerToClientEvents } from '../../../server/core/realtime/live-events.ts';

export type { Live, LiveEventName };
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: LiveSocket | null = null;
let status: LiveStatus = 'offline';
const statusListeners = new Set<() => void>();

function setStatus(next: LiveStatus): void {
  status = next;
  for (const listener of statusListeners) listener();
}

/** Opens the user's socket (or reopens it with a new token). */
export function connectLive(token: string): void {
  disconnectLive();
  setStatus('connecting');
  const s: LiveSocket = io({ auth: { token }, transports: ['websocket'], reconnectionDelayMax: 5000 });
  s.on('connect', () => setStatus('live'));
  s.on('disconnect', () => setStatus(s.active ? 'reconnecting' : 'offline'));
  s.on('connect_error', () => setStatus(s.active ? 'reconnecting' : 'offline'));
  s.on('auth.expired', () => setStatus('offline'));
  socket = s;
}

export function disconnectLive(): void {
  socket?.disconnect();
  socket = null;
  setStatus('offline');
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    () => status,
  );
}

type Handlers = { [N in LiveEventName]?: (event: Live<N>) => void };

/**
 * Follows `room` while the component is mounted. `resync` is called after
 * every (re)join, with the room's sequence number then, and after a gap, with
 * none; `handlers` receive the room's events in order. (A read numbered as
 * the join does not prove nothing was missed: the server leaves events of
 * rooms nobody follows unnumbered. Read again after a join.)
 * With `room` null (or `user:` rooms, which every socket is in) nothing is joined.
 */
export function useRoom(room: string | null, handlers: Handlers, resync: (joinedSeq?: number) => void): void {
  const latest = useRef({ handlers, resync });
  latest.current = { handlers, resync };

  useEffect(() => {
    const s = socket;
    if (!room || !s) return;
    let lastSeq: number | null = null;
    let active = true;
    const own = room.startsWith('user:');

    const join = () => {
      if (own) {
        lastSeq = null;
        latest.current.resync();
        return;
      }
      s.emit('room.join', room, (answer) => {
        if (!active || !answer.ok) return;
        lastSeq = answer.seq;
        latest.current.resync(answer.seq);
      });
    };
    const onAny = (name: string, event: { room?: string; seq?: number }) => {
      if (event?.room !== room || typeof event.seq !== 'number') return;
      if (lastSeq !== null && event.seq <= lastSeq) return; // already reflected by the last resync
      const gap = lastSeq !== null && event.seq !== lastSeq + 1;
      lastSeq = event.seq;
      if (gap) {
        latest.current.resync();
        return;
      }
      const handler = latest.current.handlers[name as LiveEventName] as ((e: unknown) => void) | undefined;
      handler?.(event);
    };

    s.on('connect', join);
    s.onAny(onAny);
    if (s.connected) join();
    return () => {
      active = false;
      s.off('connect', join);
      s.offAny(onAny);
      if (!own && s.connected) s.emit('room.leave', room, () => {});
    };
  }, [room]);
}

/** The id of the signed-in user's own room, which carries their notifications. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

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
/** Bumped with every new socket, so that rooms are followed on the socket that is current. */
let generation = 0;
const statusListeners = new Set<() => void>();
let onExpired: () => void = () => {};

function changed(): void {
  for (const listener of statusListeners) listener();
}

function setStatus(next: LiveStatus): void {
  status = next;
  changed();
}

function subscribe(listener: () => void): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

/** Called when the server says the token expired or the user was deactivated (it disconnects right after). */
export function whenLiveExpired(handler: () => void): void {
  onExpired = handler;
}

/** Opens the user's socket (or reopens it with a new token). */
export function connectLive(token: string): void {
  disconnectLive();
  setStatus('connecting');
  const s: LiveSocket = io({ auth: { token }, transports: ['websocket'], reconnectionDelayMax: 5000 });
  // A server that stops says so first; its disconnect would otherwise leave the socket offline for good.
  let serverStopping = false;
  s.on('server.shutdown', () => {
    serverStopping = true;
  });
  s.on('connect', () => setStatus('live'));
  s.on('disconnect', (reason) => {
    if (serverStopping && reason === 'io server disconnect') s.connect(); // reconnects with backoff; rooms rejoin on connect
    serverStopping = false;
    setStatus(s.active ? 'reconnecting' : 'offline');
  });
  s.on('connect_error', () => setStatus(s.active ? 'reconnecting' : 'offline'));
  s.on('auth.expired', () => {
    setStatus('offline');
    onExpired();
  });
  socket = s;
  generation += 1;
  changed();
}

export function disconnectLive(): void {
  socket?.disconnect();
  socket = null;
  setStatus('offline');
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(subscribe, () => status);
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
  const current = useSyncExternalStore(subscribe, () => generation);

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
        // Left before the server answered: leave now, or the socket would stay in the room.
        if (!active) {
          if (answer.ok) s.emit('room.leave', room, () => {});
          return;
        }
        if (!answer.ok) return;
        lastSeq = answer.seq;
        latest.current.resync(answer.seq);
      });
    };
    // The server took the room away (membership, role or mentorship changed): read again, which tells the screen.
    const onLeft = (left: { room: string }) => {
      if (left.room !== room) return;
      lastSeq = null;
      latest.current.resync();
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
    s.on('room.left', onLeft);
    s.onAny(onAny);
    if (s.connected) join();
    return () => {
      active = false;
      s.off('connect', join);
      s.off('room.left', onLeft);
      s.offAny(onAny);
      if (!own && s.connected) s.emit('room.leave', room, () => {});
    };
  }, [room, current]);
}

/** The id of the signed-in user's own room, which carries their notifications. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

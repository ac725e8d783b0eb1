/**
 * Sends live events to socket.io rooms, each numbered by its room. Within a
 * process a room's events are numbered and sent one after another, so a
 * socket receives them in number order; through the Redis adapter the
 * order from one process holds on every other. Events from two processes
 * to one room may cross on the way: the receiver sees a gap and refetches.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Live, LiveEventName, LiveEvents } from './live-events.js';
import { roomSequences } from './room-sequences.js';
import type { LiveServer } from './socket-server.js';

/**
 * An event, or how to read it: read in its turn in each room, so that of
 * two events racing for a room the later number carries the later read
 * (undefined: nothing to send).
 */
export type LivePayload<N extends LiveEventName> = LiveEvents[N] | (() => Promise<LiveEvents[N] | undefined>);

export interface LivePublisher {
  /** Sends `event` to each room (duplicates ignored), numbered by the room; resolves once sent. */
  publish<N extends LiveEventName>(name: N, rooms: readonly string[], event: LivePayload<N>, occurredAt: string): Promise<void>;
}

/**
 * `shared`: other processes may hold sockets (the Redis adapter), so every
 * room is numbered and sent to. Otherwise a room that no socket of this
 * process follows is skipped, number and all: no one can miss what was
 * never numbered, and a socket that joins later starts from the room's
 * number and the snapshot.
 */
export function createLivePublisher(io: LiveServer, logger: Logger, shared: boolean): LivePublisher {
  const followed = (room: string) => shared || io.of('/').adapter.rooms.has(room);
  /** The last send queued per room; a room's sends run in the order they were queued. */
  const tails = new Map<string, Promise<void>>();

  const inRoomOrder = (room: string, send: () => Promise<void>): Promise<void> => {
    const previous = tails.get(room) ?? Promise.resolve();
    const mine = previous.then(send);
    const tail = mine.catch((error: unknown) => logger.error({ err: error, room }, 'live event not sent'));
    tails.set(room, tail);
    void tail.then(() => {
      if (tails.get(room) === tail) tails.delete(room);
    });
    return tail;
  };

  return {
    async publish(name, rooms, event, occurredAt) {
      const id = randomUUID();
      await Promise.all(
        [...new Set(rooms)].map((room) =>
          inRoomOrder(room, async () => {
            if (!followed(room)) return;
            const fields = typeof event === 'function' ? await event() : event;
            if (!fields) return;
            const seq = await roomSequences.next(room);
            const live: Live<typeof name> = { ...fields, id, room, seq, occurredAt };
            // socket.io's typed emit cannot follow a generic event name; the map above typed the payload.
            (io.to(room) as unknown as { emit(name: string, event: unknown): boolean }).emit(name, live);
          }),
        ),
      );
    },
  };
}

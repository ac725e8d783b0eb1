/**
 * Sends live events to socket.io rooms, each numbered by its room. Within a
 * process a room's events are numbered and sent one after another, so a
 * socket receives them in number order; through the Redis adapter the
 * order from one process holds on every other. Events from two processes
 * to one room may cross on the way: the receiver sees a gap and refetches.
 *
 * `publish` queues and returns: the request or job that emitted the domain
 * event does not wait for numbering and sending (a milestone's change went
 * to five rooms, ten `$inc`s and ten progress reads, before its answer;
 * under load that held PATCHes for seconds). The order is fixed when the
 * event is queued, so it is the same as if it had been awaited.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Live, LiveEventName, LiveEvents } from './live-events.js';
import { createRoomNumbers, roomSequences } from './room-sequences.js';
import type { LiveServer } from './socket-server.js';

/**
 * An event, or how to read it: read once, in its turn (after every event
 * queued before it to any of its rooms), so that of two events racing for a
 * room the later number carries the later read (undefined: nothing to send).
 */
export type LivePayload<N extends LiveEventName> = LiveEvents[N] | (() => Promise<LiveEvents[N] | undefined>);

export interface LivePublisher {
  /**
   * Queues `event` for each room (duplicates ignored), numbered by the room, and returns at once: sending
   * follows in each room's order. Errors are logged (a numbered event not sent is a gap: clients refetch).
   * Past HIGH_WATER events queued it resolves only once its own is sent: a writer that outpaces the
   * sending is slowed down rather than the queue growing without bound.
   */
  publish<N extends LiveEventName>(name: N, rooms: readonly string[], event: LivePayload<N>, occurredAt: string): Promise<void>;
  /**
   * Resolves once every event queued so far has been sent (or failed), or `withinMs` has passed (those
   * still queued are then left, and logged: their rooms' clients see the gap and refetch).
   */
  settled(withinMs?: number): Promise<void>;
}

/**
 * `shared`: other processes may hold sockets (the Redis adapter), so every
 * room is numbered and sent to, each with its own atomic `$inc` (rooms are
 * numbered by every process). Otherwise a room that no socket of this
 * process follows is skipped, number and all: no one can miss what was
 * never numbered, and a socket that joins later starts from the room's
 * number and the snapshot; and the event's followed rooms are numbered in
 * one write (`createRoomNumbers`).
 */
/** Events queued at once past which publishing waits for its own event (back-pressure). */
const HIGH_WATER = 5_000;

export function createLivePublisher(io: LiveServer, logger: Logger, shared: boolean): LivePublisher {
  const adapter = io.of('/').adapter;
  const followed = (room: string) => shared || adapter.rooms.has(room);
  const numbers = shared ? undefined : createRoomNumbers();
  // A room nobody follows any more is skipped until someone joins again: its number is read again then.
  if (numbers) adapter.on('delete-room', (room: string) => numbers.forget(room));
  const numberRooms = async (rooms: readonly string[]): Promise<Map<string, number>> =>
    numbers ? numbers.next(rooms) : new Map(await Promise.all(rooms.map(async (room) => [room, await roomSequences.next(room)] as const)));

  /** The last event queued per room (never rejects); an event runs once each of its rooms' previous events has run. */
  const tails = new Map<string, Promise<void>>();
  /** Events queued and not yet run. */
  const pending = new Set<Promise<void>>();

  return {
    publish(name, rooms, event, occurredAt) {
      const id = randomUUID();
      const unique = [...new Set(rooms)];
      const previous = unique.map((room) => tails.get(room)).filter((tail) => tail !== undefined);
      const run = Promise.all(previous)
        .then(async () => {
          const targets = unique.filter(followed);
          if (targets.length === 0) return;
          // Read once for every room (a milestone's progress went to five rooms, read five times).
          const fields = typeof event === 'function' ? await event() : event;
          if (!fields) return;
          const seqs = await numberRooms(targets);
          for (const room of targets) {
            const live: Live<typeof name> = { ...fields, id, room, seq: seqs.get(room)!, occurredAt };
            // socket.io's typed emit cannot follow a generic event name; the map above typed the payload.
            (io.to(room) as unknown as { emit(name: string, event: unknown): boolean }).emit(name, live);
          }
        })
        .catch((error: unknown) => logger.error({ err: error, event: name, rooms: unique }, 'live event not sent'));
      for (const room of unique) tails.set(room, run);
      pending.add(run);
      void run.then(() => {
        pending.delete(run);
        for (const room of unique) if (tails.get(room) === run) tails.delete(room);
      });
      return pending.size > HIGH_WATER ? run : Promise.resolve();
    },
    async settled(withinMs) {
      const all = (async () => {
        while (pending.size > 0) await Promise.all(pending);
      })();
      if (withinMs === undefined) return all;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), withinMs)));
      if ((await Promise.race([all, late])) === 'late') logger.warn({ events: pending.size }, 'live events still queued at stop are left: their rooms refetch');
      clearTimeout(timer);
    },
  };
}

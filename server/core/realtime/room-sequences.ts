/**
 * Each live room's sequence number, kept in the database (`liveRooms`,
 * one document a room) so that numbers survive a restart and are shared by
 * every API process and worker: the next number is one atomic `$inc`.
 */
import mongoose from 'mongoose';
import { isDuplicateKey, onlyDuplicateKeys } from '../db/duplicate-key.js';

interface RoomDoc {
  _id: string;
  seq: number;
}

const rooms = () => mongoose.connection.db!.collection<RoomDoc>('liveRooms');

export const roomSequences = {
  /** Takes the room's next number (1 for a room's first event). */
  async next(room: string): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        const doc = await rooms().findOneAndUpdate({ _id: room }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
        return doc!.seq;
      } catch (error) {
        // Two processes creating the same room at once: one insert wins, the other increments it.
        if (!isDuplicateKey(error) || attempt > 0) throw error;
      }
    }
  },

  /** The number of the room's latest event; 0 before its first. */
  async current(room: string): Promise<number> {
    return (await rooms().findOne({ _id: room }))?.seq ?? 0;
  },
};

/** Numbers for one event's rooms, room → seq. */
export interface RoomNumbers {
  /** Takes the next number of each room (no duplicates in `list`), in one write when nothing else numbered them meanwhile. */
  next(list: readonly string[]): Promise<Map<string, number>>;
  /** Drops what it remembers of a room (no socket follows it any more). */
  forget(room: string): void;
}

/**
 * Numbers an event's rooms in one database write, for the process that
 * numbers them alone (no Redis: one process serves the sockets). It
 * remembers each room's last number (read once, with one `$in` find for the
 * rooms it does not know yet) and writes all the event's rooms in one
 * unordered bulkWrite of compare-and-set updates `{_id, seq: known}` →
 * `known + 1`, upserting a room's first number. A room someone else
 * numbered meanwhile (another process on the same database, a restart)
 * fails its compare with a duplicate key on the upsert; that room alone
 * takes its number with `next` above. So numbers stay unique and gap-free
 * whoever else writes, and the common case costs one write per event
 * instead of one `$inc` per room.
 */
export function createRoomNumbers(): RoomNumbers {
  const known = new Map<string, number>();
  return {
    async next(list) {
      const unknown = list.filter((room) => !known.has(room));
      if (unknown.length > 0) {
        for (const room of unknown) known.set(room, 0);
        for (const doc of await rooms().find({ _id: { $in: unknown } }).toArray()) known.set(doc._id, doc.seq);
      }
      const expected = list.map((room) => known.get(room)!);
      const failed = new Set<number>();
      try {
        await rooms().bulkWrite(
          list.map((room, i) => ({ updateOne: { filter: { _id: room, seq: expected[i]! }, update: { $set: { seq: expected[i]! + 1 } }, upsert: true } })),
          { ordered: false },
        );
      } catch (error) {
        if (!onlyDuplicateKeys(error)) {
          // Some of the writes may have applied: read every room again next time.
          for (const room of list) known.delete(room);
          throw error;
        }
        const writeErrors = (error as { writeErrors?: Array<{ index: number }> | { index: number } }).writeErrors;
        for (const writeError of [writeErrors ?? []].flat()) failed.add(writeError.index);
      }
      const numbers = new Map<string, number>();
      await Promise.all(
        list.map(async (room, i) => {
          const seq = failed.has(i) ? await roomSequences.next(room) : expected[i]! + 1;
          known.set(room, seq);
          numbers.set(room, seq);
        }),
      );
      return numbers;
    },
    forget(room) {
      known.delete(room);
    },
  };
}

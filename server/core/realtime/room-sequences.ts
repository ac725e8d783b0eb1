/**
 * Each live room's sequence number, kept in the database (`liveRooms`,
 * one document a room) so that numbers survive a restart and are shared by
 * every API process and worker: the next number is one atomic `$inc`.
 */
import mongoose from 'mongoose';
import { isDuplicateKey } from '../db/duplicate-key.js';

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

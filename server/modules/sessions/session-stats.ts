/** A mentor's session figures (SPEC §4 uses the rating), worked out again from their completed sessions. */
import mongoose from 'mongoose';
import { mentorsRepository } from '../mentors/mentors.repository.js';
import { sessionsRepository } from './sessions.repository.js';

export async function refreshSessionStats(mentorId: string): Promise<void> {
  const id = new mongoose.Types.ObjectId(mentorId);
  const { held, minutes, ratings } = await sessionsRepository.heldBy(id);
  const rating = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null;
  await mentorsRepository.setSessionStats(id, { held, hours: Math.round((minutes / 60) * 100) / 100, rating, ratings: ratings.length });
}

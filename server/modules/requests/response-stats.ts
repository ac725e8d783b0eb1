/**
 * A mentor's median answer time (SPEC §3 derived stats), recomputed from
 * every answered request after each answer. Written so that the most
 * complete computation wins whatever order concurrent writes land in (see
 * mentorsRepository.setResponseStats), so the stat stays exact.
 */
import type mongoose from 'mongoose';
import { mentorsRepository } from '../mentors/mentors.repository.js';
import { requestsRepository } from './requests.repository.js';

/** The median of `values` (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export async function refreshResponseStats(mentorId: mongoose.Types.ObjectId): Promise<void> {
  const hours = await requestsRepository.responseHoursOf(mentorId);
  const value = median(hours);
  await mentorsRepository.setResponseStats(mentorId, value === null ? null : Math.round(value * 100) / 100, hours.length);
}

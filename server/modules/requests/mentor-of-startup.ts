/** Whether a mentor has dealt with a startup: it asked them (in any state), or they mentor or mentored it. */
import mongoose from 'mongoose';
import { mentorshipsRepository } from './mentorships.repository.js';
import { requestsRepository } from './requests.repository.js';

export async function isMentorOfStartup(startupId: string, mentorUserId: string): Promise<boolean> {
  if (!mongoose.isValidObjectId(startupId) || !mongoose.isValidObjectId(mentorUserId)) return false;
  const startup = new mongoose.Types.ObjectId(startupId);
  const mentor = new mongoose.Types.ObjectId(mentorUserId);
  const [asked, mentored] = await Promise.all([requestsRepository.existsBetween(startup, mentor), mentorshipsRepository.existsBetween(startup, mentor)]);
  return asked || mentored;
}

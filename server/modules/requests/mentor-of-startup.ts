/** Whether a mentor deals with a startup: it is asking them now or they accepted, or they mentor or mentored it. A withdrawn, declined or expired request gives nothing. */
import mongoose from 'mongoose';
import { mentorshipsRepository } from './mentorships.repository.js';
import { requestsRepository } from './requests.repository.js';

export async function isMentorOfStartup(startupId: string, mentorUserId: string): Promise<boolean> {
  if (!mongoose.isValidObjectId(startupId) || !mongoose.isValidObjectId(mentorUserId)) return false;
  const startup = new mongoose.Types.ObjectId(startupId);
  const mentor = new mongoose.Types.ObjectId(mentorUserId);
  const [asked, mentored] = await Promise.all([requestsRepository.openOrAcceptedBetween(startup, mentor), mentorshipsRepository.existsBetween(startup, mentor)]);
  return asked || mentored;
}

/** The only door to eligibility_notices. */
import mongoose from 'mongoose';
import { isDuplicateKey } from '../../core/http/problem.js';
import { EligibilityNoticeModel, type EligibilityNoticeDocument, type NOTICE_KINDS } from './eligibility-notice.model.js';

export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const eligibilityNoticesRepository = {
  /** Records a notice; false when it was already recorded (by this run, an earlier one, or a concurrent one). */
  async claim(notice: { startupId: string; eligibleUntil: string; kind: NoticeKind; sentOn: string; cohortIds: string[] }): Promise<boolean> {
    try {
      await EligibilityNoticeModel.create({
        ...notice,
        startupId: new mongoose.Types.ObjectId(notice.startupId),
        cohortIds: notice.cohortIds.map((id) => new mongoose.Types.ObjectId(id)),
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  },

  async listForStartup(startupId: string): Promise<EligibilityNoticeDocument[]> {
    return (await EligibilityNoticeModel.find({ startupId: new mongoose.Types.ObjectId(startupId) }).sort({ createdAt: 1 }).lean()) as EligibilityNoticeDocument[];
  },
};

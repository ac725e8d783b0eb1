/** The only door to eligibility_notices. */
import mongoose from 'mongoose';
import { insertUnlessDuplicate } from '../../core/db/duplicate-key.js';
import { EligibilityNoticeModel, type EligibilityNoticeDocument, type NOTICE_KINDS } from './eligibility-notice.model.js';

export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const eligibilityNoticesRepository = {
  /** Records a notice; false when it was already recorded (by this run, an earlier one, or a concurrent one). */
  async claim(notice: { startupId: string; eligibleUntil: string; kind: NoticeKind; sentOn: string; cohortIds: string[] }): Promise<boolean> {
    const created = await insertUnlessDuplicate(() =>
      EligibilityNoticeModel.create({
        ...notice,
        startupId: new mongoose.Types.ObjectId(notice.startupId),
        cohortIds: notice.cohortIds.map((id) => new mongoose.Types.ObjectId(id)),
      }),
    );
    return created !== undefined;
  },

  async listForStartup(startupId: string): Promise<EligibilityNoticeDocument[]> {
    return (await EligibilityNoticeModel.find({ startupId: new mongoose.Types.ObjectId(startupId) }).sort({ createdAt: 1 }).lean()) as EligibilityNoticeDocument[];
  },
};

import type mongoose from 'mongoose';
import { addDays } from '../../core/time/calendar-date.js';
import type { NewMilestone } from './milestones.repository.js';

export interface TemplateSource {
  _id: mongoose.Types.ObjectId;
  startsOn: string;
  milestoneTemplate: ReadonlyArray<{ key: string; title: string; description?: string | null; dueWeeks: number }>;
}

/** One admission's starting milestones: each template item, planned, due startsOn + 7 × dueWeeks days. */
export function planMilestones(
  cohort: TemplateSource,
  admission: { _id: mongoose.Types.ObjectId; startupId: mongoose.Types.ObjectId },
): NewMilestone[] {
  return cohort.milestoneTemplate.map((item, order) => ({
    cohortId: cohort._id,
    startupId: admission.startupId,
    admissionId: admission._id,
    key: item.key,
    order,
    title: item.title,
    description: item.description ?? '',
    dueOn: addDays(cohort.startsOn, 7 * item.dueWeeks),
  }));
}

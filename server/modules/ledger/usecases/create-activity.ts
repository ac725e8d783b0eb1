import mongoose from 'mongoose';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Forbidden } from '../../../core/errors.js';
import { normalizeText } from '../../../core/text/clean-text.js';
import { buildSearchText } from '../../../core/text/search-text.js';
import { activitiesRepository, type ActivityRecord } from '../activities.repository.js';
import { ACTIVITY_KIND_LABELS } from '../activity-kinds.js';
import { assertActivityRules } from '../activity-rules.js';
import { mergeAttendance, resolveAttendees } from '../attendance.js';
import type { AttendeeDto, CreateActivityDto } from '../dto/activity-fields.dto.js';
import { ledgerPolicy } from '../ledger.policy.js';

/** Attendance entries of a body, resolved and de-duplicated. */
export async function attendanceOf(entries: readonly AttendeeDto[]) {
  return mergeAttendance([], await resolveAttendees(entries.map((a, i) => ({ ...a, field: `attendance.${i}` })))).attendance;
}

export const activitySearchText = (a: { title: string; kind: keyof typeof ACTIVITY_KIND_LABELS; place: string; organisers: readonly string[] }) =>
  buildSearchText([a.title, a.place, a.organisers, ACTIVITY_KIND_LABELS[a.kind].vi]);

/** A manager or admin records an activity, with its attendance when known. */
export async function createActivity(actor: AuthUser, input: CreateActivityDto): Promise<ActivityRecord> {
  if (!ledgerPolicy.canRecord(actor)) throw new Forbidden('forbidden', 'Only managers and admins record activities.');
  assertActivityRules(input);
  const organisers = input.organisers.map(normalizeText);
  const fields = {
    title: input.title,
    kind: input.kind,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    organisers,
    place: input.place,
    description: input.description ?? '',
    attendance: await attendanceOf(input.attendance ?? []),
  };
  return activitiesRepository.create({ ...fields, searchText: activitySearchText(fields) }, new mongoose.Types.ObjectId(actor.id));
}

import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict } from '../../../core/errors.js';
import { normalizeText } from '../../../core/text/clean-text.js';
import { activitiesRepository, type ActivityFields, type ActivityRecord } from '../activities.repository.js';
import { assertActivityRules } from '../activity-rules.js';
import type { UpdateActivityDto } from '../dto/activity-fields.dto.js';
import { activitySearchText, attendanceOf } from './create-activity.js';
import { getActivity } from './get-activity.js';

/** Changes some of an activity's fields (a given attendance list replaces the old one); 409 when it changed meanwhile. */
export async function updateActivity(actor: AuthUser, id: string, input: UpdateActivityDto): Promise<ActivityRecord> {
  const current = await getActivity(actor, id);
  const set: Partial<ActivityFields> = {};
  if (input.title !== undefined) set.title = input.title;
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.startsOn !== undefined) set.startsOn = input.startsOn;
  if (input.endsOn !== undefined) set.endsOn = input.endsOn;
  if (input.organisers !== undefined) set.organisers = input.organisers.map(normalizeText);
  if (input.place !== undefined) set.place = input.place;
  if (input.description !== undefined) set.description = input.description ?? '';
  const next = { ...current, ...set };
  assertActivityRules(next);
  if (input.attendance !== undefined) set.attendance = await attendanceOf(input.attendance);
  set.searchText = activitySearchText(next);
  const result = await activitiesRepository.update(current, set);
  if (!result.applied) throw new Conflict('concurrent_change', 'The activity changed meanwhile; read it again and retry.');
  return result.record;
}

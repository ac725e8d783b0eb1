/** Rules spanning an activity's fields, on the activity as it will be stored. */
import { assertRules } from '../../core/http/validation.js';

export function assertActivityRules(activity: { startsOn: string; endsOn: string }): void {
  assertRules(activity.endsOn < activity.startsOn ? [{ field: 'endsOn', code: 'before_start', message: 'endsOn must not be before startsOn.' }] : []);
}

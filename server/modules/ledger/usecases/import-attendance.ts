import type { AuthUser } from '../../../core/auth/auth-user.js';
import { Conflict, RuleViolated } from '../../../core/errors.js';
import { activitiesRepository, type ActivityRecord } from '../activities.repository.js';
import { ACTIVITY_LIMITS } from '../activity.model.js';
import { parseAttendanceCsv } from '../attendance-csv.js';
import { mergeAttendance, resolveAttendees } from '../attendance.js';
import type { ImportAttendanceDto } from '../dto/activity-queries.dto.js';
import { getActivity } from './get-activity.js';

export interface AttendanceImport {
  activity: ActivityRecord;
  /** Rows read (blank lines not counted). */
  rows: number;
  added: number;
  /** Rows already on the list, or repeated in the file. */
  skipped: number;
}

/**
 * Imports an attendance CSV into an activity: all or nothing. Every bad
 * row is reported by line and column (422 `invalid_csv`: the body is
 * well-formed JSON, its CSV breaks the format; 422 `unknown_startup`); only
 * a file without problems is written,
 * in one guarded update of the activity (409 when it changed meanwhile).
 */
export async function importAttendance(actor: AuthUser, id: string, input: ImportAttendanceDto): Promise<AttendanceImport> {
  const current = await getActivity(actor, id);
  const { rows, errors } = parseAttendanceCsv(input.csv);
  if (errors.length > 0) throw new RuleViolated('invalid_csv', `The CSV has problems: ${errors.slice(0, 5).map((e) => e.message).join(' ')}`, errors);
  if (input.mode === 'replace' && rows.length === 0) {
    // A header with no one under it would empty the list: refused, not taken as "nobody came".
    throw new RuleViolated('invalid_csv', 'Replacing the attendance needs at least one person in the CSV.', [{ field: 'csv', code: 'no_rows', message: 'csv has a header but no rows.' }]);
  }
  const attendees = await resolveAttendees(rows.map((row) => ({ ...row, field: `csv.${row.line}` })));
  const merged = mergeAttendance(input.mode === 'replace' ? [] : (current.attendance as never), attendees);
  if (merged.attendance.length > ACTIVITY_LIMITS.attendees) {
    throw new RuleViolated('too_many_attendees', `An activity holds at most ${ACTIVITY_LIMITS.attendees} attendees.`, [
      { field: 'csv', code: 'too_many_attendees', message: `This import would make ${merged.attendance.length}.` },
    ]);
  }
  const result = await activitiesRepository.update(current, { attendance: merged.attendance });
  if (!result.applied) throw new Conflict('concurrent_change', 'The activity changed meanwhile; import again.');
  return { activity: result.record, rows: rows.length, added: merged.added, skipped: merged.skipped };
}

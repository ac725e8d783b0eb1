/**
 * Attendance lists as incubators keep them: a spreadsheet saved as CSV.
 * The first row names the columns (any order, case and diacritics ignored,
 * a few Vietnamese names accepted); fields are separated by commas, or by
 * semicolons when the header has no comma (spreadsheets in locales with a
 * decimal comma); quotes as RFC 4180 (a quoted field may hold separators,
 * line breaks and doubled quotes). Every problem is reported with its line
 * number — the line where its row starts, the header being line 1 — and
 * the column, as `csv.<line>.<column>`.
 */
import mongoose from 'mongoose';
import { isEmail } from 'class-validator';
import type { FieldError } from '../../core/errors.js';
import { normalizeText, textProblem } from '../../core/text/clean-text.js';
import { foldText } from '../../core/text/search-text.js';
import { ACTIVITY_LIMITS } from './activity.model.js';

export const ATTENDANCE_COLUMNS = ['name', 'email', 'startupId', 'organisation'] as const;
type Column = (typeof ATTENDANCE_COLUMNS)[number];

/** Header names (folded: no diacritics, lower case, no spaces, `_` or `-`) → column. */
const HEADER_NAMES: Record<string, Column> = {
  name: 'name',
  hoten: 'name',
  ten: 'name',
  email: 'email',
  startupid: 'startupId',
  startup: 'startupId',
  organisation: 'organisation',
  organization: 'organisation',
  donvi: 'organisation',
};

/** The most rows one import takes. */
export const MAX_ATTENDANCE_ROWS = 2000;

export interface AttendanceRow {
  line: number;
  name: string;
  email?: string;
  startupId?: string;
  organisation?: string;
}

interface RawRecord {
  line: number;
  fields: string[];
}

/** Splits CSV text into records of fields, each with the line it starts on; throws a FieldError for an unclosed quote. */
function records(text: string, separator: string): RawRecord[] {
  const out: RawRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (c === separator) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ line: startLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      startLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw [{ field: `csv.${startLine}`, code: 'unclosed_quote', message: `Line ${startLine}: a quoted field is not closed.` }] satisfies FieldError[];
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    out.push({ line: startLine, fields });
  }
  // Blank lines (a trailing newline, spacing rows) are not rows.
  return out.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

const columnOf = (header: string): Column | undefined => HEADER_NAMES[foldText(header).replace(/[\s_-]+/g, '')];

/**
 * Reads an attendance CSV. Returns its rows, or the problems: the header's
 * (unknown or repeated column, no `name`) and every bad value of every row.
 */
export function parseAttendanceCsv(input: string): { rows: AttendanceRow[]; errors: FieldError[] } {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  let all: RawRecord[];
  try {
    all = records(text, separator);
  } catch (errors) {
    return { rows: [], errors: errors as FieldError[] };
  }
  const [header, ...body] = all;
  if (!header) return { rows: [], errors: [{ field: 'csv', code: 'empty', message: 'The CSV has no header row.' }] };

  const errors: FieldError[] = [];
  const columns: Array<Column | undefined> = header.fields.map((name, index) => {
    const column = columnOf(name);
    if (!column) {
      errors.push({ field: `csv.${header.line}.${name.trim() || index + 1}`, code: 'unknown_column', message: `Line ${header.line}: unknown column "${name.trim()}"; use ${ATTENDANCE_COLUMNS.join(', ')}.` });
    }
    return column;
  });
  for (const column of ATTENDANCE_COLUMNS) {
    if (columns.filter((c) => c === column).length > 1) errors.push({ field: `csv.${header.line}.${column}`, code: 'repeated_column', message: `Line ${header.line}: the column ${column} appears twice.` });
  }
  if (!columns.includes('name')) errors.push({ field: `csv.${header.line}.name`, code: 'missing_column', message: `Line ${header.line}: the header needs a name column.` });
  if (errors.length > 0) return { rows: [], errors };
  if (body.length > MAX_ATTENDANCE_ROWS) {
    return { rows: [], errors: [{ field: 'csv', code: 'too_many_rows', message: `At most ${MAX_ATTENDANCE_ROWS} rows in one import; this one has ${body.length}.` }] };
  }

  const rows: AttendanceRow[] = [];
  for (const record of body) {
    const bad = (column: Column, code: string, message: string) => errors.push({ field: `csv.${record.line}.${column}`, code, message: `Line ${record.line}: ${message}` });
    if (record.fields.length > columns.length) {
      errors.push({ field: `csv.${record.line}`, code: 'too_many_fields', message: `Line ${record.line}: ${record.fields.length} fields, the header has ${columns.length}.` });
      continue;
    }
    const value = (column: Column) => {
      const index = columns.indexOf(column);
      const raw = index < 0 ? '' : (record.fields[index] ?? '');
      return raw.trim();
    };
    const row: AttendanceRow = { line: record.line, name: '' };
    const name = value('name');
    const nameProblem = name === '' ? 'is empty' : textProblem(name, { required: true });
    if (nameProblem) bad('name', 'invalid', `name ${nameProblem}.`);
    else if (name.length > ACTIVITY_LIMITS.name) bad('name', 'too_long', `name is longer than ${ACTIVITY_LIMITS.name} characters.`);
    else row.name = normalizeText(name);
    const email = value('email');
    if (email !== '') {
      if (email.length > 254 || !isEmail(email)) bad('email', 'invalid', `"${email.slice(0, 60)}" is not an email address.`);
      else row.email = email.toLowerCase();
    }
    const startupId = value('startupId');
    if (startupId !== '') {
      if (!/^[0-9a-fA-F]{24}$/.test(startupId) || !mongoose.isValidObjectId(startupId)) bad('startupId', 'invalid', `"${startupId.slice(0, 60)}" is not a startup id.`);
      else row.startupId = startupId.toLowerCase();
    }
    const organisation = value('organisation');
    if (organisation !== '') {
      const problem = textProblem(organisation, {});
      if (problem) bad('organisation', 'invalid', `organisation ${problem}.`);
      else if (organisation.length > ACTIVITY_LIMITS.organiser) bad('organisation', 'too_long', `organisation is longer than ${ACTIVITY_LIMITS.organiser} characters.`);
      else row.organisation = normalizeText(organisation);
    }
    rows.push(row);
  }
  return { rows, errors };
}

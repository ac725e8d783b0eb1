/**
 * The KPI report as CSV for spreadsheets: UTF-8 with a byte-order mark (so
 * Excel reads Vietnamese), CRLF line ends, RFC 4180 quoting. One `kpi` row
 * per figure, each followed by `record` rows (its drill-down) and
 * `excluded` rows; then the mentor-network figures the same way. Text that
 * a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
 * prefixed with an apostrophe.
 */
import { STATUS_LABELS } from './kpi-definitions.js';
import type { KpiRecord, KpiReport } from './kpi-report.js';

export const CSV_COLUMNS = [
  'row',
  'code',
  'label_vi',
  'label_en',
  'actual',
  'target',
  'expected_by_now',
  'status',
  'status_vi',
  'record_kind',
  'record_id',
  'record_name',
  'record_date',
  'record_value',
  'reason',
] as const;

type Cell = string | number | null;

const FORMULA = /^[=+\-@\t\r]/;

function cell(value: Cell, text = false): string {
  if (value === null) return '';
  let out = String(value);
  if (text && FORMULA.test(out)) out = `'${out}`;
  return /[",\r\n]/.test(out) || out !== out.trim() ? `"${out.replace(/"/g, '""')}"` : out;
}

const line = (cells: Array<[Cell, boolean?]>) => cells.map(([value, text]) => cell(value, text)).join(',');

function recordLine(row: string, code: string, record: KpiRecord, reason: string | null = null): string {
  return line([[row], [code], [null], [null], [null], [null], [null], [null], [null], [record.kind], [record.id], [record.name, true], [record.date], [record.value], [reason]]);
}

export function kpiReportCsv(report: KpiReport): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const kpi of report.kpis) {
    lines.push(
      line([['kpi'], [kpi.code], [kpi.label.vi, true], [kpi.label.en, true], [kpi.actual], [kpi.target], [kpi.expectedByNow], [kpi.status], [STATUS_LABELS[kpi.status].vi, true], [null], [null], [null], [null], [null], [null]]),
    );
    for (const record of kpi.records) lines.push(recordLine('record', kpi.code, record));
    for (const record of kpi.excluded) lines.push(recordLine('excluded', kpi.code, record, record.reason));
  }
  for (const figure of report.mentorNetwork) {
    lines.push(line([['mentor_network'], [figure.code], [figure.label.vi, true], [figure.label.en, true], [figure.value], [null], [null], [null], [null], [null], [null], [null], [null], [null], [null]]));
    for (const record of figure.records) lines.push(recordLine('record', figure.code, record));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** `runway-kpis-2024` or `runway-kpis-2021-01-01_2023-06-30`. */
export const reportFileName = (report: KpiReport) => `runway-kpis-${report.period.year ?? `${report.period.from}_${report.period.to}`}`;

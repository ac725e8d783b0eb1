/**
 * The programme's report to the city (SPEC §8): every KPI of the plan for a
 * year or a review period — actual, target, status — with the records behind
 * each figure one click away, the mentor network, CSV and a printable page,
 * and one chart per target over the plan's years (loaded after the table).
 */
import { useMemo, useState } from 'react';
import { api } from '../app/api.ts';
import { useAction, useLoad } from '../app/data.ts';
import { ErrorAlert } from '../app/errors.tsx';
import { dayInZone, formatDate } from '../app/format.ts';
import { defineStrings, useBilingual, useLang, type Bilingual } from '../app/i18n.tsx';
import { Badge, Button, Loaded, Page, SelectField } from '../app/ui.tsx';
import { YearsChart } from './YearsChart.tsx';

type KpiStatus = 'met' | 'on_track' | 'behind' | 'no_target';

interface KpiRecord {
  kind: string;
  id: string;
  name: string;
  date: string;
  value: number | null;
}

interface Kpi {
  code: string;
  label: Bilingual;
  actual: number;
  target: number | null;
  expectedByNow: number | null;
  status: KpiStatus;
  records: KpiRecord[];
  excluded: Array<KpiRecord & { reason: string }>;
}

interface MentorFigure {
  code: string;
  label: Bilingual;
  value: number | null;
  records: KpiRecord[];
}

export interface KpiReport {
  period: { from: string; to: string; year: number | null; today: string; elapsedShare: number; complete: boolean };
  kpis: Kpi[];
  mentorNetwork: MentorFigure[];
}

/** The plan's years (2021–2025) and the ones since. */
const FIRST_YEAR = 2021;
const PLAN_LAST_YEAR = 2025;

const useT = defineStrings({
  vi: {
    title: 'Báo cáo chương trình',
    period: 'Kỳ báo cáo',
    year: (y: number) => `Năm ${y}`,
    midterm: 'Sơ kết giữa kỳ (2021–2023)',
    final: 'Tổng kết (2021–2025)',
    kpi: 'Chỉ tiêu',
    actual: 'Thực hiện',
    target: 'Mục tiêu',
    byNow: 'Cần đạt đến nay',
    status: 'Tình trạng',
    records: 'Hồ sơ',
    showRecords: (n: number) => `Xem ${n} hồ sơ`,
    excluded: 'Không tính',
    agedOut: 'chỉ được hỗ trợ sau khi đã quá 5 năm',
    none: 'Không có hồ sơ nào.',
    network: 'Mạng lưới cố vấn',
    csv: 'Tải CSV',
    print: 'Bản in',
    charts: 'Theo từng năm',
    from: (from: string, to: string) => `Từ ${from} đến ${to}`,
    running: 'Kỳ đang diễn ra: mục tiêu được tính theo tỉ lệ thời gian đã qua.',
    met: 'Đạt',
    on_track: 'Đúng tiến độ',
    behind: 'Chậm',
    no_target: 'Không có mục tiêu',
  },
  en: {
    title: 'Programme report',
    period: 'Period',
    year: (y: number) => `Year ${y}`,
    midterm: 'Mid-term review (2021–2023)',
    final: 'Final review (2021–2025)',
    kpi: 'Target',
    actual: 'Actual',
    target: 'Target',
    byNow: 'Expected by now',
    status: 'Status',
    records: 'Records',
    showRecords: (n: number) => `Show ${n} records`,
    excluded: 'Not counted',
    agedOut: 'supported only after its 5 years ended',
    none: 'No records.',
    network: 'Mentor network',
    csv: 'Download CSV',
    print: 'Printable page',
    charts: 'Year by year',
    from: (from: string, to: string) => `From ${from} to ${to}`,
    running: 'A period still running: targets are counted pro rata to the time gone by.',
    met: 'Met',
    on_track: 'On track',
    behind: 'Behind',
    no_target: 'No target',
  },
});

const TONE: Record<KpiStatus, 'ok' | 'info' | 'danger' | 'muted'> = { met: 'ok', on_track: 'info', behind: 'danger', no_target: 'muted' };

type Query = { year: number } | { from: string; to: string };

function periods(thisYear: number): Array<{ key: string; query: Query }> {
  const years = [];
  for (let y = thisYear; y >= FIRST_YEAR; y--) years.push({ key: String(y), query: { year: y } });
  return [
    ...years,
    { key: 'midterm', query: { from: `${FIRST_YEAR}-01-01`, to: '2023-12-31' } },
    { key: 'final', query: { from: `${FIRST_YEAR}-01-01`, to: `${PLAN_LAST_YEAR}-12-31` } },
  ];
}

export function ReportsPage() {
  const t = useT();
  const { lang } = useLang();
  const text = useBilingual();
  const thisYear = Number(dayInZone(new Date()).slice(0, 4));
  const options = periods(thisYear);
  const chartYears = useMemo(() => Array.from({ length: Math.min(thisYear, PLAN_LAST_YEAR) - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i), [thisYear]);
  const [key, setKey] = useState(String(Math.min(thisYear, PLAN_LAST_YEAR)));
  const query = options.find((o) => o.key === key)!.query;
  const report = useLoad(() => api.get<KpiReport>('/api/v1/reports/kpis', query), [key]);

  const file = useAction(async (kind: 'csv' | 'print') => {
    const blob = await api.download(`/api/v1/reports/kpis/${kind}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
    const url = URL.createObjectURL(blob);
    if (kind === 'print') window.open(url, '_blank', 'noopener');
    else {
      const link = document.createElement('a');
      link.href = url;
      link.download = `runway-report-${key}.csv`;
      link.click();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  });

  const label = (o: { key: string; query: Query }) => ('year' in o.query ? t.year(o.query.year) : o.key === 'midterm' ? t.midterm : t.final);

  return (
    <Page
      title={t.title}
      actions={
        <>
          <Button busy={file.busy} onClick={() => void file.run('csv')}>
            {t.csv}
          </Button>
          <Button busy={file.busy} onClick={() => void file.run('print')}>
            {t.print}
          </Button>
        </>
      }
    >
      <SelectField label={t.period} name="period" value={key} onChange={(e) => setKey(e.target.value)}>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {label(o)}
          </option>
        ))}
      </SelectField>
      <ErrorAlert error={file.error} />
      <Loaded state={report}>
        {(r) => (
          <>
            <p className="muted">
              {t.from(formatDate(r.period.from, lang), formatDate(r.period.to, lang))}
              {!r.period.complete && r.period.elapsedShare > 0 && <> · {t.running}</>}
            </p>
            <div className="table-wrap">
              <table className="kpi-table">
                <caption className="sr-only">{t.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.kpi}</th>
                    <th scope="col">{t.actual}</th>
                    <th scope="col">{t.target}</th>
                    <th scope="col">{t.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.kpis.map((kpi) => (
                    <tr key={kpi.code} data-kpi={kpi.code}>
                      <th scope="row">
                        {text(kpi.label)}
                        <Records records={kpi.records} excluded={kpi.excluded} />
                      </th>
                      <td>{kpi.actual}</td>
                      <td>
                        {kpi.target ?? '—'}
                        {kpi.expectedByNow !== null && !r.period.complete && (
                          <small className="muted">
                            {' '}
                            ({t.byNow}: {kpi.expectedByNow})
                          </small>
                        )}
                      </td>
                      <td>
                        <Badge tone={TONE[kpi.status]}>{t[kpi.status]}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h2>{t.network}</h2>
            <div className="table-wrap">
              <table>
                <tbody>
                  {r.mentorNetwork.map((figure) => (
                    <tr key={figure.code} data-figure={figure.code}>
                      <th scope="row">
                        {text(figure.label)}
                        <Records records={figure.records} excluded={[]} />
                      </th>
                      <td>{figure.value ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Loaded>
      {report.data && (
        <section aria-labelledby="years-title">
          <h2 id="years-title">{t.charts}</h2>
          <YearsChart years={chartYears} />
        </section>
      )}
    </Page>
  );
}

/** The records behind a figure, folded until asked for. */
function Records({ records, excluded }: { records: KpiRecord[]; excluded: Array<KpiRecord & { reason: string }> }) {
  const t = useT();
  const { lang } = useLang();
  if (records.length === 0 && excluded.length === 0) return null;
  return (
    <details className="records">
      <summary>{t.showRecords(records.length)}</summary>
      <ul>
        {records.map((record) => (
          <li key={`${record.kind}:${record.id}`}>
            {record.name} <span className="muted">· {formatDate(record.date, lang)}</span>
            {record.value !== null && <span className="muted"> · {record.value}</span>}
          </li>
        ))}
      </ul>
      {excluded.length > 0 && (
        <>
          <p className="muted">{t.excluded}:</p>
          <ul>
            {excluded.map((record) => (
              <li key={`x:${record.kind}:${record.id}`} className="muted">
                {record.name} · {record.reason === 'aged_out' ? t.agedOut : record.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

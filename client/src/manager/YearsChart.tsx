/**
 * One small chart per target of the plan: the actual figure of each year
 * against its target (dashed), read without the records behind them. uPlot
 * loads with the first chart, after the report's table, like the board's chart.
 */
import { useCallback, useMemo, useRef } from 'react';
import type uPlot from 'uplot';
import { api } from '../app/api.ts';
import { useLoad } from '../app/data.ts';
import { defineStrings, useBilingual } from '../app/i18n.tsx';
import { Loaded } from '../app/ui.tsx';
import type { KpiReport } from './ReportsPage.tsx';
import { useUPlot } from './uplot.ts';

const useT = defineStrings({
  vi: {
    actual: 'Thực hiện',
    target: 'Mục tiêu',
    failed: 'Không vẽ được biểu đồ.',
    described: (label: string, values: string) => `${label} theo năm: ${values}.`,
  },
  en: {
    actual: 'Actual',
    target: 'Target',
    failed: 'The chart could not be drawn.',
    described: (label: string, values: string) => `${label} by year: ${values}.`,
  },
});

export function YearsChart({ years }: { years: number[] }) {
  const reports = useLoad(() => Promise.all(years.map((year) => api.get<KpiReport>('/api/v1/reports/kpis', { year, records: false }))), [years.join()]);
  return <Loaded state={reports}>{(all) => <Charts years={years} reports={all} />}</Loaded>;
}

function Charts({ years, reports }: { years: number[]; reports: KpiReport[] }) {
  const text = useBilingual();
  const t = useT();
  // Each target's figures by year, made once per load (the charts redraw only when these change).
  const series = useMemo(
    () =>
      reports[0]!.kpis.map((kpi, index) => ({
        kpi,
        actual: reports.map((r) => r.kpis[index]!.actual),
        target: reports.map((r) => r.kpis[index]!.target),
      })),
    [reports],
  );
  return (
    <div className="grid years-charts">
      {series.map(({ kpi, actual, target }) => {
        const label = text(kpi.label);
        const described = t.described(label, years.map((y, i) => `${y}: ${actual[i]}/${target[i] ?? '—'}`).join(', '));
        return (
          <figure key={kpi.code} className="card years-chart" data-kpi-chart={kpi.code}>
            <figcaption>{label}</figcaption>
            <SmallChart years={years} actual={actual} target={target} label={described} />
          </figure>
        );
      })}
    </div>
  );
}

function SmallChart({ years, actual, target, label }: { years: number[]; actual: number[]; target: Array<number | null>; label: string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const build = useCallback(
    () => ({
      options: {
        width: 0,
        height: 0,
        scales: { x: { time: false }, y: { range: (_u: uPlot, _min: number, max: number): uPlot.Range.MinMax => [0, Math.max(1, max)] } },
        axes: [{ values: (_u: uPlot, splits: number[]) => splits.map((s) => (Number.isInteger(s) ? String(s) : '')) }, {}],
        legend: { show: false },
        series: [{}, { label: t.actual, stroke: '#0b6e4f', width: 2, points: { show: true } }, { label: t.target, stroke: '#7d4e00', width: 2, dash: [6, 4] }],
      },
      data: [years, actual, target] as uPlot.AlignedData,
    }),
    [years, actual, target, t],
  );
  const failed = useUPlot(box, 160, 200, build);

  return (
    <>
      <div ref={box} className="chart-box" role="img" aria-label={label} />
      {failed && <p className="alert">{t.failed}</p>}
    </>
  );
}

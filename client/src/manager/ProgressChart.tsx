/**
 * The cohort's progress as a line chart (uPlot). uPlot and its CSS load here,
 * on demand, so the first screen does not carry them.
 */
import { useEffect, useRef, useState } from 'react';
import { VIETNAM_ZONE } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import type { ProgressSeries } from './progress-history.ts';

const useT = defineStrings({
  vi: { week: 'Tuần', done: 'Đã hoàn thành', due: 'Đến hạn', count: 'Số cột mốc', failed: 'Không vẽ được biểu đồ.' },
  en: { week: 'Week', done: 'Done', due: 'Due', count: 'Milestones', failed: 'The chart could not be drawn.' },
});

export function ProgressChart({ series, label }: { series: ProgressSeries; label: string }) {
  const t = useT();
  const { lang } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let plot: { destroy(): void; setSize(size: { width: number; height: number }): void } | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(
      ([{ default: UPlot }]) => {
        if (cancelled) return;
        const size = () => ({ width: Math.max(240, element.clientWidth), height: 240 });
        // Day and month as people here write them (16/9), in Can Tho's calendar.
        const format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { day: 'numeric', month: 'numeric', timeZone: VIETNAM_ZONE });
        const dayMonth = (seconds: number) => format.format(new Date(seconds * 1000));
        plot = new UPlot(
          {
            ...size(),
            tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), VIETNAM_ZONE),
            scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
            axes: [{ values: (_u, splits) => splits.map(dayMonth) }, { label: t.count }],
            series: [
              { label: t.week, value: (_u, seconds) => (seconds == null ? '--' : dayMonth(seconds)) },
              { label: t.done, stroke: '#0b6e4f', width: 2, fill: 'rgba(11,110,79,0.12)' },
              { label: t.due, stroke: '#7d4e00', width: 2, dash: [6, 4] },
            ],
          },
          [series.x, series.done, series.due],
          element,
        );
        observer = new ResizeObserver(() => plot?.setSize(size()));
        observer.observe(element);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [series, t, lang]);

  return (
    <div>
      <div ref={box} className="chart-box" role="img" aria-label={label} />
      {failed && <p className="alert">{t.failed}</p>}
    </div>
  );
}

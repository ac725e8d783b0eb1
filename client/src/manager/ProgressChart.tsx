/**
 * The cohort's progress as a line chart (uPlot). uPlot and its CSS load here,
 * on demand, so the first screen does not carry them.
 */
import { useCallback, useRef } from 'react';
import type uPlot from 'uplot';
import { VIETNAM_ZONE } from '../app/format.ts';
import { defineStrings, useLang } from '../app/i18n.tsx';
import type { ProgressSeries } from './progress-history.ts';
import { useUPlot } from './uplot.ts';

const useT = defineStrings({
  vi: { week: 'Tuần', done: 'Đã hoàn thành', due: 'Đến hạn', count: 'Số cột mốc', failed: 'Không vẽ được biểu đồ.' },
  en: { week: 'Week', done: 'Done', due: 'Due', count: 'Milestones', failed: 'The chart could not be drawn.' },
});

export function ProgressChart({ series, label }: { series: ProgressSeries; label: string }) {
  const t = useT();
  const { lang } = useLang();
  const box = useRef<HTMLDivElement>(null);
  const build = useCallback(
    (UPlot: typeof uPlot) => {
      // Day and month as people here write them (16/9), in Can Tho's calendar.
      const format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { day: 'numeric', month: 'numeric', timeZone: VIETNAM_ZONE });
      const dayMonth = (seconds: number) => format.format(new Date(seconds * 1000));
      const options: uPlot.Options = {
        width: 0,
        height: 0,
        tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), VIETNAM_ZONE),
        scales: { y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [{ values: (_u, splits) => splits.map(dayMonth) }, { label: t.count }],
        series: [
          { label: t.week, value: (_u, seconds) => (seconds == null ? '--' : dayMonth(seconds)) },
          { label: t.done, stroke: '#0b6e4f', width: 2, fill: 'rgba(11,110,79,0.12)' },
          { label: t.due, stroke: '#7d4e00', width: 2, dash: [6, 4] },
        ],
      };
      return { options, data: [series.x, series.done, series.due] as uPlot.AlignedData };
    },
    [series, t, lang],
  );
  const failed = useUPlot(box, 240, 240, build);

  return (
    <div>
      <div ref={box} className="chart-box" role="img" aria-label={label} />
      {failed && <p className="alert">{t.failed}</p>}
    </div>
  );
}

/**
 * Draws a uPlot chart into a box, loading uPlot and its stylesheet on first
 * use (so no first screen carries them), following the box's width, and
 * removing the chart when the component goes or its inputs change.
 */
import { useEffect, useState, type RefObject } from 'react';
import type uPlot from 'uplot';

type Build = (UPlot: typeof uPlot, size: { width: number; height: number }) => { options: uPlot.Options; data: uPlot.AlignedData };

/** Returns whether drawing failed (uPlot could not be loaded). `build` must be stable (useCallback) or the chart redraws. */
export function useUPlot(box: RefObject<HTMLDivElement | null>, height: number, minWidth: number, build: Build): boolean {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let plot: uPlot | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(
      ([{ default: UPlot }]) => {
        if (cancelled) return;
        const size = () => ({ width: Math.max(minWidth, element.clientWidth), height });
        const { options, data } = build(UPlot, size());
        plot = new UPlot({ ...options, ...size() }, data, element);
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
  }, [box, height, minWidth, build]);
  return failed;
}

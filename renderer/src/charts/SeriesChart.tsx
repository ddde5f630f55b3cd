import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import { currentStep } from '../playback/playback-clock';
import { onPlaybackFrame, playbackClock, usePlaybackStore } from '../playback/playback-store';
import { prepareCanvas, useElementSize } from '../plot/use-canvas-size';
import { useAppStore, type RunEntry } from '../store/app-store';
import type { ColumnExtremes } from './decimate';
import { chartStep, chartX, drawSeriesChart, type ChartLayout, type ChartMetric } from './draw-series-chart';

/**
 * A metric of every run over the steps, with a cursor at the playback step. The chart is
 * redrawn in the playback loop only when data arrive; the cursor moves by a CSS transform.
 * Pressing or dragging on it moves the timeline.
 */
export function SeriesChart({ title, metric, logByDefault }: { title: string; metric: ChartMetric; logByDefault: boolean }) {
  const [log, setLog] = useState(logByDefault);
  const checkboxId = useId();
  const area = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const cursor = useRef<HTMLDivElement>(null);
  const layoutRef = useRef<ChartLayout | null>(null);
  const size = useElementSize(area);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !size) return;
    const pool: ColumnExtremes[] = [];
    const drawn = { points: -1, runs: null as readonly RunEntry[] | null, step: -1 };
    const layout: ChartLayout = { width: size.width, height: size.height, span: 1 };
    layoutRef.current = layout;
    return onPlaybackFrame(() => {
      const { shownRuns: runs } = useAppStore.getState();
      let points = 0;
      let span = 1;
      for (let r = 0; r < runs.length; r++) {
        points += runs[r]!.series.count;
        span = Math.max(span, runs[r]!.steps);
      }
      if (points !== drawn.points || runs !== drawn.runs || span !== layout.span) {
        drawn.points = points;
        drawn.runs = runs;
        layout.span = span;
        drawn.step = -1;
        drawSeriesChart(prepareCanvas(element, size), layout, runs, metric, log, pool);
      }
      const step = currentStep(playbackClock);
      if (step !== drawn.step && cursor.current) {
        drawn.step = step;
        cursor.current.style.transform = `translateX(${chartX(layout, step)}px)`;
        cursor.current.hidden = runs.length === 0;
      }
    });
  }, [size, metric, log]);

  const scrub = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.type === 'pointermove' && event.buttons !== 1) return;
    const layout = layoutRef.current;
    if (!layout) return;
    const rect = event.currentTarget.getBoundingClientRect();
    usePlaybackStore.getState().seek(chartStep(layout, event.clientX - rect.left));
  };

  return (
    <figure className="chart" aria-label={`${title} chart`}>
      <figcaption>
        <span>{title}</span>
        <label htmlFor={checkboxId}>
          <input id={checkboxId} type="checkbox" checked={log} onChange={(event) => setLog(event.target.checked)} /> log scale
        </label>
      </figcaption>
      <div className="chart-area" ref={area} onPointerDown={scrub} onPointerMove={scrub}>
        <canvas ref={canvas} role="img" aria-label={`${title} of each run over the steps${log ? ', log scale' : ''}`} />
        <div className="chart-cursor" ref={cursor} hidden aria-hidden="true" />
      </div>
    </figure>
  );
}

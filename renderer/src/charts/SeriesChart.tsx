import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import { currentStep } from '../playback/playback-clock';
import { onPlaybackFrame, playbackClock, usePlaybackStore } from '../store/playback-store';
import { formatValue } from '../../../shared/format-number';
import { prepareCanvas, useAreaCanvas } from '../plot/use-canvas-size';
import { useAppStore } from '../store/app-store';
import type { RunEntry } from '../store/app-model';
import type { ColumnExtremes } from './decimate';
import { prefersLogScale, seriesExtent } from './chart-range';
import {
  chartStep,
  chartX,
  drawSeriesChart,
  type ChartLayout,
  type ChartMetric,
  type OffChart,
} from './draw-series-chart';

const describeOffChart = (marks: OffChart[]): string =>
  marks
    .map(
      ({ run, value, direction }) =>
        `, ${run} goes off the chart ${direction === 'up' ? 'up to' : 'down to'} ${formatValue(value)}`,
    )
    .join('');

/**
 * A metric of every run over the steps, with a cursor at the playback step. The chart is
 * redrawn in the playback loop only when data arrive; the cursor moves by a CSS transform.
 * Pressing or dragging on it moves the timeline. Until the user ticks or clears "log scale",
 * the scale follows the data (`defaultScale` 'auto', see prefersLogScale) or stays log.
 */
export function SeriesChart({
  title,
  metric,
  defaultScale,
}: {
  title: string;
  metric: ChartMetric;
  defaultScale: 'auto' | 'log';
}) {
  /** The user's choice of scale; null until they make one. */
  const [chosenLog, setChosenLog] = useState<boolean | null>(defaultScale === 'log' ? true : null);
  const [drawn, setDrawn] = useState({ log: chosenLog ?? false, offChart: '' });
  const checkboxId = useId();
  const { area, canvas, size } = useAreaCanvas();
  const cursor = useRef<HTMLDivElement>(null);
  const layoutRef = useRef<ChartLayout | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !size) return;
    const pool: ColumnExtremes[] = [];
    const last = { points: -1, runs: null as readonly RunEntry[] | null, step: -1, log: false, offChart: '' };
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
      if (points !== last.points || runs !== last.runs || span !== layout.span) {
        last.points = points;
        last.runs = runs;
        layout.span = span;
        last.step = -1;
        const extents = runs.map(({ series, status }) =>
          seriesExtent(series[metric], Math.min(series.count, series[metric].length), status === 'diverged'),
        );
        const log = chosenLog ?? prefersLogScale(extents);
        const offChart = describeOffChart(
          drawSeriesChart(prepareCanvas(element, size), layout, runs, metric, log, extents, pool),
        );
        // React hears of the scale and the clipped runs only when they change, not per frame.
        if (log !== last.log || offChart !== last.offChart) setDrawn({ log, offChart });
        Object.assign(last, { log, offChart });
      }
      const step = currentStep(playbackClock);
      if (step !== last.step && cursor.current) {
        last.step = step;
        cursor.current.style.transform = `translateX(${chartX(layout, step)}px)`;
        cursor.current.hidden = runs.length === 0;
      }
    });
  }, [size, metric, chosenLog]);

  const scrub = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.type === 'pointermove' && event.buttons !== 1) return;
    const layout = layoutRef.current;
    if (!layout) return;
    const rect = event.currentTarget.getBoundingClientRect();
    usePlaybackStore.getState().seek(chartStep(layout, event.clientX - rect.left));
  };

  const log = chosenLog ?? drawn.log;
  return (
    <figure className="chart" aria-label={`${title} chart`}>
      <figcaption>
        <span>{title}</span>
        <label htmlFor={checkboxId}>
          <input
            id={checkboxId}
            type="checkbox"
            checked={log}
            onChange={(event) => setChosenLog(event.target.checked)}
          />{' '}
          log scale
        </label>
      </figcaption>
      <div className="chart-area" ref={area} onPointerDown={scrub} onPointerMove={scrub}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${title} of each run over the steps${drawn.offChart}${log ? ', log scale' : ''}`}
        />
        <div className="chart-cursor" ref={cursor} hidden aria-hidden="true" />
      </div>
    </figure>
  );
}

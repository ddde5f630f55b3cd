import { formatDecade, formatTick, formatValue } from '../../../shared/format-number';
import { logTicks, niceTicks } from '../plot/nice-ticks';
import type { RunEntry } from '../store/app-model';
import { valueRange, type SeriesExtent } from './chart-range';
import { createColumnExtremes, decimateToColumns, type ColumnExtremes } from './decimate';
import { strokePath } from '../plot/stroke-path';

/** A per-step series of RunSeries; testLoss is empty for runs without a test split, which are skipped. */
export type ChartMetric = 'loss' | 'gradNorm' | 'testLoss';

export const CHART_MARGIN = { left: 56, right: 18, top: 8, bottom: 22 } as const;
const AXIS_COLOR = '#9da7b3';
const GRID_COLOR = 'rgba(157, 167, 179, 0.15)';

export interface ChartLayout {
  width: number;
  height: number;
  /** Steps along the x axis: the longest run's planned length, so the axis holds still while runs stream. */
  span: number;
}

/** Where step s sits on the chart, in CSS pixels from the left edge. */
export function chartX(layout: ChartLayout, step: number): number {
  const plotWidth = layout.width - CHART_MARGIN.left - CHART_MARGIN.right;
  return CHART_MARGIN.left + (Math.min(step, layout.span) / Math.max(layout.span, 1)) * plotWidth;
}

/** The step under a pixel column, for scrubbing on the chart. */
export function chartStep(layout: ChartLayout, x: number): number {
  const plotWidth = layout.width - CHART_MARGIN.left - CHART_MARGIN.right;
  return Math.round(((x - CHART_MARGIN.left) / plotWidth) * layout.span);
}

/** A run whose values leave the chart's range: clipped at the edge, marked, and said in words. */
export interface OffChart {
  run: string;
  /** The farthest value it reached beyond the edge. */
  value: number;
  direction: 'up' | 'down';
}

/**
 * One metric of every run over the steps, one line per run in its colour. Each run is reduced
 * to its pixel columns first (decimateToColumns), so 10 runs × 10,000 steps draw as fast as 10
 * runs × the chart's width. `pool` holds the column buffers between calls. The y range is set by
 * the runs that did not diverge (see rangeSettingRuns); what lies beyond it is drawn to the edge
 * and marked with the value it reached, which is returned too.
 */
export function drawSeriesChart(
  context: CanvasRenderingContext2D,
  layout: ChartLayout,
  runs: readonly RunEntry[],
  metric: ChartMetric,
  log: boolean,
  extents: readonly SeriesExtent[],
  pool: ColumnExtremes[],
): OffChart[] {
  const plot: PlotArea = {
    left: CHART_MARGIN.left,
    top: CHART_MARGIN.top,
    width: Math.max(1, Math.floor(layout.width - CHART_MARGIN.left - CHART_MARGIN.right)),
    height: Math.max(1, layout.height - CHART_MARGIN.top - CHART_MARGIN.bottom),
  };
  for (let r = 0; r < runs.length; r++) {
    if (pool[r]?.min.length !== plot.width) pool[r] = createColumnExtremes(plot.width);
    const values = runs[r]!.series[metric];
    decimateToColumns(values, Math.min(runs[r]!.series.count, values.length), layout.span, log, pool[r]!);
  }
  const range = valueRange(extents, log);
  const [low, high] = paddedRange(range?.low ?? NaN, range?.high ?? NaN, log);
  const bottom = plot.top + plot.height;
  // Clamped just past the edges, so a clipped line visibly reaches them without huge coordinates.
  const y = (value: number): number =>
    Math.min(bottom + 1, Math.max(plot.top - 1, plot.top + ((high - value) / (high - low)) * plot.height));

  const xTicks = niceTicks(0, layout.span, Math.max(2, Math.floor(plot.width / 80))).filter(Number.isInteger);
  const xAxis = { ticks: xTicks, x: (step: number) => chartX(layout, step), label: String };
  drawChartAxes(
    context,
    plot,
    { ticks: log ? logTicks(low, high, 4) : niceTicks(low, high, 4), y, ...(log ? { label: formatDecade } : {}) },
    xAxis,
  );

  context.save();
  context.beginPath();
  context.rect(plot.left, plot.top, plot.width, plot.height);
  context.clip();
  context.lineWidth = 1.5;
  context.lineJoin = 'round';
  for (let r = 0; r < runs.length; r++) {
    const columns = pool[r]!;
    context.beginPath();
    let started = false;
    for (let c = 0; c < plot.width; c++) {
      if (Number.isNaN(columns.first[c]!)) continue;
      const x = plot.left + c + 0.5;
      if (started) context.lineTo(x, y(columns.first[c]!));
      else context.moveTo(x, y(columns.first[c]!));
      started = true;
      context.lineTo(x, y(columns.min[c]!));
      context.lineTo(x, y(columns.max[c]!));
      context.lineTo(x, y(columns.last[c]!));
    }
    context.strokeStyle = runs[r]!.color;
    context.stroke();
  }
  context.restore();
  return markOffChart(context, plot, runs, extents, pool, log, low, high);
}

/** A triangle at the edge where each run first leaves the range, pointing the way it went, with the farthest value it reached. */
function markOffChart(
  context: CanvasRenderingContext2D,
  plot: PlotArea,
  runs: readonly RunEntry[],
  extents: readonly SeriesExtent[],
  pool: ColumnExtremes[],
  log: boolean,
  low: number,
  high: number,
): OffChart[] {
  const marks: OffChart[] = [];
  context.font = '11px system-ui, sans-serif';
  for (let r = 0; r < runs.length; r++) {
    const { max, min, minPositive } = extents[r]!;
    const lowest = log ? Math.log10(minPositive) : min;
    const highest = log ? Math.log10(max) : max;
    const columns = pool[r]!;
    for (const direction of ['up', 'down'] as const) {
      const beyond = direction === 'up' ? highest > high : lowest < low;
      if (!beyond) continue;
      const column = columns[direction === 'up' ? 'max' : 'min'].findIndex((value) =>
        direction === 'up' ? value > high : value < low,
      );
      if (column < 0) continue;
      const value = direction === 'up' ? max : log ? minPositive : min;
      marks.push({ run: runs[r]!.name, value, direction });
      const x = plot.left + column + 0.5;
      const edge = direction === 'up' ? plot.top : plot.top + plot.height;
      const sign = direction === 'up' ? 1 : -1;
      context.fillStyle = runs[r]!.color;
      context.beginPath();
      context.moveTo(x, edge + sign);
      context.lineTo(x - 5, edge + sign * 9);
      context.lineTo(x + 5, edge + sign * 9);
      context.closePath();
      context.fill();
      const leftHalf = x < plot.left + plot.width / 2;
      context.textAlign = leftHalf ? 'left' : 'right';
      context.textBaseline = 'middle';
      context.fillText(`off the chart: ${formatValue(value)}`, x + (leftHalf ? 8 : -8), edge + sign * 6);
    }
  }
  return marks;
}

/**
 * The y range for values from low to high (log10 on a log axis) with a 5% margin: a unit range
 * when there are none yet, widened when they are all equal.
 */
export function paddedRange(low: number, high: number, log: boolean): [number, number] {
  if (!(high >= low)) [low, high] = log ? [-1, 1] : [0, 1];
  if (high - low < 1e-12 * Math.max(1, Math.abs(high))) [low, high] = [low - 0.5, high + 0.5];
  const pad = (high - low) * 0.05;
  return [low - pad, high + pad];
}

/** A chart's plot area, in CSS pixels. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** An axis's tick values and how they read (default: with the decimals their spacing needs). */
export interface ChartAxis {
  ticks: readonly number[];
  label?: (tick: number) => string;
}

const spacingLabel =
  (ticks: readonly number[]) =>
  (tick: number): string =>
    formatTick(tick, (ticks[1] ?? tick + 1) - (ticks[0] ?? tick));

/**
 * Grid lines at the ticks with their labels (y on the left, x below), and the plot's frame.
 * Values on a log axis are log10, as `y` takes them.
 */
export function drawChartAxes(
  context: CanvasRenderingContext2D,
  plot: PlotArea,
  yAxis: ChartAxis & { y: (value: number) => number },
  xAxis: ChartAxis & { x: (value: number) => number },
): void {
  const bottom = plot.top + plot.height;
  const yLabel = yAxis.label ?? spacingLabel(yAxis.ticks);
  const xLabel = xAxis.label ?? spacingLabel(xAxis.ticks);
  context.font = '11px system-ui, sans-serif';
  context.fillStyle = AXIS_COLOR;
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  context.beginPath();
  for (const tick of yAxis.ticks) {
    const py = Math.round(yAxis.y(tick)) + 0.5;
    if (py < plot.top - 1 || py > bottom + 1) continue;
    context.moveTo(plot.left, py);
    context.lineTo(plot.left + plot.width, py);
    context.fillText(yLabel(tick), plot.left - 6, py);
  }
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const tick of xAxis.ticks) {
    const px = Math.round(xAxis.x(tick)) + 0.5;
    context.moveTo(px, plot.top);
    context.lineTo(px, bottom);
    context.fillText(xLabel(tick), px, bottom + 5);
  }
  strokePath(context, GRID_COLOR, 1);
  context.strokeStyle = AXIS_COLOR;
  context.strokeRect(plot.left - 0.5, plot.top - 0.5, plot.width + 1, plot.height + 1);
}

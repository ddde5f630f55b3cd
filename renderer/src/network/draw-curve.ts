import type { CurveBarrier } from '../../../shared/landscape-curve';
import { drawChartAxes, paddedRange, type PlotArea } from '../charts/draw-series-chart';
import { colorScaleOf } from '../plot/color-scale';
import { formatDecade } from '../../../shared/format-number';
import { logTicks, niceTicks } from '../plot/nice-ticks';

/** Room for the y labels and the "loss" name (left), the ends' names (top), the t labels and name (bottom). */
const MARGIN = { left: 58, right: 14, top: 18, bottom: 34 } as const;
const AXIS_COLOR = '#9da7b3';
const END_COLOR = 'rgba(244, 244, 244, 0.7)';

export interface CurveChart {
  t: Float64Array;
  /** NaN where not computed yet. */
  loss: Float64Array;
  /** The points at t = 0 and t = 1. */
  names: [string, string];
  color: string;
  barrier: CurveBarrier | null;
}

/**
 * The loss along the line over t, log10 when the colour bar's rule would take log (colorScaleOf),
 * with t = 0 and t = 1 marked and named, and the highest point between them ringed once known.
 */
export function drawCurveChart(
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
  curve: CurveChart,
): void {
  const plot: PlotArea = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(1, width - MARGIN.left - MARGIN.right),
    height: Math.max(1, height - MARGIN.top - MARGIN.bottom),
  };
  const { t, loss } = curve;
  const log = colorScaleOf(loss)?.mode === 'log';
  const value = (v: number): number => (log ? Math.log10(v) : v);
  let low = Infinity;
  let high = -Infinity;
  for (const v of loss) {
    if (value(v) < low) low = value(v);
    if (value(v) > high) high = value(v);
  }
  [low, high] = paddedRange(low, high, log);
  const [t0, t1] = [t[0]!, t.at(-1)!];
  const x = (tick: number): number => plot.left + ((tick - t0) / (t1 - t0)) * plot.width;
  const y = (v: number): number => plot.top + ((high - v) / (high - low)) * plot.height;
  const yAxis = {
    ticks: log ? logTicks(low, high, 4) : niceTicks(low, high, 4),
    y,
    ...(log ? { label: formatDecade } : {}),
  };
  drawChartAxes(context, plot, yAxis, { ticks: niceTicks(t0, t1, Math.max(2, Math.floor(plot.width / 60))), x });
  drawEnds(context, plot, width, x, curve.names);

  context.save();
  context.beginPath();
  context.rect(plot.left, plot.top, plot.width, plot.height);
  context.clip();
  context.beginPath();
  let started = false;
  for (let i = 0; i < t.length; i++) {
    if (Number.isNaN(loss[i]!)) {
      started = false;
      continue;
    }
    context[started ? 'lineTo' : 'moveTo'](x(t[i]!), y(value(loss[i]!)));
    started = true;
  }
  context.strokeStyle = curve.color;
  context.lineWidth = 2;
  context.lineJoin = 'round';
  context.stroke();
  if (curve.barrier && curve.barrier.barrier > 0) {
    context.beginPath();
    context.arc(x(curve.barrier.peak.t), y(value(curve.barrier.peak.loss)), 5, 0, 2 * Math.PI);
    context.strokeStyle = END_COLOR;
    context.stroke();
  }
  context.restore();

  context.fillStyle = AXIS_COLOR;
  context.font = 'italic 13px system-ui, sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'bottom';
  context.fillText('t', plot.left + plot.width / 2, height - 1);
  context.save();
  context.translate(12, plot.top + plot.height / 2);
  context.rotate(-Math.PI / 2);
  context.textBaseline = 'middle';
  context.fillText(log ? 'loss (log)' : 'loss', 0, 0);
  context.restore();
}

/** Dashed lines at t = 0 and t = 1, each with its point's name above the plot, kept inside the chart's `width`. */
function drawEnds(
  context: CanvasRenderingContext2D,
  plot: PlotArea,
  width: number,
  x: (t: number) => number,
  names: [string, string],
): void {
  context.save();
  context.setLineDash([4, 3]);
  context.strokeStyle = END_COLOR;
  context.fillStyle = END_COLOR;
  context.font = '11px system-ui, sans-serif';
  context.textBaseline = 'bottom';
  context.beginPath();
  names.forEach((name, end) => {
    const px = Math.round(x(end)) + 0.5;
    context.moveTo(px, plot.top);
    context.lineTo(px, plot.top + plot.height);
    // Each name leans away from the other, so the two do not meet.
    const textWidth = context.measureText(name).width;
    const left = end === 0 ? px + 16 - textWidth : px - 16;
    context.textAlign = 'left';
    context.fillText(name, Math.max(2, Math.min(left, width - textWidth - 2)), plot.top - 3);
  });
  context.stroke();
  context.restore();
}

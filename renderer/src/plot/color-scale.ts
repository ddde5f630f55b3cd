import { createHeightScale, suggestScale, type HeightScale } from '../scene/height-scale';
import { formatTick } from '../../../shared/format-number';
import { logTicks, niceTicks } from './nice-ticks';

/**
 * How a heat map's values become colours, and the colour bar that reads them back: the values'
 * range widened to round numbers at both ends (zMin, zMax), so the bar's end labels bracket every
 * value; toHeight places a value on the colour map and on the bar alike.
 */
export interface ColorScale extends HeightScale {
  /** Round values from zMin to zMax, both included. */
  ticks: number[];
  label(tick: number): string;
  /** The values' own lowest and highest. */
  values: [number, number];
}

/** About this many ticks before thinning to the bar's height. */
const TICK_COUNT = 6;

/**
 * The scale for these values (NaN: not computed yet; ±∞ is left to the bar's ends), or null while none is finite. Log when
 * every value is positive and they span two decades or more, or a few high values would
 * flatten the rest (suggestScale): the basin then keeps its shades. Log here is log10 of the
 * value, so the bar reads in decades.
 */
export function colorScaleOf(values: Float64Array): ColorScale | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (!(max >= min)) return null;
  const log = min > 0 && (max >= 100 * min || suggestScale(values) === 'log');
  return { ...(log ? logScale(min, max) : linearScale(min, max)), values: [min, max] };
}

function linearScale(min: number, max: number): Omit<ColorScale, 'values'> {
  if (!(max > min)) {
    // One value: a bar from half of it to one and a half times it (−0.5 to 0.5 round 0).
    const half = Math.abs(min) / 2 || 0.5;
    return linearScale(min - half, max + half);
  }
  const ticks = niceTicks(min, max, TICK_COUNT);
  const step = ticks[1]! - ticks[0]!;
  const round = (value: number): number => Number(value.toPrecision(12));
  if (ticks[0]! > min) ticks.unshift(round(ticks[0]! - step));
  if (ticks.at(-1)! < max) ticks.push(round(ticks.at(-1)! + step));
  const scale = createHeightScale('linear', ticks[0]!, ticks.at(-1)!);
  return { ...scale, ticks, label: (tick) => formatTick(tick, step) };
}

/** The largest of 1, 2, 5 × 10^k at most `value`, or (up) the smallest at least it. */
function roundOneTwoFive(value: number, up: boolean): number {
  const decade = Math.floor(Math.log10(value));
  const steps = [1, 2, 5, 10].map((m) => Number((m * 10 ** decade).toPrecision(12)));
  return up ? steps.find((step) => step >= value)! : steps.filter((step) => step <= value).at(-1)!;
}

function logScale(min: number, max: number): Omit<ColorScale, 'values'> {
  const [low, high] = [roundOneTwoFive(min, false), roundOneTwoFive(max, true)];
  const [logLow, logHigh] = [Math.log10(low), Math.log10(high)];
  const inner = logTicks(logLow, logHigh, TICK_COUNT).map((log10) => Number((10 ** log10).toPrecision(12)));
  const ticks = [low, ...inner.filter((tick) => tick > low * 1.0001 && tick < high / 1.0001), high];
  const linear = createHeightScale('linear', logLow, logHigh);
  return {
    mode: 'log',
    zMin: low,
    zMax: high,
    toHeight: (z) => linear.toHeight(Math.log10(z)),
    ticks,
    label: logLabel,
  };
}

/** A log tick (one or two significant digits) with as many digits as it has: 5e−4, 0.002, 1.5, 50. */
function logLabel(tick: number): string {
  const magnitude = 10 ** Math.floor(Math.log10(tick) + 1e-9);
  return formatTick(tick, Number(tick.toPrecision(1)) === tick ? magnitude : magnitude / 10);
}

/**
 * The ticks that fit a bar `height` pixels tall with labels at least `gap` apart: both ends,
 * and the others in order while they keep clear of the last kept and of the top.
 */
export function ticksThatFit(scale: Pick<ColorScale, 'ticks' | 'toHeight'>, height: number, gap = 16): number[] {
  const { ticks } = scale;
  const room = gap / Math.max(height, 1);
  const kept = [ticks[0]!];
  for (const tick of ticks.slice(1, -1)) {
    const h = scale.toHeight(tick);
    if (h - scale.toHeight(kept.at(-1)!) >= room && 1 - h >= room) kept.push(tick);
  }
  if (ticks.length > 1) kept.push(ticks.at(-1)!);
  return kept;
}

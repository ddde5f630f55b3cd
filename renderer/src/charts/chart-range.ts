/** What one run's series reaches, over its finite values (Infinity/−Infinity where it has none). */
export interface SeriesExtent {
  min: number;
  max: number;
  /** The smallest value above 0: where a log axis can start. */
  minPositive: number;
  /** A diverged run's blow-up is clipped rather than allowed to squash the other runs flat. */
  diverged: boolean;
}

/** Beyond this many decades between the smallest and largest value, a linear axis flattens the small ones. */
export const LOG_SCALE_DECADES = 3;

export function seriesExtent(values: ArrayLike<number>, count: number, diverged: boolean): SeriesExtent {
  const extent = { min: Infinity, max: -Infinity, minPositive: Infinity, diverged };
  for (let s = 0; s < count; s++) {
    const value = values[s]!;
    if (!Number.isFinite(value)) continue;
    if (value < extent.min) extent.min = value;
    if (value > extent.max) extent.max = value;
    if (value > 0 && value < extent.minPositive) extent.minPositive = value;
  }
  return extent;
}

const hasValues = (extent: SeriesExtent): boolean => extent.max >= extent.min;

/**
 * The runs that set the chart's range: those that did not diverge, or every run when all did
 * (one diverged run alone is then drawn whole).
 */
export function rangeSettingRuns(extents: readonly SeriesExtent[]): SeriesExtent[] {
  const withValues = extents.filter(hasValues);
  const steady = withValues.filter((extent) => !extent.diverged);
  return steady.length ? steady : withValues;
}

/**
 * Log when no value is negative and the positive ones span more than LOG_SCALE_DECADES decades,
 * as a converging loss does (and zeros, which a log axis leaves out, are rare spots on it).
 */
export function prefersLogScale(extents: readonly SeriesExtent[]): boolean {
  const shown = rangeSettingRuns(extents);
  if (shown.length === 0 || shown.some((extent) => extent.min < 0)) return false;
  const smallest = Math.min(...shown.map((extent) => extent.minPositive));
  const largest = Math.max(...shown.map((extent) => extent.max));
  return largest > 0 && Math.log10(largest / smallest) > LOG_SCALE_DECADES;
}

/** The range of the y axis in its own units (log10 on a log axis), before padding; null with nothing to show. */
export function valueRange(extents: readonly SeriesExtent[], log: boolean): { low: number; high: number } | null {
  const shown = rangeSettingRuns(extents).filter((extent) => !log || extent.max > 0);
  if (shown.length === 0) return null;
  const low = Math.min(...shown.map((extent) => (log ? extent.minPositive : extent.min)));
  const high = Math.max(...shown.map((extent) => extent.max));
  return log ? { low: Math.log10(low), high: Math.log10(high) } : { low, high };
}

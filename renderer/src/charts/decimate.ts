/** Per pixel column: the first, smallest, largest and last value that falls in it (NaN: none). */
export interface ColumnExtremes {
  first: Float64Array;
  min: Float64Array;
  max: Float64Array;
  last: Float64Array;
}

export function createColumnExtremes(columns: number): ColumnExtremes {
  return {
    first: new Float64Array(columns),
    min: new Float64Array(columns),
    max: new Float64Array(columns),
    last: new Float64Array(columns),
  };
}

/**
 * Reduces values[0 .. count) to pixel columns: step s lands in column ⌊s · columns / span⌋, so
 * any number of steps costs at most four vertices per column and every spike survives (min/max
 * per column, plus first/last to join neighbours faithfully). With `log`, values are written as
 * log10 and non-positive ones are left out. Writes into `out` (no allocation) and returns how
 * many columns it used.
 */
export function decimateToColumns(
  values: ArrayLike<number>,
  count: number,
  span: number,
  log: boolean,
  out: ColumnExtremes,
): number {
  const columns = out.min.length;
  out.first.fill(NaN);
  out.min.fill(NaN);
  out.max.fill(NaN);
  out.last.fill(NaN);
  if (count <= 0 || columns === 0) return 0;
  const perStep = columns / Math.max(span, 1);
  let used = 0;
  for (let s = 0; s < count; s++) {
    const raw = values[s]!;
    if (log && !(raw > 0)) continue;
    const value = log ? Math.log10(raw) : raw;
    if (!Number.isFinite(value)) continue;
    const c = Math.min(columns - 1, Math.floor(s * perStep));
    if (Number.isNaN(out.first[c]!)) {
      out.first[c] = value;
      out.min[c] = value;
      out.max[c] = value;
    } else {
      if (value < out.min[c]!) out.min[c] = value;
      if (value > out.max[c]!) out.max[c] = value;
    }
    out.last[c] = value;
    if (c + 1 > used) used = c + 1;
  }
  return used;
}

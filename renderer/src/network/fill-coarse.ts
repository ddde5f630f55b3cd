/**
 * A streaming grid for display: each point not computed yet shows the nearest point of the finest
 * coarser lattice that is (every 2nd, 4th, … row and column, last ones included, as
 * shared/landscape-levels.ts computes them), so the coarse levels fill the picture in blocks
 * that sharpen rather than as scattered dots. Row-major, values[j · columns + i]; NaN is not computed.
 */
export function fillFromCoarser(values: Float64Array, columns: number, rows: number): Float64Array {
  const out = Float64Array.from(values);
  const largest = Math.max(columns, rows);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      if (!Number.isNaN(values[j * columns + i]!)) continue;
      for (let s = 2; s < 2 * largest; s *= 2) {
        const value =
          values[Math.min(Math.round(j / s) * s, rows - 1) * columns + Math.min(Math.round(i / s) * s, columns - 1)]!;
        if (!Number.isNaN(value)) {
          out[j * columns + i] = value;
          break;
        }
      }
    }
  }
  return out;
}

/**
 * The order in which a landscape grid is computed so that it appears coarse first and sharpens:
 * level 0 is every s-th row and column (s the largest power of two leaving at least
 * COARSE_INTERVALS intervals across, last row and column included), each next level halves the
 * stride and adds only the points not yet computed. Points are flat indices j · columns + i,
 * row-major within a level.
 */
export function progressiveLevels(columns: number, rows: number): Int32Array[] {
  let stride = 1;
  while ((Math.max(columns, rows) - 1) / (stride * 2) >= COARSE_INTERVALS) stride *= 2;
  const onLattice = (index: number, size: number, s: number): boolean => index % s === 0 || index === size - 1;
  const levels: Int32Array[] = [];
  for (let s = stride, previous = 0; s >= 1; previous = s, s /= 2) {
    const level: number[] = [];
    for (let j = 0; j < rows; j++) {
      if (!onLattice(j, rows, s)) continue;
      for (let i = 0; i < columns; i++) {
        const known = previous > 0 && onLattice(i, columns, previous) && onLattice(j, rows, previous);
        if (onLattice(i, columns, s) && !known) level.push(j * columns + i);
      }
    }
    levels.push(Int32Array.from(level));
  }
  return levels;
}

/** Intervals across the coarsest level: a 41-point side starts at 6 × 6 points, 36 of 1,681. */
const COARSE_INTERVALS = 4;

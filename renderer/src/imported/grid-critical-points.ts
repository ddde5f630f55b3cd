/** A point of a sampled surface that is a minimum, maximum or saddle among its grid neighbours. */
export interface GridCriticalPoint {
  i: number;
  j: number;
  type: 'minimum' | 'maximum' | 'saddle';
}

/** The 8 neighbours of a grid point, in order round it. */
const RING: readonly [number, number][] = [[1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1], [0, -1], [1, -1]];

/**
 * The critical points of the slice itself, from its samples alone (values[j · columns + i]):
 * an interior point below (above) all 8 neighbours is a minimum (maximum); one whose neighbours,
 * going round it, cross its value 4 times or more (higher, lower, higher, lower; neighbours level
 * with it passed over) is a saddle. Points next to a value that is not finite are skipped.
 * These are the slice's own: a minimum here may be a saddle of the full loss.
 */
export function gridCriticalPoints(values: Float64Array, columns: number, rows: number): GridCriticalPoint[] {
  const found: GridCriticalPoint[] = [];
  for (let j = 1; j < rows - 1; j++) {
    for (let i = 1; i < columns - 1; i++) {
      const center = values[j * columns + i]!;
      if (!Number.isFinite(center)) continue;
      const signs = RING.map(([di, dj]) => Math.sign(values[(j + dj) * columns + i + di]! - center));
      if (signs.some(Number.isNaN)) continue;
      if (signs.every((sign) => sign > 0)) found.push({ i, j, type: 'minimum' });
      else if (signs.every((sign) => sign < 0)) found.push({ i, j, type: 'maximum' });
      else {
        // Ties (a neighbour level with the point) are passed over when counting the crossings.
        const around = signs.filter((sign) => sign !== 0);
        if (around.filter((sign, k) => sign !== around[(k + 1) % around.length]).length >= 4) found.push({ i, j, type: 'saddle' });
      }
    }
  }
  return found;
}

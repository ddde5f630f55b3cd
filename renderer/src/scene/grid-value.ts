import type { GridSurface } from '../plot/contour-levels';

/** The index of the cell of an ascending axis holding t, and how far along it t lies, or null outside. */
function cellOf(axis: ArrayLike<number>, t: number): [number, number] | null {
  const last = axis.length - 1;
  if (!(t >= axis[0]! && t <= axis[last]!) || last < 1) return null;
  let low = 0;
  let high = last;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (axis[middle]! <= t) low = middle;
    else high = middle;
  }
  return [low, (t - axis[low]!) / (axis[low + 1]! - axis[low]!)];
}

/** The grid's value at (x, y) by bilinear interpolation, NaN outside it or next to a point not computed. */
export function gridValueAt(grid: GridSurface, x: number, y: number): number {
  const column = cellOf(grid.x, x);
  const row = cellOf(grid.y, y);
  if (!column || !row) return NaN;
  const [i, u] = column;
  const [j, v] = row;
  const nx = grid.x.length;
  const at = (di: number, dj: number): number => grid.z[(j + dj) * nx + i + di]!;
  return (1 - v) * ((1 - u) * at(0, 0) + u * at(1, 0)) + v * ((1 - u) * at(0, 1) + u * at(1, 1));
}

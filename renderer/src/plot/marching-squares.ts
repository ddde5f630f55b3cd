// Corners: a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1).
// Edges: 0 = a–b (bottom), 1 = b–c (right), 2 = d–c (top), 3 = a–d (left).

/**
 * The edges each cell's segments join, from and to, by the cell's index (a 1, b 2, c 4, d 8 at
 * or above the level); a cell and its complement cross the same edges. The saddles, 5 and 10,
 * take one of the two below.
 */
const CELL_EDGES: readonly (readonly number[])[] = [
  [],
  [3, 0],
  [0, 1],
  [3, 1],
  [1, 2],
  [],
  [0, 2],
  [2, 3],
  [2, 3],
  [0, 2],
  [],
  [1, 2],
  [3, 1],
  [0, 1],
  [3, 0],
  [],
];
/** A saddle's segments: corners b and d cut off alone (a and c joined through the centre), or a and c. */
const CUT_OFF_B_D = [0, 1, 2, 3];
const CUT_OFF_A_C = [3, 0, 1, 2];

/**
 * Marching squares: the segments where a field sampled on a grid crosses `level`, interpolated
 * linearly along cell edges. field[j * nx + i] is the sample at column i, row j. Segments are in
 * grid coordinates, four numbers each (i0, j0, i1, j1). Cells with a non-finite corner are
 * skipped. A saddle cell (opposite corners on the same side) is resolved by the mean of its
 * corners, so the lines of one level never cross.
 */
export function contourSegments(field: ArrayLike<number>, nx: number, ny: number, level: number): Float64Array {
  const out: number[] = [];
  const edgePoint = (edge: number, i: number, j: number, a: number, b: number, c: number, d: number): void => {
    switch (edge) {
      case 0:
        out.push(i + (level - a) / (b - a), j);
        return;
      case 1:
        out.push(i + 1, j + (level - b) / (c - b));
        return;
      case 2:
        out.push(i + (level - d) / (c - d), j + 1);
        return;
      default:
        out.push(i, j + (level - a) / (d - a));
    }
  };
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = field[j * nx + i]!;
      const b = field[j * nx + i + 1]!;
      const c = field[(j + 1) * nx + i + 1]!;
      const d = field[(j + 1) * nx + i]!;
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      const index = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
      let edges = CELL_EDGES[index]!;
      if (index === 5 || index === 10) {
        // The mean of the corners decides: the two on its side are joined through the centre.
        const acJoined = (a + b + c + d) / 4 >= level === (index === 5);
        edges = acJoined ? CUT_OFF_B_D : CUT_OFF_A_C;
      }
      for (let k = 0; k < edges.length; k += 2) {
        edgePoint(edges[k]!, i, j, a, b, c, d);
        edgePoint(edges[k + 1]!, i, j, a, b, c, d);
      }
    }
  }
  return Float64Array.from(out);
}

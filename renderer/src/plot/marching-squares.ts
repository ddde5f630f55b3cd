/**
 * Marching squares: the segments where a field sampled on a grid crosses `level`, interpolated
 * linearly along cell edges. field[j * nx + i] is the sample at column i, row j. Segments are in
 * grid coordinates, four numbers each (i0, j0, i1, j1). Cells with a non-finite corner are
 * skipped. A saddle cell (opposite corners on the same side) is resolved by the mean of its
 * corners, so the lines of one level never cross.
 */
export function contourSegments(field: ArrayLike<number>, nx: number, ny: number, level: number): Float64Array {
  const out: number[] = [];
  // Corners: a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1).
  // Edges: 0 = a–b (bottom), 1 = b–c (right), 2 = d–c (top), 3 = a–d (left).
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
      const segment = (from: number, to: number): void => {
        edgePoint(from, i, j, a, b, c, d);
        edgePoint(to, i, j, a, b, c, d);
      };
      const centreAbove = (a + b + c + d) / 4 >= level;
      switch (index) {
        case 1:
        case 14:
          segment(3, 0);
          break;
        case 2:
        case 13:
          segment(0, 1);
          break;
        case 3:
        case 12:
          segment(3, 1);
          break;
        case 4:
        case 11:
          segment(1, 2);
          break;
        case 6:
        case 9:
          segment(0, 2);
          break;
        case 7:
        case 8:
          segment(2, 3);
          break;
        case 5: // a and c above: joined through an upper centre, else each cut off alone
          if (centreAbove) {
            segment(0, 1);
            segment(2, 3);
          } else {
            segment(3, 0);
            segment(1, 2);
          }
          break;
        case 10: // b and d above
          if (centreAbove) {
            segment(3, 0);
            segment(1, 2);
          } else {
            segment(0, 1);
            segment(2, 3);
          }
          break;
      }
    }
  }
  return Float64Array.from(out);
}

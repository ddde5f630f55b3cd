/** Dense vector arithmetic in float64 over parameter-sized arrays. */

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/** y += s·x */
export function addScaled(y: Float64Array, s: number, x: ArrayLike<number>): void {
  for (let i = 0; i < y.length; i++) y[i] = y[i]! + s * x[i]!;
}

export function scale(y: Float64Array, s: number): Float64Array {
  for (let i = 0; i < y.length; i++) y[i] = y[i]! * s;
  return y;
}

export function difference(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: a.length }, (_, i) => a[i]! - b[i]!);
}

/** Removes from v its components along the unit vectors `basis`, twice over (one pass loses orthogonality to rounding). */
export function orthogonalize(v: Float64Array, basis: readonly ArrayLike<number>[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) addScaled(v, -dot(q, v), q);
  }
}

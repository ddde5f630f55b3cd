/**
 * A twice-differentiable function of two parameters, evaluated in float64.
 * `gradient` and `hessian` write into caller-owned arrays so hot loops allocate nothing.
 */
export interface Objective2D {
  value(x: number, y: number): number;
  /** Writes [df/dx, df/dy] into out[0..1]. */
  gradient(x: number, y: number, out: Float64Array): void;
  /** Writes [d2f/dx2, d2f/dxdy, d2f/dy2] into out[0..2]. */
  hessian(x: number, y: number, out: Float64Array): void;
}

/** [[xMin, xMax], [yMin, yMax]] */
export type Bounds = [[number, number], [number, number]];

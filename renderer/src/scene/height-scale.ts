export type ScaleMode = 'linear' | 'log';

/**
 * Maps a loss to a height in [0, 1] over the surface's range. The log scale is offset by the
 * minimum, so functions that go negative work: h = log(1 + (z − zMin)/ε) / log(1 + range/ε),
 * with ε a small fraction of the range so the bottom of every basin keeps its shape.
 */
export interface HeightScale {
  mode: ScaleMode;
  zMin: number;
  zMax: number;
  toHeight(z: number): number;
}

export function createHeightScale(mode: ScaleMode, zMin: number, zMax: number): HeightScale {
  const range = zMax - zMin > 0 ? zMax - zMin : 1;
  const epsilon = range * 1e-3;
  const logRange = Math.log1p(range / epsilon);
  const toHeight =
    mode === 'linear'
      ? (z: number) => (z - zMin) / range
      : (z: number) => (z <= zMin ? (z - zMin) / range : Math.log1p((z - zMin) / epsilon) / logRange);
  return { mode, zMin, zMax, toHeight };
}

/** Log when most of the surface would be squashed flat by a few high values (Rosenbrock, Beale). */
export function suggestScale(z: Float64Array): ScaleMode {
  const finite = Array.from(z)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (finite.length === 0) return 'linear';
  const min = finite[0]!;
  const median = finite[Math.floor(finite.length / 2)]!;
  const max = finite[finite.length - 1]!;
  return max - min > 20 * (median - min) ? 'log' : 'linear';
}

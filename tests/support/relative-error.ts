/** |a − b| relative to the larger magnitude, floored at 1e-12 so exact zeros compare. */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

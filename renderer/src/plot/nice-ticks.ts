/** Round tick values (1, 2 or 5 × 10^k apart) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max)) return Number.isFinite(min) ? [min] : [];
  const raw = (max - min) / Math.max(count, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
    // Multiplying (not accumulating) keeps values like 0.3 exact enough to print.
    ticks.push(Number((k * step).toPrecision(12)));
  }
  return ticks;
}

/**
 * Ticks for a log axis given its range in log10 units: whole decades when at least two fit,
 * otherwise round values inside the one decade (returned as log10 too).
 */
export function logTicks(log10Min: number, log10Max: number, count: number): number[] {
  const step = Math.max(1, Math.ceil((log10Max - log10Min) / Math.max(count, 1)));
  const decades: number[] = [];
  for (let k = Math.ceil(log10Min / step) * step; k <= log10Max; k += step) decades.push(k);
  if (decades.length >= 2) return decades;
  return niceTicks(10 ** log10Min, 10 ** log10Max, count)
    .filter((value) => value > 0)
    .map(Math.log10);
}

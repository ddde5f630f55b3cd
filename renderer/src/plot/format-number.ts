const MINUS = '\u2212';

/** A value for read-outs: four significant digits, exponents for the very small or large. */
export function formatValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const text = Math.abs(value) >= 1e-3 && Math.abs(value) < 1e5 ? String(Number(value.toPrecision(4))) : value.toExponential(2);
  return text.replaceAll('-', MINUS);
}

/** A tick label: as many decimals as the spacing between ticks needs, and no more. */
export function formatTick(value: number, spacing: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3) return value.toExponential(0).replaceAll('-', MINUS);
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(spacing) + 1e-9)));
  return value.toFixed(decimals).replace('-', MINUS);
}

/** A decade tick on a log axis: 10^k written as 1e−3, 0.1, 1, 10, 1e4. */
export function formatDecade(log10: number): string {
  const value = 10 ** log10;
  if (Number.isInteger(log10) && log10 >= -2 && log10 <= 3) return String(Number(value.toPrecision(6)));
  return formatValue(value);
}

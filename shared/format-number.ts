/**
 * How every number a user reads is written, by the engine's event messages and progress lines
 * and by the UI: a true minus sign, exponents without a plus sign (2.2e7, 1.5e−6).
 */
const MINUS = '\u2212';

/** Exponent notation without the plus sign and with a true minus: 2.2e7, 1.5e−6. */
const exponential = (value: number, digits: number): string =>
  value.toExponential(digits).replace('e+', 'e').replaceAll('-', MINUS);

/** A value for read-outs: four significant digits, exponents for the very small or large. */
export function formatValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  if (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e5) return String(Number(value.toPrecision(4))).replace('-', MINUS);
  return exponential(value, 2);
}

/** A coordinate with a fixed number of decimals (−1.50, 0.00); an exponent from 10⁴ on, where decimals say nothing. */
export function formatFixed(value: number, decimals: number): string {
  if (Math.abs(value) >= 1e4) return exponential(value, 1);
  const text = value.toFixed(decimals);
  // Rounding a small negative number to "−0.00" would suggest a sign it does not have.
  return Number(text) === 0 ? text.replace('-', '') : text.replace('-', MINUS);
}

/** A tick label: as many decimals as the spacing between ticks needs, and no more. */
export function formatTick(value: number, spacing: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3) {
    const digits = Math.floor(Math.log10(Math.abs(value))) - Math.floor(Math.log10(spacing));
    return exponential(value, Math.max(0, Math.min(3, digits)));
  }
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(spacing) + 1e-9)));
  return value.toFixed(decimals).replace('-', MINUS);
}

/** A tick on a log axis, given as log10: decades as 0.01 … 1000 or 1e−6, 1e81; others as values. */
export function formatDecade(log10: number): string {
  if (!Number.isInteger(log10)) return formatValue(10 ** log10);
  if (log10 >= -2 && log10 <= 3) return String(Number((10 ** log10).toPrecision(6)));
  return `1e${log10}`.replace('-', MINUS);
}

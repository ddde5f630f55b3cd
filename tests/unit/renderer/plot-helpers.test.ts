import { describe, expect, it } from 'vitest';
import { catalogFunction } from '../../../shared/functions/catalog';
import { formatDecade, formatFixed, formatTick, formatValue } from '../../../shared/format-number';
import { gradientField } from '../../../renderer/src/plot/gradient-field';
import { logTicks, niceTicks } from '../../../renderer/src/plot/nice-ticks';

describe('ticks', () => {
  it('are round numbers covering the range', () => {
    expect(niceTicks(-5, 5, 6)).toEqual([-4, -2, 0, 2, 4]);
    expect(niceTicks(-2, 2, 6)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 10_000, 5)).toEqual([0, 2000, 4000, 6000, 8000, 10_000]);
  });

  it('are whole decades on a log axis, or round values inside a single decade', () => {
    expect(logTicks(-6.2, 2.5, 4)).toEqual([-6, -3, 0]);
    expect(logTicks(-2.5, 1.5, 4)).toEqual([-2, -1, 0, 1]);
    expect(logTicks(Math.log10(2), Math.log10(9), 4).map((t) => Math.round(10 ** t))).toEqual([2, 4, 6, 8]);
  });

  it('print with the decimals their spacing needs and a true minus sign', () => {
    expect(formatTick(-2.5, 0.5)).toBe('−2.5');
    expect(formatTick(3, 1)).toBe('3');
    expect(formatTick(2.5e5, 5e4)).toBe('2.5e5');
    expect(formatTick(-1.2e-4, 2e-5)).toBe('−1.2e−4');
    expect(formatValue(-1.23456e-7)).toBe('−1.23e−7');
    expect(formatValue(12.3456)).toBe('12.35');
    expect(formatValue(2.21e7)).toBe('2.21e7');
    expect(formatValue(Number.NaN)).toBe('—');
    expect([-6, -2, 0, 3, 81].map(formatDecade)).toEqual(['1e−6', '0.01', '1', '1000', '1e81']);
  });

  it('print coordinates with fixed decimals, never as −0.00, and large ones as exponents', () => {
    expect([1.5, -2, -0.001, 0, 2.999].map((value) => formatFixed(value, 2))).toEqual([
      '1.50',
      '−2.00',
      '0.00',
      '0.00',
      '3.00',
    ]);
    expect(formatFixed(-123456, 2)).toBe('−1.2e5');
  });
});

describe('gradient field', () => {
  it('points downhill, towards the minimum of x² + 10y², each arrow inside its cell', () => {
    const arrows = gradientField(
      catalogFunction('quadratic'),
      [
        [-4, 4],
        [-4, 4],
      ],
      8,
    );
    expect(arrows.length).toBe(4 * 64);
    const g = new Float64Array(2);
    for (let k = 0; k < arrows.length; k += 4) {
      const [x, y, tx, ty] = [arrows[k]!, arrows[k + 1]!, arrows[k + 2]!, arrows[k + 3]!];
      catalogFunction('quadratic').gradient(x, y, g);
      // Along −∇f (the grid is square, so cell units are problem units).
      expect((tx - x) * -g[0]! + (ty - y) * -g[1]!).toBeGreaterThan(0);
      expect(Math.abs((tx - x) * g[1]! - (ty - y) * g[0]!)).toBeLessThan(1e-9 * Math.hypot(g[0]!, g[1]!));
      expect(Math.hypot(tx - x, ty - y)).toBeLessThanOrEqual(0.85 + 1e-12);
    }
  });

  it('grows with the log of the gradient norm: steeper cells get longer arrows, never past a cell', () => {
    const arrows = gradientField(
      catalogFunction('quadratic'),
      [
        [-4, 4],
        [-4, 4],
      ],
      8,
    );
    const lengthAt = (x: number, y: number): number => {
      for (let k = 0; k < arrows.length; k += 4) {
        if (arrows[k] === x && arrows[k + 1] === y) return Math.hypot(arrows[k + 2]! - x, arrows[k + 3]! - y);
      }
      throw new Error('no arrow there');
    };
    expect(lengthAt(0.5, 3.5)).toBeGreaterThan(lengthAt(0.5, 0.5));
    expect(lengthAt(3.5, 3.5)).toBeCloseTo(0.85, 9);
  });
});

import { describe, expect, it } from 'vitest';
import { createColumnExtremes, decimateToColumns } from '../../../renderer/src/charts/decimate';

describe('decimation to pixel columns', () => {
  it('keeps the min and max of every column, spikes included, for 10,000 points in 100 columns', () => {
    const count = 10_000;
    const values = Float64Array.from(
      { length: count },
      (_, s) => Math.sin(s / 50) + (s === 4321 ? 50 : 0) - (s === 777 ? 9 : 0),
    );
    const out = createColumnExtremes(100);
    expect(decimateToColumns(values, count, count, false, out)).toBe(100);
    for (let c = 0; c < 100; c++) {
      const slice = Array.from(values.subarray(c * 100, (c + 1) * 100));
      expect(out.min[c]).toBe(Math.min(...slice));
      expect(out.max[c]).toBe(Math.max(...slice));
      expect(out.first[c]).toBe(slice[0]);
      expect(out.last[c]).toBe(slice[99]);
    }
    expect(out.max[43]).toBeGreaterThan(49);
    expect(out.min[7]).toBeLessThan(-8);
  });

  it('places a run that is still streaming on the axis of its planned length', () => {
    const values = Float64Array.from([5, 4, 3, 2, 1, 0, 0, 0]);
    const out = createColumnExtremes(10);
    // 5 of 100 planned steps: all in the first column.
    expect(decimateToColumns(values, 5, 100, false, out)).toBe(1);
    expect([out.first[0], out.min[0], out.max[0], out.last[0]]).toEqual([5, 1, 5, 1]);
    expect(Number.isNaN(out.min[1]!)).toBe(true);
  });

  it('spreads a short series over the columns it reaches, one point each', () => {
    const values = Float64Array.from([1, 2, 3, 4, 5]);
    const out = createColumnExtremes(10);
    expect(decimateToColumns(values, 5, 4, false, out)).toBe(10);
    expect(Array.from(out.min).filter((v) => !Number.isNaN(v))).toEqual([1, 2, 3, 4, 5]);
  });

  it('writes log10 on a log scale and leaves out what a log cannot show', () => {
    const values = Float64Array.from([100, 0, -1, NaN, 0.001, Infinity]);
    const out = createColumnExtremes(6);
    decimateToColumns(values, values.length, 6, true, out);
    expect(out.min[0]).toBe(2);
    expect([1, 2, 3, 5].every((c) => Number.isNaN(out.min[c]!))).toBe(true);
    expect(out.min[4]).toBeCloseTo(-3, 12);
  });
});

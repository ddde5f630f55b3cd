import { describe, expect, it } from 'vitest';
import { colorScaleOf, ticksThatFit } from '../../../renderer/src/plot/color-scale';

const scaleOf = (...values: number[]) => colorScaleOf(Float64Array.from(values))!;

describe('the colour scale of a heat map', () => {
  it('is linear over round ticks that reach just past the values, both ends included', () => {
    const scale = scaleOf(0.33, 0.5, NaN, 0.91);
    expect(scale.mode).toBe('linear');
    expect(scale.ticks).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect([scale.zMin, scale.zMax]).toEqual([0.3, 1]);
    expect(scale.values).toEqual([0.33, 0.91]);
    expect(scale.toHeight(0.65)).toBeCloseTo(0.5, 12);
    expect(scale.ticks.map(scale.label)).toEqual(['0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1.0']);
  });

  it('keeps ticks that already sit on the values’ ends, and widens a single value to a range around it', () => {
    expect(scaleOf(0.62, 0.7, 0.74).ticks).toEqual([0.62, 0.64, 0.66, 0.68, 0.7, 0.72, 0.74]);
    const one = scaleOf(0.5, 0.5);
    expect(one.ticks[0]).toBeLessThan(0.5);
    expect(one.ticks.at(-1)).toBeGreaterThan(0.5);
  });

  it('is log10 over two decades or more, from 1, 2 or 5 × 10^k below the values to one above, with the decades between', () => {
    const scale = scaleOf(0.0031, 0.2, 4.2);
    expect(scale.mode).toBe('log');
    expect(scale.ticks).toEqual([0.002, 0.01, 0.1, 1, 5]);
    expect(scale.ticks.map(scale.label)).toEqual(['0.002', '0.01', '0.1', '1', '5']);
    // Equal ratios take equal lengths of the bar: √(0.002 · 5) = 0.1 is its middle.
    expect(scale.toHeight(0.1)).toBeCloseTo(0.5, 12);
    expect(scale.toHeight(0.002)).toBeCloseTo(0, 12);
    expect(scale.toHeight(5)).toBeCloseTo(1, 12);
    const small = scaleOf(0.0007, 0.3);
    expect(small.ticks.map(small.label)).toEqual(['5e−4', '0.001', '0.01', '0.1', '0.5']);
    const tiny = scaleOf(1e-6, 1e-3);
    expect(tiny.ticks.map(tiny.label)).toEqual(['1e−6', '1e−5', '1e−4', '0.001']);
  });

  it('takes log inside two decades when a few high values would flatten the rest (suggestScale), never with values ≤ 0', () => {
    const skewed = scaleOf(...Array.from({ length: 20 }, () => 1), 1.1, 50);
    expect(skewed.mode).toBe('log');
    expect(skewed.ticks).toEqual([1, 10, 50]);
    expect(scaleOf(-5, 0, 0, 0, 500).mode).toBe('linear');
    expect(scaleOf(0, 0.001, 1).mode).toBe('linear');
  });

  it('has nothing to show before a value is known', () => {
    expect(colorScaleOf(Float64Array.of(NaN, NaN))).toBeNull();
  });

  it('keeps the ends and the ticks between that leave their labels room on a short bar', () => {
    const scale = scaleOf(0.0031, 0.2, 4.2);
    // At 0, 0.206, 0.5, 0.794 and 1 of the bar's height.
    expect(ticksThatFit(scale, 100)).toEqual([0.002, 0.01, 0.1, 1, 5]);
    expect(ticksThatFit(scale, 40)).toEqual([0.002, 0.1, 5]);
    expect(ticksThatFit(scale, 10)).toEqual([0.002, 5]);
  });
});

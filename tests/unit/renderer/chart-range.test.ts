import { describe, expect, it } from 'vitest';
import { prefersLogScale, seriesExtent, valueRange } from '../../../renderer/src/charts/chart-range';
import { drawSeriesChart } from '../../../renderer/src/charts/draw-series-chart';
import type { RunEntry } from '../../../renderer/src/store/app-model';
import { RunSeries } from '../../../renderer/src/store/run-series';

const extent = (values: number[], diverged = false) => seriesExtent(values, values.length, diverged);
/** A loss falling geometrically from `start` by `factor` per step. */
const converging = (start: number, factor: number, steps: number) =>
  Array.from({ length: steps }, (_, k) => start * factor ** k);

describe('chart scale', () => {
  it('stays linear while the values span a few decades', () => {
    expect(prefersLogScale([extent([12.5, 3, 0.5, 0.05])])).toBe(false);
  });

  it('turns log when a converging loss spans more than three decades', () => {
    expect(prefersLogScale([extent(converging(12.5, 0.9, 300))])).toBe(true);
    expect(prefersLogScale([extent([12.5, 1]), extent([12.5, 1e-3])])).toBe(true);
  });

  it('stays linear when a value is negative, which a log axis cannot show', () => {
    expect(prefersLogScale([extent([-1.03, 5000, 0.001])])).toBe(false);
  });

  it('lets a diverged run’s blow-up neither pick the scale nor the range, unless every run diverged', () => {
    const steady = [extent([12.5, 4, 1]), extent([12.5, 2, 0.5])];
    const blownUp = extent([12.5, 900, 4e12, 2.6e109], true);
    expect(prefersLogScale([...steady, blownUp])).toBe(false);
    expect(valueRange([...steady, blownUp], false)).toEqual({ low: 0.5, high: 12.5 });
    expect(prefersLogScale([blownUp])).toBe(true);
    expect(valueRange([blownUp], true)).toEqual({ low: Math.log10(12.5), high: Math.log10(2.6e109) });
  });

  it('skips what is not finite and starts a log axis at the smallest positive value', () => {
    expect(extent([0, 4, NaN, Infinity, 1e-3, -Infinity])).toEqual({
      min: 0,
      max: 4,
      minPositive: 1e-3,
      diverged: false,
    });
    expect(valueRange([extent([0, 100, 1e-3])], true)).toEqual({ low: -3, high: 2 });
    expect(valueRange([extent([])], false)).toBeNull();
  });
});

/** A 2D context that draws nothing, for the chart's arithmetic. */
const blankContext = () =>
  new Proxy(
    {},
    { get: (_, key) => (key === 'measureText' ? () => ({ width: 0 }) : () => undefined), set: () => true },
  ) as CanvasRenderingContext2D;

function run(name: string, loss: number[], status: RunEntry['status']): RunEntry {
  const series = new RunSeries(loss.length);
  series.append({
    type: 'frames',
    runId: name,
    fromStep: 0,
    loss: Float64Array.from(loss),
    gradNorm: new Float64Array(loss.length),
    lr: new Float64Array(loss.length),
    events: [],
  });
  return { id: name, name, color: '#fff', steps: loss.length - 1, series, status } as unknown as RunEntry;
}

describe('clipping a diverged run', () => {
  it('marks where it leaves the chart, with the value it reached, and nothing for the others', () => {
    const runs = [
      run('lr 0.002', converging(12.5, 0.95, 40), 'completed'),
      run('lr 0.003', [12.5, 40, 900, 4e12, 2.6e109], 'diverged'),
    ];
    const extents = runs.map((entry) =>
      seriesExtent(entry.series.loss, entry.series.count, entry.status === 'diverged'),
    );
    const layout = { width: 400, height: 200, span: 39 };
    for (const log of [false, true]) {
      expect(drawSeriesChart(blankContext(), layout, runs, 'loss', log, extents, [])).toEqual([
        { run: 'lr 0.003', value: 2.6e109, direction: 'up' },
      ]);
    }
    expect(drawSeriesChart(blankContext(), layout, runs.slice(0, 1), 'loss', false, extents.slice(0, 1), [])).toEqual(
      [],
    );
  });
});

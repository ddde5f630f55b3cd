import { describe, expect, it } from 'vitest';
import { CATALOG_NAMES, catalogEntry, catalogFunction } from '../../../shared/functions/catalog';
import { compileExpression } from '../../../shared/functions/expression';
import type { Objective2D } from '../../../shared/functions/objective';
import fixture from '../../fixtures/functions.json';

interface Sample {
  point: [number, number];
  value: number;
  gradient: [number, number];
  hessian: [number, number, number];
}

/** Relative to the largest entry of the quantity, so a cancelling component is not over-judged. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  const scale = Math.max(...expected.map(Math.abs));
  for (let i = 0; i < expected.length; i++) {
    const error = Math.abs(actual[i]! - expected[i]!);
    expect(error, `${what}[${i}]: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(1e-10 * scale + 1e-300);
  }
}

function expectMatchesTorch(objective: Objective2D, samples: Sample[], label: string): void {
  const gradient = new Float64Array(2);
  const hessian = new Float64Array(3);
  for (const { point, value, gradient: g, hessian: h } of samples) {
    const [x, y] = point;
    objective.gradient(x, y, gradient);
    objective.hessian(x, y, hessian);
    const at = `${label} at (${x}, ${y})`;
    expectClose([objective.value(x, y)], [value], `${at} value`);
    expectClose(gradient, g, `${at} gradient`);
    expectClose(hessian, h, `${at} hessian`);
  }
}

const catalogSamples = fixture.catalog as unknown as Record<string, Sample[]>;

describe('function catalog', () => {
  it('has every contract function, and the fixtures cover them all', () => {
    expect([...CATALOG_NAMES].sort()).toEqual(Object.keys(catalogSamples).sort());
  });

  it.each(CATALOG_NAMES)('%s: value, gradient and Hessian equal torch autograd (float64)', (name) => {
    expectMatchesTorch(catalogFunction(name), catalogSamples[name]!, name);
  });

  it.each(fixture.expressions.map((e) => [e.source, e.samples] as const))(
    'user expression %s equals torch autograd',
    (source, samples) => {
      expectMatchesTorch(compileExpression(source), samples as unknown as Sample[], source);
    },
  );

  it.each(CATALOG_NAMES.filter((name) => catalogEntry(name).globalMinimum))(
    '%s: the listed global minima have the listed value and zero gradient',
    (name) => {
      const objective = catalogFunction(name);
      const { globalMinimum, bounds } = catalogEntry(name);
      const gradient = new Float64Array(2);
      for (const [x, y] of globalMinimum!.points) {
        expect(x).toBeGreaterThanOrEqual(bounds[0][0]);
        expect(x).toBeLessThanOrEqual(bounds[0][1]);
        expect(y).toBeGreaterThanOrEqual(bounds[1][0]);
        expect(y).toBeLessThanOrEqual(bounds[1][1]);
        expect(objective.value(x, y)).toBeCloseTo(globalMinimum!.value, 12);
        objective.gradient(x, y, gradient);
        expect(Math.hypot(gradient[0]!, gradient[1]!)).toBeLessThan(1e-9);
      }
    },
  );

  it('ackley has gradient 0 at its kink, the global minimum, rather than NaN', () => {
    const gradient = new Float64Array(2);
    catalogFunction('ackley').gradient(0, 0, gradient);
    expect([...gradient]).toEqual([0, 0]);
  });

  it('returns one cached objective per name and entries that callers cannot mutate', () => {
    expect(catalogFunction('booth')).toBe(catalogFunction('booth'));
    const entry = catalogEntry('booth');
    entry.bounds[0][0] = 99;
    expect(catalogEntry('booth').bounds[0][0]).toBe(-10);
    for (const name of CATALOG_NAMES) {
      const { label, formula, bounds } = catalogEntry(name);
      expect(label.length).toBeGreaterThan(0);
      expect(formula.length).toBeGreaterThan(0);
      expect(bounds[0][0]).toBeLessThan(bounds[0][1]);
      expect(bounds[1][0]).toBeLessThan(bounds[1][1]);
    }
  });
});

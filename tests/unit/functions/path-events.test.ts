import { describe, expect, it } from 'vitest';
import type { EventType, RunEvent } from '../../../shared/events';
import { catalogFunction, type CatalogName } from '../../../shared/functions/catalog';
import type { Objective2D } from '../../../shared/functions/objective';
import { createPathEventDetector, divergedEvent } from '../../../electron/engine/functions/path-events';

/** Plain gradient descent, feeding the detector as the runner does; stops at non-finite values. */
function descend(objective: Objective2D, start: [number, number], lr: number, steps: number): RunEvent[] {
  const detector = createPathEventDetector(objective);
  const g = new Float64Array(2);
  const events: RunEvent[] = [];
  let [x, y] = start;
  let last: [number, number] = start;
  for (let k = 0; k <= steps; k++) {
    const loss = objective.value(x, y);
    objective.gradient(x, y, g);
    const norm = Math.hypot(g[0]!, g[1]!);
    if (!Number.isFinite(loss) || !Number.isFinite(norm)) {
      events.push(...detector.finish('diverged'), divergedEvent(k, last));
      return events;
    }
    events.push(...detector.observe(k, x, y, loss, norm));
    last = [x, y];
    x -= lr * g[0]!;
    y -= lr * g[1]!;
  }
  return [...events, ...detector.finish('completed')];
}

const run = (name: CatalogName, start: [number, number], lr: number, steps = 300) =>
  descend(catalogFunction(name), start, lr, steps);
const types = (events: RunEvent[]): EventType[] => events.map((e) => e.type);
const only = (events: RunEvent[], type: EventType): RunEvent => {
  const found = events.filter((e) => e.type === type);
  expect(found, `${type} in ${JSON.stringify(types(events))}`).toHaveLength(1);
  return found[0]!;
};

describe('path events', () => {
  it('a run on the stable manifold of a saddle reports the saddle, never convergence', () => {
    const events = run('saddle', [1, 0], 0.1);
    expect(types(events)).toEqual(['saddle']);
    const [saddle] = events;
    expect(saddle!.endStep).toBe(300);
    expect(saddle!.step).toBeGreaterThan(0);
    expect(saddle!.step).toBeLessThan(100);
    expect(Math.hypot(...saddle!.point!)).toBeLessThan(1e-9);
    expect(saddle!.eigenvalues).toEqual([expect.closeTo(-2, 12), expect.closeTo(2, 12)]);
    expect(saddle!.message).toBe(
      'The path stalled at a saddle point (0.00, 0.00): the surface curves up one way and down the other, so the gradient vanishes without a minimum.',
    );
  });

  it('the same on the double well, started on the saddle’s stable manifold x = 0', () => {
    expect(types(run('double_well', [0, 1.5], 0.05))).toEqual(['saddle']);
  });

  it('a run slightly off the manifold stalls at the saddle, then leaves it', () => {
    const saddle = only(run('saddle', [1, 1e-9], 0.1, 150), 'saddle');
    expect(saddle.endStep).toBeLessThan(120);
  });

  it('gradient descent on the quadratic converges at the minimum', () => {
    const events = run('quadratic', [2, 1], 0.1);
    expect(types(events)).toEqual(['converged']);
    const [converged] = events;
    expect(converged!.endStep).toBe(300);
    expect(converged!.eigenvalues).toEqual([expect.closeTo(1, 12), expect.closeTo(10, 12)]);
    expect(converged!.message).toMatch(/^The path converged to a minimum at \(0\.00, 0\.00\)/);
  });

  it('converges to the minimum a path actually reaches (himmelblau from the origin)', () => {
    const converged = only(run('himmelblau', [0, 0], 0.01, 500), 'converged');
    expect(converged.point![0]).toBeCloseTo(3, 9);
    expect(converged.point![1]).toBeCloseTo(2, 9);
  });

  it('a run that starts exactly at a minimum has converged', () => {
    expect(types(run('booth', [1, 3], 0.05, 50))).toEqual(['converged']);
  });

  it('creeping into the monkey saddle is degenerate', () => {
    const degenerate = only(run('monkey_saddle', [1, 0], 0.05, 3000), 'degenerate');
    expect(Math.hypot(...degenerate.point!)).toBeLessThan(1e-6);
  });

  it('a plateau far from the minimum is a plateau, not a stationary point', () => {
    const events = run('plateau', [4, 4], 0.1);
    expect(types(events)).toEqual(['plateau']);
    expect(events[0]!).toMatchObject({ step: 0, endStep: 300 });
    expect(events[0]!.point![0]).toBeCloseTo(4, 6);
    expect(events[0]!.message).toMatch(/plateau near \(4\.00, 4\.00\)/);
  });

  it('a path crawling across a plateau makes no progress: a plateau, though its gradient never shrinks', () => {
    // From (3, 3) the gradient is 2·e⁻¹⁸·|(3, 3)| ≈ 1.29e−7 and barely changes in 2000 steps of
    // lr 0.1; neither small next to the largest seen nor below the flatness floor, it escaped the
    // gradient test alone. The path moves ≈ 2.6e−5 in all and the loss ≈ 3e−12.
    const events = run('plateau', [3, 3], 0.1, 2000);
    expect(types(events)).toEqual(['plateau']);
    expect(events[0]!).toMatchObject({ step: 0, endStep: 2000 });
    expect(events[0]!.point![0]).toBeCloseTo(3, 4);
    expect(events[0]!.point![1]).toBeCloseTo(3, 4);
    expect(events[0]!.message).toMatch(/plateau near \(3\.00, 3\.00\)/);
  });

  it('too large a learning rate on the quadratic zig-zags (and still converges below 0.2)', () => {
    const events = run('quadratic', [2, 1], 0.19);
    const oscillation = only(events, 'oscillation');
    expect(oscillation.step).toBe(0);
    expect(oscillation.endStep).toBeGreaterThan(100);
    expect(oscillation.eigenvalues).toEqual([expect.closeTo(1, 12), expect.closeTo(10, 12)]);
    expect(oscillation.message).toMatch(/zig-zagged/);
    only(events, 'converged');
  });

  it('beyond 0.2 the gradient explodes once, then the run diverges', () => {
    const events = run('quadratic', [2, 1], 0.25, 2000);
    const exploding = only(events, 'exploding_gradient');
    expect(exploding.step).toBeLessThan(30);
    expect(exploding.message).toMatch(/^The gradient exploded at .*: its norm reached .*, \d+ times the largest/);
    expect(types(events).at(-1)).toBe('diverged');
    expect(events.some((e) => e.type === 'converged')).toBe(false);
  });

  it('a stall at a minimum that ends with divergence is not "converged"', () => {
    const detector = createPathEventDetector(catalogFunction('quadratic'));
    for (let k = 0; k < 30; k++) detector.observe(k, 0, 0, 0, 0);
    expect(types(detector.finish('diverged'))).toEqual(['minimum']);
  });

  it('leaves steps without events cheap: one shared empty array', () => {
    const detector = createPathEventDetector(catalogFunction('quadratic'));
    expect(detector.observe(0, 2, 1, 7, 10)).toBe(detector.observe(1, 1.8, 0, 1.6, 1.8));
  });

  it('builds the diverged event with the same kind of message', () => {
    expect(divergedEvent(12, [1.5, -2])).toEqual({
      type: 'diverged',
      step: 12,
      point: [1.5, -2],
      message:
        'The path diverged after (1.50, −2.00): the loss or gradient stopped being a finite number, so the run stopped at its last finite point.',
    });
  });

  it('every message is one finished sentence with numbers in it', () => {
    const events = [
      ...run('saddle', [1, 0], 0.1),
      ...run('quadratic', [2, 1], 0.19),
      ...run('quadratic', [2, 1], 0.25, 2000),
      ...run('plateau', [4, 4], 0.1),
      ...run('monkey_saddle', [1, 0], 0.05, 3000),
    ];
    for (const { message } of events) {
      expect(message).toMatch(/^The .*\.$/);
      expect(message.match(/\. /g)).toBeNull();
      expect(message).not.toMatch(/undefined|NaN|Infinity/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { StallTracker, type Stall, type StallOptions } from '../../../electron/engine/stall-tracker';

const OPTIONS: StallOptions = { window: 20, fraction: 1e-3, flatness: 1e-8, progress: 1e-6 };

interface Sample {
  loss: number;
  gradNorm: number;
  moved: number;
  lossScale: number;
  lengthScale: number;
}

const observe = (
  tracker: StallTracker,
  step: number,
  { loss, gradNorm, moved, lossScale, lengthScale }: Sample,
): Stall | undefined => tracker.observe(step, loss, gradNorm, moved, lossScale, lengthScale);

/** Feeds `samples` and collects the stalls they end, then the one still open. */
function stallsOf(samples: Sample[], options = OPTIONS): Stall[] {
  const tracker = new StallTracker(options);
  const stalls = samples.map((sample, step) => observe(tracker, step, sample)).filter((stall) => stall !== undefined);
  const open = tracker.close();
  return open ? [...stalls, open] : stalls;
}

/** A point on a surface of loss scale 1 and length scale 2, with a gradient of 1e−4: never small by the gradient tests. */
const point = (loss: number, moved: number): Sample => ({ loss, gradNorm: 1e-4, moved, lossScale: 1, lengthScale: 2 });

describe('stall tracker', () => {
  it('a path that neither moves nor changes its loss is stalled from the start of its first window', () => {
    const samples = Array.from({ length: 100 }, (_, k) => point(1 - 1e-9 * k, 1e-9));
    expect(stallsOf(samples)).toEqual([{ start: 0, last: 99 }]);
  });

  it('the same path is not stalled without the progress test: its gradient is not small', () => {
    const samples = Array.from({ length: 100 }, (_, k) => point(1 - 1e-9 * k, 1e-9));
    expect(stallsOf(samples, { ...OPTIONS, progress: 0 })).toEqual([]);
  });

  it('travelling counts, not displacement: a zig-zag of constant loss is not a stall', () => {
    const samples = Array.from({ length: 100 }, () => point(1, 1e-3));
    expect(stallsOf(samples)).toEqual([]);
  });

  it('a loss that keeps falling is progress, however little the path moves', () => {
    const samples = Array.from({ length: 100 }, (_, k) => point(1 - 1e-4 * k, 1e-9));
    expect(stallsOf(samples)).toEqual([]);
  });

  it('a crawl that speeds up ends the stall once a window holds tenfold the progress', () => {
    // Steps of 1e−8 (2e−7 per window: stalled against 1e−6 · 2), then of 1e−6 (2e−5 per window).
    const samples = Array.from({ length: 200 }, (_, k) => point(1, k < 100 ? 1e-8 : 1e-6));
    const [stall] = stallsOf(samples);
    expect(stall!.start).toBe(0);
    expect(stall!.last).toBeGreaterThanOrEqual(100);
    expect(stall!.last).toBeLessThan(120);
  });

  it('a small gradient is a stall from its first step, as before', () => {
    const samples = Array.from({ length: 60 }, (_, k) => ({ ...point(1, 1), gradNorm: k < 10 ? 1 : 1e-6 }));
    expect(stallsOf(samples)).toEqual([{ start: 10, last: 59 }]);
  });

  it('a stall dated back a window does not overlap the stall reported before it', () => {
    const first = Array.from({ length: 30 }, () => ({ ...point(1, 1), gradNorm: 1e-6 }));
    const between = Array.from({ length: 5 }, () => ({ ...point(1, 1e-9), gradNorm: 1 }));
    // A gradient of 1e−2 is not small next to 1: only the progress test stalls the crawl, once
    // its window holds no step of the first stall (step 50), dated from a window back (step 30).
    const crawl = Array.from({ length: 40 }, () => ({ ...point(1, 1e-9), gradNorm: 1e-2 }));
    const stalls = stallsOf([{ ...point(1, 0), gradNorm: 1 }, ...first, ...between, ...crawl]);
    expect(stalls).toEqual([
      { start: 1, last: 30 },
      { start: 31, last: 75 },
    ]);
  });

  it('names the step where the open stall’s gradient was smallest', () => {
    const tracker = new StallTracker(OPTIONS);
    const gradients = [1, 1e-5, 1e-7, 1e-6];
    gradients.forEach((gradNorm, step) => observe(tracker, step, { ...point(1, 1), gradNorm }));
    expect(tracker.bestStep).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { ImportedLandscape } from '../../../renderer/src/store/imported-landscapes';
import {
  importedSceneLabel,
  importedSceneSurface,
  shownValues,
  trajectoryScenePath,
} from '../../../renderer/src/imported/imported-scene';
import { colorScaleOf } from '../../../renderer/src/plot/color-scale';

/** A plane, which bilinear interpolation reproduces exactly: its heights are a closed form. */
const plane = (x: number, y: number): number => 1 + 2 * x - 3 * y;

/** An opened 4 × 3 surface (non-square, unevenly spaced) holding the plane, with a trajectory. */
function surface(trajectory: number[]): ImportedLandscape {
  const alphas = Float64Array.of(-1, 0, 0.5, 2);
  const betas = Float64Array.of(-1, 1, 3);
  const values = Float64Array.from({ length: 12 }, (_, k) => plane(alphas[k % 4]!, betas[Math.floor(k / 4)]!));
  return {
    id: 7,
    file: 'plane.h5',
    alphas,
    betas,
    grids: new Map([['train_loss', values]]),
    quantities: ['train_loss'],
    quantity: 'train_loss',
    trajectory: { file: 'plane_proj.h5', coordinates: Float64Array.from(trajectory) },
    datasets: new Map(),
  };
}

describe('opened surfaces in the 3D scene', () => {
  it('shows the −1 fill of points never computed as NaN and counts them, keeping every other value', () => {
    const { values, unfinished } = shownValues(Float64Array.of(-1, 0.5, Number.NaN, -1, 2, -0.999));
    expect(unfinished).toBe(2);
    expect(Array.from(values)).toEqual([Number.NaN, 0.5, Number.NaN, Number.NaN, 2, -0.999]);
  });

  it('puts the trajectory on the surface: each point at the grid’s height there, NaN off the grid', () => {
    const opened = surface([-1, -1, 0.25, 0.4, 1.7, 2.9, 2, 3, 2.5, 0]);
    const values = opened.grids.get('train_loss')!;
    const path = trajectoryScenePath(opened, values, '#ff7f50')!;
    expect(path.count()).toBe(5);
    expect(path.indexAt(0)).toBe(4);
    [
      [-1, -1],
      [0.25, 0.4],
      [1.7, 2.9],
      [2, 3],
    ].forEach(([x, y], k) => expect(path.values[k]).toBeCloseTo(plane(x!, y!), 12));
    expect(path.values[4]).toBeNaN();
    expect(trajectoryScenePath({ ...opened, trajectory: undefined }, values, '#ff7f50')).toBeNull();
  });

  it('gives the scene the grid over its own bounds, with critical points said to be on this slice, and names the canvas', () => {
    const opened = surface([]);
    const values = opened.grids.get('train_loss')!;
    const scale = colorScaleOf(values)!;
    const scene = importedSceneSurface(opened, values, scale, []);
    expect(scene.bounds).toEqual([
      [-1, 2],
      [-1, 3],
    ]);
    expect(scene.criticalPointNote).toBe('on this slice');
    // The plane runs from 1 − 2 − 9 = −10 at (−1, 3) to 1 + 4 + 3 = 8 at (2, −1).
    expect(importedSceneLabel(opened, scale)).toBe(
      'Loss landscape in 3D, plane.h5, 4 × 3, train loss −10 to 8 (linear)',
    );
  });
});

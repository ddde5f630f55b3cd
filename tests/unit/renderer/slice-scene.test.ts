import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/events';
import {
  checkpointSceneRun,
  placedPaths,
  sliceSceneLabel,
  sliceSceneRuns,
} from '../../../renderer/src/network/slice-scene';
import { colorScaleOf } from '../../../renderer/src/plot/color-scale';
import type { RunEntry, SliceState } from '../../../renderer/src/store/app-model';
import { RunSeries } from '../../../renderer/src/store/run-series';

/** A completed 40-step network run with checkpoints at steps 0, 10, 20, 30, 40 and a loss of 1/(1 + step). */
function run(events: RunEvent[]): RunEntry {
  const series = new RunSeries(41, 1);
  const loss = Float64Array.from({ length: 41 }, (_, step) => 1 / (1 + step));
  series.append({
    type: 'frames',
    runId: 'run-1',
    fromStep: 0,
    loss,
    gradNorm: loss,
    lr: loss,
    events: [],
    layerGradNorms: loss,
  });
  const steps = Float64Array.of(0, 10, 20, 30, 40);
  return {
    id: 'run-1',
    name: 'adam #1',
    color: '#e69f00',
    series,
    events,
    checkpoints: { params: new Float64Array(10), steps },
  } as unknown as RunEntry;
}
const placed = {
  coordinates: Float64Array.of(-1, -1, -0.5, -0.4, 0, 0, 0.2, 0.1, 0.3, 0.1),
  distances: Float64Array.of(0.5, 0.3, 0.2, 0.1, 0),
};

describe('a network run on a slice in 3D', () => {
  it('puts each checkpoint at its (α, β) and its true loss, and shows the ones the timeline has reached', () => {
    const { path } = checkpointSceneRun(run([]), placed)!;
    expect(Array.from(path.values)).toEqual([1, 1 / 11, 1 / 21, 1 / 31, 1 / 41]);
    expect(path.points).toBe(placed.coordinates);
    expect(path.distances).toBe(placed.distances);
    expect([0, 9, 10, 25, 40, 100].map(path.indexAt)).toEqual([0, 0, 1, 2, 4, 4]);
  });

  it('stands an event at the checkpoint its path has reached when it happens, at that checkpoint’s true loss', () => {
    const vanishing: RunEvent = {
      type: 'vanishing_gradient',
      step: 23,
      message: 'the first layer’s gradient fell below 1e−6',
    };
    const { placeEvent } = checkpointSceneRun(run([vanishing]), placed)!;
    expect(placeEvent(vanishing)).toEqual([0, 0, 1 / 21]);
    expect(placeEvent({ ...vanishing, step: 40 })).toEqual([0.3, 0.1, 1 / 41]);
  });

  it('names the 3D view by its plane, grid size and loss range', () => {
    const values = Float64Array.from({ length: 41 * 41 }, (_, k) => 5e-4 + k / (41 * 41 - 1));
    const slice = {
      choices: { directions: 'pca', resolution: 41, span: 1, seed: 1, biases: 'zero' },
      plane: { alphas: new Float64Array(41), betas: new Float64Array(41) },
    } as unknown as SliceState;
    expect(sliceSceneLabel(slice, 'adam #2', colorScaleOf(values))).toBe(
      'Loss landscape in 3D, PCA of adam #2’s path, 41 × 41, loss 5.00e−4 to 1 (log)',
    );
  });

  it('places the slice’s paths with their runs, leaving out a run removed since, and draws those with checkpoints', () => {
    const kept = run([]);
    const training = { ...kept, id: 'run-3', checkpoints: undefined } as RunEntry;
    const other = { coordinates: Float64Array.of(0, 0), distances: Float64Array.of(0) };
    const slice = { runIds: ['run-1', 'run-2', 'run-3'], paths: [placed, other, other] } as unknown as SliceState;
    const paths = placedPaths(slice, [kept, training]);
    expect(paths).toEqual([
      { run: kept, color: '#e69f00', ...placed },
      { run: training, color: '#e69f00', ...other },
    ]);
    expect(placedPaths(undefined, [kept])).toEqual([]);
    expect(sliceSceneRuns(paths).map(({ run }) => run.id)).toEqual(['run-1']);
  });
});

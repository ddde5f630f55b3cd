import { runStepAt } from '../playback/run-step';
import type { RunEntry } from '../store/app-model';

/**
 * A path the 3D scene draws over its surface: points on the surface's plane that carry their
 * own values (the loss there, which need not be the surface's), growing as they stream in.
 */
export interface ScenePath {
  /** The run's id and colour. */
  id: string;
  color: string;
  /** Points the buffers hold at most. */
  capacity: number;
  /** (x, y) of each point, interleaved, filled up to count(). */
  points: Float64Array;
  /** Each point's own value, its height in the scene. */
  values: Float64Array;
  count(): number;
  /** The point shown at a step of the timeline: the last one reached, −1 before the first. */
  indexAt(step: number): number;
  /** One point per step, so a trail of N steps is N points; false for sparser points (checkpoints), drawn whole. */
  perStep: boolean;
  /** How far each point lies from the surface's plane, when the surface is a plane through a larger space. */
  distances?: Float64Array;
}

const functionPaths = new WeakMap<RunEntry['series'], ScenePath>();

/** A function run's path: a point per step, at its loss, which is the surface's there. One object per run's series, so it compares by identity. */
export function functionRunPath(run: RunEntry): ScenePath {
  let path = functionPaths.get(run.series);
  if (!path) {
    const { series } = run;
    path = {
      id: run.id,
      color: run.color,
      capacity: series.capacity,
      points: series.points,
      values: series.loss,
      count: () => series.count,
      indexAt: (step) => runStepAt(series, step),
      perStep: true,
    };
    functionPaths.set(series, path);
  }
  return path;
}

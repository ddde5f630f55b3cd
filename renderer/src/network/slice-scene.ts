import type { CriticalPoint, RunEvent } from '../../../shared/events';
import type { ColorScale } from '../plot/color-scale';
import { formatValue } from '../../../shared/format-number';
import { runStepAt } from '../playback/run-step';
import type { EventPlacement } from '../scene/RunEventGlyphs';
import type { SceneRun } from '../scene/SceneCanvas';
import type { ScenePath } from '../scene/scene-path';
import type { SceneSurface } from '../scene/scene-surface';
import type { RunEntry, SliceState } from '../store/app-model';
import { fillFromCoarser } from './fill-coarse';
import { gridCriticalPoints } from './grid-critical-points';
import { SLICE_DIRECTIONS } from './slice-choices';
import { reachedBy } from './use-checkpoints-reached';

const criticalCache = new WeakMap<SliceState, CriticalPoint[]>();

/** The critical points of a complete slice's grid (none while it streams: its coarse blocks are not the loss), one array per slice. */
export function sliceCriticalPoints(slice: SliceState | undefined): CriticalPoint[] {
  if (!slice?.plane || !slice.values || slice.status !== 'complete') return NONE;
  let points = criticalCache.get(slice);
  if (!points) {
    points = gridCriticalPoints({ x: slice.plane.alphas, y: slice.plane.betas, z: slice.values });
    criticalCache.set(slice, points);
  }
  return points;
}
const NONE: CriticalPoint[] = [];

/** The slice's grid as a scene surface: points not computed yet show the coarser level's nearest; critical points once it is complete. */
export function sliceSceneSurface(slice: SliceState, scale: ColorScale): SceneSurface | null {
  const { plane, values } = slice;
  if (!plane || !values) return null;
  const z = fillFromCoarser(values, plane.alphas.length, plane.betas.length);
  const bounds: SceneSurface['bounds'] = [
    [plane.alphas[0]!, plane.alphas.at(-1)!],
    [plane.betas[0]!, plane.betas.at(-1)!],
  ];
  const criticalPoints = sliceCriticalPoints(slice);
  return {
    x: plane.alphas,
    y: plane.betas,
    z,
    zMin: scale.zMin,
    zMax: scale.zMax,
    criticalPoints,
    bounds,
    axisNames: ['α', 'β'],
    scale,
    criticalPointNote: 'on this slice',
  };
}

const pathCache = new WeakMap<Float64Array, SceneRun>();

/**
 * A run's checkpoints on the slice's plane: each at its (α, β) and its true loss (the run's loss
 * at that step, not the slice's), with its distance from the plane; its events stand at the
 * checkpoint the path has reached when they happen. A training run's are those taken so far.
 * One object per placed path.
 */
export function checkpointSceneRun(
  run: RunEntry,
  placed: { coordinates: Float64Array; distances: Float64Array },
): SceneRun | null {
  const steps = run.checkpoints?.steps ?? run.liveCheckpoints?.steps;
  if (!steps) return null;
  const cached = pathCache.get(placed.coordinates);
  if (cached?.run === run) return cached;
  const { series } = run;
  const count = Math.min(steps.length, placed.coordinates.length / 2);
  const values = Float64Array.from({ length: count }, (_, k) => series.loss[steps[k]!] ?? NaN);
  const indexAt = (step: number): number => reachedBy(steps.subarray(0, count), runStepAt(series, step)) - 1;
  // Path and events keep their objects when only the run entry changed (a new frames message), so
  // the scene rebuilds neither.
  const path: ScenePath = cached?.path ?? {
    id: run.id,
    color: run.color,
    capacity: count,
    points: placed.coordinates,
    values,
    count: () => count,
    indexAt,
    perStep: false,
    distances: placed.distances,
  };
  const placeEvent: EventPlacement =
    cached?.placeEvent ??
    ((event: RunEvent) => {
      const k = Math.max(0, indexAt(event.step));
      return k < count ? [placed.coordinates[2 * k]!, placed.coordinates[2 * k + 1]!, values[k]!] : null;
    });
  const sceneRun = { run, path, placeEvent };
  pathCache.set(placed.coordinates, sceneRun);
  return sceneRun;
}

/** A slice's path placed on its plane, with the run it belongs to. */
export interface PlacedPath {
  run: RunEntry;
  color: string;
  coordinates: Float64Array;
  distances: Float64Array;
}

/** The slice's paths with their runs, in the slice's order; a run removed since is left out. */
export function placedPaths(slice: SliceState | undefined, runs: readonly RunEntry[]): PlacedPath[] {
  return (slice?.paths ?? []).flatMap((path, k) => {
    const run = runs.find((entry) => entry.id === slice!.runIds[k]);
    return run ? [{ run, color: run.color, coordinates: path.coordinates, distances: path.distances }] : [];
  });
}

/** What the 3D view of a slice draws: the finished runs' paths and the shown runs still training, each at its checkpoints' true loss. */
export function sliceSceneRuns(
  paths: readonly { run: RunEntry; coordinates: Float64Array; distances: Float64Array }[],
): SceneRun[] {
  return paths.flatMap(({ run, coordinates, distances }) => {
    const sceneRun = checkpointSceneRun(run, { coordinates, distances });
    return sceneRun ? [sceneRun] : [];
  });
}

/** The plane in words, e.g. "PCA of adam #2’s path". */
export function planeDescription(slice: SliceState, centerName: string): string {
  return SLICE_DIRECTIONS[slice.choices.directions].replace('this run’s', `${centerName}’s`);
}

/** The 3D canvas's accessible name: the plane, the grid size and the loss range with its scale. */
export function sliceSceneLabel(slice: SliceState, centerName: string, scale: ColorScale | null): string {
  const n = slice.plane
    ? `${slice.plane.alphas.length} × ${slice.plane.betas.length}`
    : `${slice.choices.resolution} × ${slice.choices.resolution}`;
  const range = scale
    ? `, loss ${formatValue(scale.values[0])} to ${formatValue(scale.values[1])} (${scale.mode})`
    : '';
  return `Loss landscape in 3D, ${planeDescription(slice, centerName)}, ${n}${range}`;
}

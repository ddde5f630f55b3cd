import { objectiveForProblem } from '../../../shared/functions/problem-objective';
import type { Bounds, Objective2D } from '../../../shared/functions/objective';
import type { FunctionProblem } from '../../../shared/spec/spec';
import { useAppStore } from '../store/app-store';
import { useSceneFrame, type SceneMapping } from '../scene/use-scene-frame';
import { useSceneSurface } from '../scene/scene-surface';
import { contourLevels, type ContourLevel, type GridSurface } from './contour-levels';
import { gradientField } from './gradient-field';

/** Intervals of the height scale between contour lines (so COUNT − 1 lines). */
export const CONTOUR_INTERVALS = 16;
const ARROWS_PER_SIDE = 15;

// One computation per input shared by the 3D and 2D views.
let objectiveCache: { problem: FunctionProblem; objective: Objective2D } | null = null;
/** By mapping: panels may each show their own surface. */
const contourCache = new WeakMap<SceneMapping, ContourLevel[]>();
let arrowCache: { objective: Objective2D; bounds: Bounds; arrows: Float64Array } | null = null;

/** Value, gradient and Hessian of the current function problem. */
export function useObjective(): Objective2D {
  return objectiveOf(useAppStore((state) => state.problem));
}

/** Iso-lines of the view's surface, evenly spaced in its height scale. */
export function useContourLevels(): ContourLevel[] | null {
  return contourLevelsOf(useSceneSurface(), useSceneFrame());
}

/** Descent arrows over the current bounds (see gradientField). */
export function useGradientArrows(): Float64Array {
  return gradientArrowsOf(
    useObjective(),
    useAppStore((state) => state.bounds),
  );
}

// The same outside React (an image of a view that is not shown).

export function objectiveOf(problem: FunctionProblem): Objective2D {
  if (objectiveCache?.problem !== problem) objectiveCache = { problem, objective: objectiveForProblem(problem) };
  return objectiveCache.objective;
}

export function contourLevelsOf(surface: GridSurface | null, mapping: SceneMapping | null): ContourLevel[] | null {
  if (!surface || !mapping) return null;
  let levels = contourCache.get(mapping);
  if (!levels) {
    levels = contourLevels(surface, mapping.scale, CONTOUR_INTERVALS);
    contourCache.set(mapping, levels);
  }
  return levels;
}

export function gradientArrowsOf(objective: Objective2D, bounds: Bounds): Float64Array {
  if (arrowCache?.objective !== objective || arrowCache.bounds !== bounds) {
    arrowCache = { objective, bounds, arrows: gradientField(objective, bounds, ARROWS_PER_SIDE) };
  }
  return arrowCache.arrows;
}

import type { CriticalPoint } from '../../../shared/events';
import { formatValue } from '../../../shared/format-number';
import { gridCriticalPoints } from '../network/grid-critical-points';
import type { ColorScale } from '../plot/color-scale';
import { gridValueAt } from '../scene/grid-value';
import type { ScenePath } from '../scene/scene-path';
import type { SceneSurface } from '../scene/scene-surface';
import type { ImportedLandscape } from '../store/imported-landscapes';

/** loss-landscape's crunch() fills every point before computing it with this (docs/formats.md). */
const UNFINISHED_FILL = -1;

/** A quantity's values as shown: points an interrupted job never reached (still −1) are not computed (NaN). The store keeps the file's values. */
export function shownValues(values: Float64Array): { values: Float64Array; unfinished: number } {
  let unfinished = 0;
  const shown = Float64Array.from(values, (value) => {
    if (value !== UNFINISHED_FILL) return value;
    unfinished++;
    return Number.NaN;
  });
  return { values: shown, unfinished };
}

/** An opened file's trajectory, in 3D and on the map alike. */
export const IMPORTED_PATH_COLOR = '#ff7f50';

/** train_loss → "train loss"; accuracies keep their percent. */
export const quantityLabel = (name: string): string => name.replace(/_/g, ' ').replace(/acc$/, 'accuracy (%)');

/** An opened 2-D surface's quantity as the 3D scene's surface, with the grid's own critical points "on this slice". */
export function importedSceneSurface(
  surface: ImportedLandscape,
  values: Float64Array,
  scale: ColorScale,
  criticalPoints: CriticalPoint[],
): SceneSurface {
  const { alphas, betas } = surface;
  return {
    x: alphas,
    y: betas,
    z: values,
    zMin: scale.zMin,
    zMax: scale.zMax,
    criticalPoints,
    bounds: [
      [alphas[0]!, alphas.at(-1)!],
      [betas[0]!, betas.at(-1)!],
    ],
    axisNames: ['α', 'β'],
    scale,
    criticalPointNote: 'on this slice',
  };
}

/** The critical points of an opened surface's shown values. */
export const importedCriticalPoints = (surface: ImportedLandscape, values: Float64Array): CriticalPoint[] =>
  gridCriticalPoints({ x: surface.alphas, y: surface.betas, z: values });

/**
 * The trajectory drawn on the surface: each checkpoint at its (α, β) and the surface's height
 * there (bilinear between the grid's points; the file has no loss of its own for checkpoints),
 * drawn whole.
 */
export function trajectoryScenePath(surface: ImportedLandscape, values: Float64Array, color: string): ScenePath | null {
  const coordinates = surface.trajectory?.coordinates;
  if (!coordinates) return null;
  const count = coordinates.length / 2;
  const grid = { x: surface.alphas, y: surface.betas, z: values };
  const heights = Float64Array.from({ length: count }, (_, k) =>
    gridValueAt(grid, coordinates[2 * k]!, coordinates[2 * k + 1]!),
  );
  return {
    id: `trajectory-${surface.id}`,
    color,
    capacity: count,
    points: coordinates,
    values: heights,
    count: () => count,
    indexAt: () => count - 1,
    perStep: false,
  };
}

/** The 3D canvas's accessible name: the file, its grid and the quantity's range with its scale. */
export function importedSceneLabel(surface: ImportedLandscape, scale: ColorScale | null): string {
  const range = scale
    ? `, ${quantityLabel(surface.quantity)} ${formatValue(scale.values[0])} to ${formatValue(scale.values[1])} (${scale.mode})`
    : '';
  return `Loss landscape in 3D, ${surface.file}, ${surface.alphas.length} × ${surface.betas.length}${range}`;
}

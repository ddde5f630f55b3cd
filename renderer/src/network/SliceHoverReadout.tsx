import { formatValue } from '../../../shared/format-number';
import { gridValueAt } from '../scene/grid-value';
import type { SceneSurface } from '../scene/scene-surface';
import type { RunEntry } from '../store/app-model';
import { useLandscapeHover } from '../store/landscape-hover-store';
import { nearestCheckpoint } from './draw-slice';

/** A checkpoint counts as hovered within this share of the plane's α span. */
const NEAR = 0.04;

/**
 * What the pointer is over in the 3D landscape: (α, β) and the slice's loss there, and the
 * nearest checkpoint when the pointer is close to one, with its true loss and its distance from the plane.
 */
export function SliceHoverReadout({
  view,
  surface,
  paths,
  runs,
}: {
  /** The landscape view whose pointer this reads (landscape-hover-store.ts). */
  view: string;
  surface: SceneSurface;
  paths: readonly { coordinates: Float64Array; distances: Float64Array }[];
  runs: readonly RunEntry[];
}) {
  const target = useLandscapeHover(view);
  if (!target) return null;
  const [alpha, beta] = target.point;
  const near = nearestCheckpoint(
    paths.map((path) => path.coordinates),
    alpha,
    beta,
  );
  const [[a0, a1]] = surface.bounds;
  const coordinates = near && paths[near.path]!.coordinates;
  const close =
    near &&
    coordinates &&
    Math.hypot(coordinates[2 * near.index]! - alpha, coordinates[2 * near.index + 1]! - beta) <= NEAR * (a1 - a0);
  const run = close ? runs[near.path] : undefined;
  const step = run?.checkpoints?.steps[near!.index];
  return (
    <div className="landscape-readout landscape-readout-3d" role="status">
      α {formatValue(alpha)} · β {formatValue(beta)} · slice loss {formatValue(gridValueAt(surface, alpha, beta))}
      {run && step !== undefined && (
        <>
          <br />
          {run.name} · step {step} · true loss {formatValue(run.series.loss[step])} ·{' '}
          {formatValue(paths[near!.path]!.distances[near!.index])} from the plane
        </>
      )}
    </div>
  );
}

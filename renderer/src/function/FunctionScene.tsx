import { useCallback, useMemo, type ReactNode } from 'react';
import type { RunEvent } from '../../../shared/events';
import { useObjective } from '../plot/use-plot-data';
import { useAppStore } from '../store/app-store';
import { GradientArrows3D } from '../scene/GradientArrows3D';
import type { EventPlacement } from '../scene/RunEventGlyphs';
import { SceneCanvas, type SceneRun } from '../scene/SceneCanvas';
import { functionRunPath } from '../scene/scene-path';
import { StartMarker } from '../scene/StartMarker';
import { useViewRuns } from '../scene/view-source';

/** A function problem's runs: a point per step on the surface; an event stands where it happened, inside the bounds. */
function useFunctionSceneRuns(): SceneRun[] {
  const runs = useViewRuns();
  const objective = useObjective();
  const [[x0, x1], [y0, y1]] = useAppStore((state) => state.bounds);
  const placeEvent: EventPlacement = useCallback(
    (event: RunEvent) => {
      // Off the surface (where a diverging path went) there is nothing to stand on.
      if (
        !event.point ||
        !(event.point[0] >= x0 && event.point[0] <= x1 && event.point[1] >= y0 && event.point[1] <= y1)
      )
        return null;
      const [x, y] = event.point;
      return [x, y, objective.value(x, y)];
    },
    [objective, x0, x1, y0, y1],
  );
  return useMemo(() => runs.map((run) => ({ run, path: functionRunPath(run), placeEvent })), [runs, placeEvent]);
}

/** The function problem's 3D view: its surface, descent arrows, the next start, and the view's runs. */
export function FunctionScene({
  label = '3D loss surface',
  exportable = true,
  children,
}: {
  label?: string;
  exportable?: boolean;
  children?: ReactNode;
}) {
  const gradientField = useAppStore((state) => state.view.gradientField);
  const runs = useFunctionSceneRuns();
  return (
    <SceneCanvas label={label} runs={runs} exportable={exportable}>
      {gradientField && <GradientArrows3D />}
      <StartMarker />
      {children}
    </SceneCanvas>
  );
}

import { useEffect, useMemo, useState } from 'react';
import type { CriticalPoint } from '../../../shared/events';
import { LayoutButtons } from '../sidebar/LayoutButtons';
import { Checkbox } from '../sidebar/Checkbox';
import { ColorBar, colorBarWidth } from '../plot/ColorBar';
import { colorScaleOf, type ColorScale } from '../plot/color-scale';
import { SceneCanvas } from '../scene/SceneCanvas';
import { SceneSurfaceProvider } from '../scene/scene-surface';
import { useAppStore } from '../store/app-store';
import { createCameraSync, type CameraSync } from '../panels/camera-sync';
import { CameraLink } from '../panels/CameraLink';
import { useImportedLandscapes, type ImportedLandscape } from '../store/imported-landscapes';
import { ImportedCurve, ImportedSlice } from './ImportedFlatViews';
import {
  IMPORTED_PATH_COLOR,
  importedCriticalPoints,
  importedSceneLabel,
  importedSceneSurface,
  quantityLabel,
  shownValues,
  trajectoryScenePath,
} from './imported-scene';

/** Which views of a 2-D surface show: 3D unless 2D or side by side is chosen (the panels layout shows 3D). */
type ImportedLayout = '3d' | '2d' | 'split';

/**
 * The opened loss-landscape surfaces, side by side when there are two or more, each in the 3D
 * scene, as a 2D map, or both, as the layout buttons say; two or more 3D views share a camera
 * while "Lock cameras" is on.
 */
export function ImportedLandscapes() {
  const surfaces = useImportedLandscapes((state) => state.surfaces);
  const layoutSetting = useAppStore((state) => state.view.layout);
  const layout: ImportedLayout = layoutSetting === '2d' || layoutSetting === 'split' ? layoutSetting : '3d';
  // The function toolbar and a network's landscape tab have the layout buttons already.
  const toolbarHasLayout = useAppStore((state) => state.kind === 'function' || state.view.networkView === 'landscape');
  const [lockCameras, setLockCameras] = useState(true);
  const cameraSync = useMemo(() => createCameraSync(true), []);
  useEffect(() => cameraSync.setLocked(lockCameras), [cameraSync, lockCameras]);
  const linked = layout !== '2d' && surfaces.filter((surface) => surface.betas.length > 0).length > 1;
  return (
    <div className="imported-view">
      {(!toolbarHasLayout || linked) && (
        <div className="toolbar" role="group" aria-label="Opened surfaces">
          {!toolbarHasLayout && <LayoutButtons panels={false} />}
          {linked && (
            <Checkbox
              label="Lock cameras"
              title="Orbiting or zooming one surface moves the others the same way"
              checked={lockCameras}
              onChange={setLockCameras}
            />
          )}
        </div>
      )}
      <div
        className="imported-landscapes"
        style={{ gridTemplateColumns: `repeat(${Math.min(surfaces.length, 2)}, 1fr)` }}
      >
        {surfaces.map((surface, index) => (
          <ImportedLandscapePanel
            key={surface.id}
            surface={surface}
            layout={layout}
            index={index}
            cameraSync={linked ? cameraSync : null}
          />
        ))}
      </div>
    </div>
  );
}

interface PanelProps {
  surface: ImportedLandscape;
  layout: ImportedLayout;
  /** Its place: the first one's 3D view is the one image and video export render. */
  index: number;
  cameraSync: CameraSync | null;
}

function ImportedLandscapePanel({ surface, layout, index, cameraSync }: PanelProps) {
  const { chooseQuantity, close } = useImportedLandscapes.getState();
  const oneD = surface.betas.length === 0;
  const grid = oneD
    ? `${surface.alphas.length} points (1-D)`
    : `${surface.alphas.length} × ${surface.betas.length} grid`;
  const shown = useMemo(() => shownValues(surface.grids.get(surface.quantity)!), [surface]);
  return (
    <section className="dataset-view imported-landscape" aria-label={`Surface ${surface.file}`}>
      <div className="dataset-header">
        <p className="hint imported-title">
          <strong>{surface.file}</strong> · {grid}
          {surface.trajectory &&
            ` · path from ${surface.trajectory.file} (${surface.trajectory.coordinates.length / 2} points)`}
          {shown.unfinished > 0 &&
            ` · ${shown.unfinished} ${shown.unfinished === 1 ? 'point' : 'points'} not computed (−1 in the file)`}
        </p>
        <label>
          Quantity{' '}
          <select
            aria-label={`Quantity of ${surface.file}`}
            value={surface.quantity}
            onChange={(event) => chooseQuantity(surface.id, event.target.value)}
          >
            {surface.quantities.map((name) => (
              <option key={name} value={name}>
                {quantityLabel(name)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-label={`Close ${surface.file}`} onClick={() => close(surface.id)}>
          ✕
        </button>
      </div>
      {oneD ? (
        <ImportedCurve surface={surface} values={shown.values} />
      ) : (
        <ImportedSurface
          surface={surface}
          values={shown.values}
          layout={layout}
          index={index}
          cameraSync={cameraSync}
        />
      )}
    </section>
  );
}

function ImportedSurface({
  surface,
  values,
  layout,
  index,
  cameraSync,
}: Omit<PanelProps, 'surface'> & { surface: ImportedLandscape; values: Float64Array }) {
  const scale = useMemo(() => colorScaleOf(values), [values]);
  const critical = useMemo(() => importedCriticalPoints(surface, values), [surface, values]);
  const counts = (['minimum', 'saddle', 'maximum'] as const).map(
    (type) =>
      `${critical.filter((point) => point.type === type).length} ${type === 'maximum' ? 'maxima' : type === 'minimum' ? 'minima' : 'saddles'}`,
  );
  return (
    <>
      <p className="hint landscape-axes">
        <span>α: xcoordinates</span>
        <span>β: ycoordinates</span>
        <span className="imported-critical">on this slice: {counts.join(', ')}</span>
      </p>
      <div className={`landscape-views landscape-views-${layout}`}>
        {layout !== '2d' && scale && (
          <ImportedScene
            surface={surface}
            values={values}
            scale={scale}
            critical={critical}
            showBar={layout === '3d'}
            index={index}
            cameraSync={cameraSync}
          />
        )}
        {layout !== '3d' && (
          <ImportedSlice surface={surface} values={values} scale={scale} critical={critical} counts={counts} />
        )}
      </div>
    </>
  );
}

interface SceneProps {
  surface: ImportedLandscape;
  values: Float64Array;
  scale: ColorScale;
  critical: CriticalPoint[];
  showBar: boolean;
  index: number;
  cameraSync: CameraSync | null;
}

/** The surface in the app's one 3D scene, its trajectory on it. */
function ImportedScene({ surface, values, scale, critical, showBar, index, cameraSync }: SceneProps) {
  const colormap = useAppStore((state) => state.view.colormap);
  const sceneSurface = useMemo(
    () => importedSceneSurface(surface, values, scale, critical),
    [surface, values, scale, critical],
  );
  const paths = useMemo(() => {
    const path = trajectoryScenePath(surface, values, IMPORTED_PATH_COLOR);
    return path ? [path] : [];
  }, [surface, values]);
  return (
    <div className="landscape-3d">
      <SceneSurfaceProvider value={sceneSurface}>
        <SceneCanvas label={importedSceneLabel(surface, scale)} runs={NO_RUNS} paths={paths} exportable={index === 0}>
          {cameraSync && <CameraLink sync={cameraSync} />}
        </SceneCanvas>
      </SceneSurfaceProvider>
      {showBar && (
        <ColorBar
          scale={scale}
          colormap={colormap}
          name={quantityLabel(surface.quantity)}
          style={{ right: 8, top: 8, height: 200, width: colorBarWidth(scale) - 12 }}
        />
      )}
    </div>
  );
}
const NO_RUNS: [] = [];

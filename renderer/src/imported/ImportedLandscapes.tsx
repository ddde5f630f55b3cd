import { useEffect, useMemo, useState } from 'react';
import { buildHeatImage, drawContours } from '../map/draw-map-base';
import { createMapFrame, type MapFrame } from '../map/map-frame';
import { drawCurveChart } from '../network/draw-curve';
import { drawSlice } from '../network/draw-slice';
import type { CriticalPoint } from '../../../shared/events';
import { barBeside } from '../network/LandscapeView';
import { LayoutButtons } from '../sidebar/LayoutButtons';
import { Checkbox } from '../sidebar/Checkbox';
import { ColorBar, colorBarWidth } from '../plot/ColorBar';
import { colorScaleOf, type ColorScale } from '../plot/color-scale';
import { contourLevels } from '../plot/contour-levels';
import { CONTOUR_INTERVALS } from '../plot/use-plot-data';
import { SceneCanvas } from '../scene/SceneCanvas';
import { SceneSurfaceProvider } from '../scene/scene-surface';
import { useAppStore } from '../store/app-store';
import { prepareCanvas, useAreaCanvas } from '../plot/use-canvas-size';
import { createCameraSync, type CameraSync } from '../panels/camera-sync';
import { CameraLink } from '../panels/CameraLink';
import { useImportedLandscapes, type ImportedLandscape } from '../store/imported-landscapes';
import {
  importedCriticalPoints,
  importedSceneLabel,
  importedSceneSurface,
  quantityLabel,
  shownValues,
  trajectoryScenePath,
} from './imported-scene';

const PATH_COLOR = '#ff7f50';
const MARKS: Record<CriticalPoint['type'], string> = {
  minimum: '#4cc9f0',
  maximum: '#f72585',
  saddle: '#f4f4f4',
  degenerate: '#aaaaaa',
};

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
    const path = trajectoryScenePath(surface, values, PATH_COLOR);
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

interface SliceProps {
  surface: ImportedLandscape;
  values: Float64Array;
  scale: ColorScale | null;
  critical: CriticalPoint[];
  counts: string[];
}

function ImportedSlice({ surface, values, scale, critical, counts }: SliceProps) {
  const { area, canvas, size } = useAreaCanvas();
  const { alphas, betas } = surface;
  const image = useMemo(
    () => (scale ? buildHeatImage({ x: alphas, y: betas, z: values }, scale, 'viridis') : null),
    [alphas, betas, values, scale],
  );
  // The toolbar's Contour lines switch, at the levels the 2D map uses (even in the colour bar's scale).
  const contours = useAppStore((state) => state.view.contours);
  const levels = useMemo(
    () => (contours && scale ? contourLevels({ x: alphas, y: betas, z: values }, scale, CONTOUR_INTERVALS) : null),
    [contours, scale, alphas, betas, values],
  );
  const barWidth = scale ? colorBarWidth(scale) : 0;
  const frame = useMemo(
    () =>
      size
        ? createMapFrame(
            [
              [alphas[0]!, alphas.at(-1)!],
              [betas[0]!, betas.at(-1)!],
            ],
            size.width - barWidth,
            size.height,
          )
        : null,
    [size, alphas, betas, barWidth],
  );
  const trajectory = surface.trajectory?.coordinates;
  useEffect(() => {
    const element = canvas.current;
    if (!element || !size || !image || !frame) return;
    const context = prepareCanvas(element, size);
    drawSlice(
      context,
      frame,
      { alphas, betas },
      image,
      trajectory ? [{ color: PATH_COLOR, coordinates: trajectory }] : [],
    );
    if (levels) {
      context.save();
      context.beginPath();
      context.rect(frame.left, frame.top, frame.width, frame.height);
      context.clip();
      drawContours(context, frame, levels);
      context.restore();
    }
    drawCriticalPoints(context, frame, critical);
  }, [size, image, frame, alphas, betas, trajectory, critical, levels]);

  const label = `${quantityLabel(surface.quantity)} of ${surface.file} over α and β; on this slice: ${counts.join(', ')}`;
  return (
    <div className="dataset-canvas" ref={area}>
      <canvas ref={canvas} role="img" aria-label={label} />
      {scale && frame && size && (
        <ColorBar
          scale={scale}
          colormap="viridis"
          name={quantityLabel(surface.quantity)}
          style={barBeside(frame, size.height, barWidth)}
        />
      )}
    </div>
  );
}

/** Minima ▲, maxima ▼ and saddles ✕ of the slice itself, in the colours of MARKS. */
function drawCriticalPoints(
  context: CanvasRenderingContext2D,
  frame: MapFrame,
  points: readonly CriticalPoint[],
): void {
  context.save();
  context.lineWidth = 2;
  for (const { point, type } of points) {
    const x = frame.px(point[0]);
    const y = frame.py(point[1]);
    context.strokeStyle = MARKS[type];
    context.beginPath();
    if (type === 'saddle') {
      context.moveTo(x - 5, y - 5);
      context.lineTo(x + 5, y + 5);
      context.moveTo(x + 5, y - 5);
      context.lineTo(x - 5, y + 5);
    } else {
      // As the app's legend draws them: a minimum ▲, a maximum ▼.
      const tip = type === 'minimum' ? -6 : 6;
      context.moveTo(x - 6, y - tip);
      context.lineTo(x + 6, y - tip);
      context.lineTo(x, y + tip);
      context.closePath();
    }
    context.stroke();
  }
  context.restore();
}

function ImportedCurve({ surface, values }: { surface: ImportedLandscape; values: Float64Array }) {
  const { area, canvas, size } = useAreaCanvas();
  useEffect(() => {
    const element = canvas.current;
    if (!element || !size) return;
    const context = prepareCanvas(element, size);
    drawCurveChart(context, size.width, size.height, {
      t: surface.alphas,
      loss: values,
      names: ['α = 0', 'α = 1'],
      color: PATH_COLOR,
      barrier: null,
    });
  }, [size, surface.alphas, values]);
  return (
    <div className="dataset-canvas" ref={area}>
      <canvas ref={canvas} role="img" aria-label={`${quantityLabel(surface.quantity)} of ${surface.file} along α`} />
    </div>
  );
}

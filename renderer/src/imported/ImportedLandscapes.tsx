import { useEffect, useMemo, useRef } from 'react';
import { buildHeatImage, drawContours } from '../map/draw-map-base';
import { createMapFrame, type MapFrame } from '../map/map-frame';
import { drawCurveChart } from '../network/draw-curve';
import { drawSlice } from '../network/draw-slice';
import { gridCriticalPoints } from '../network/grid-critical-points';
import type { CriticalPoint } from '../../../shared/events';
import { barBeside } from '../network/LandscapeView';
import { ColorBar, colorBarWidth } from '../plot/ColorBar';
import { colorScaleOf } from '../plot/color-scale';
import { contourLevels } from '../plot/contour-levels';
import { CONTOUR_INTERVALS } from '../plot/use-plot-data';
import { useAppStore } from '../store/app-store';
import { prepareCanvas, useElementSize } from '../plot/use-canvas-size';
import { useImportedLandscapes, type ImportedLandscape } from './imported-landscapes';

const PATH_COLOR = '#ff7f50';
const MARKS: Record<CriticalPoint['type'], string> = { minimum: '#4cc9f0', maximum: '#f72585', saddle: '#f4f4f4', degenerate: '#aaaaaa' };

/** The opened loss-landscape surfaces, side by side when there are two or more. */
export function ImportedLandscapes() {
  const surfaces = useImportedLandscapes((state) => state.surfaces);
  return (
    <div className="imported-landscapes" style={{ gridTemplateColumns: `repeat(${Math.min(surfaces.length, 2)}, 1fr)` }}>
      {surfaces.map((surface) => (
        <ImportedLandscapePanel key={surface.id} surface={surface} />
      ))}
    </div>
  );
}

/** train_loss → "train loss"; accuracies keep their percent. */
const quantityLabel = (name: string): string => name.replace(/_/g, ' ').replace(/acc$/, 'accuracy (%)');

function ImportedLandscapePanel({ surface }: { surface: ImportedLandscape }) {
  const { chooseQuantity, close } = useImportedLandscapes.getState();
  const oneD = surface.betas.length === 0;
  const grid = oneD ? `${surface.alphas.length} points (1-D)` : `${surface.alphas.length} × ${surface.betas.length} grid`;
  return (
    <section className="dataset-view imported-landscape" aria-label={`Surface ${surface.file}`}>
      <div className="dataset-header">
        <p className="hint imported-title">
          <strong>{surface.file}</strong> · {grid}
          {surface.trajectory && ` · path from ${surface.trajectory.file} (${surface.trajectory.coordinates.length / 2} points)`}
        </p>
        <label>
          Quantity{' '}
          <select aria-label={`Quantity of ${surface.file}`} value={surface.quantity} onChange={(event) => chooseQuantity(surface.id, event.target.value)}>
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
      {oneD ? <ImportedCurve surface={surface} /> : <ImportedSlice surface={surface} />}
    </section>
  );
}

function ImportedSlice({ surface }: { surface: ImportedLandscape }) {
  const area = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(area);
  const values = surface.grids.get(surface.quantity)!;
  const { alphas, betas } = surface;
  const scale = useMemo(() => colorScaleOf(values), [values]);
  const image = useMemo(() => (scale ? buildHeatImage({ x: alphas, y: betas, z: values }, scale, 'viridis') : null), [alphas, betas, values, scale]);
  const critical = useMemo(() => gridCriticalPoints({ x: alphas, y: betas, z: values }), [values, alphas, betas]);
  // The toolbar's Contour lines switch, at the levels the 2D map uses (even in the colour bar's scale).
  const contours = useAppStore((state) => state.view.contours);
  const levels = useMemo(() => (contours && scale ? contourLevels({ x: alphas, y: betas, z: values }, scale, CONTOUR_INTERVALS) : null), [contours, scale, alphas, betas, values]);
  const barWidth = scale ? colorBarWidth(scale) : 0;
  const frame = useMemo(
    () => (size ? createMapFrame([[alphas[0]!, alphas.at(-1)!], [betas[0]!, betas.at(-1)!]], size.width - barWidth, size.height) : null),
    [size, alphas, betas, barWidth],
  );
  const trajectory = surface.trajectory?.coordinates;
  useEffect(() => {
    const element = canvas.current;
    if (!element || !size || !image || !frame) return;
    const context = prepareCanvas(element, size);
    context.clearRect(0, 0, size.width, size.height);
    drawSlice(context, frame, { alphas, betas }, image, trajectory ? [{ color: PATH_COLOR, coordinates: trajectory }] : []);
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

  const counts = (['minimum', 'saddle', 'maximum'] as const).map((type) => `${critical.filter((point) => point.type === type).length} ${type === 'maximum' ? 'maxima' : type === 'minimum' ? 'minima' : 'saddles'}`);
  const label = `${quantityLabel(surface.quantity)} of ${surface.file} over α and β; on this slice: ${counts.join(', ')}`;
  return (
    <>
      <p className="hint landscape-axes">
        <span>α: xcoordinates</span>
        <span>β: ycoordinates</span>
        <span className="imported-critical">on this slice: {counts.join(', ')}</span>
      </p>
      <div className="dataset-canvas" ref={area}>
        <canvas ref={canvas} role="img" aria-label={label} />
        {scale && frame && size && <ColorBar scale={scale} colormap="viridis" name={quantityLabel(surface.quantity)} style={barBeside(frame, size.height, barWidth)} />}
      </div>
    </>
  );
}

/** Minima ▲, maxima ▼ and saddles ✕ of the slice itself, in the colours of MARKS. */
function drawCriticalPoints(context: CanvasRenderingContext2D, frame: MapFrame, points: readonly CriticalPoint[]): void {
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

function ImportedCurve({ surface }: { surface: ImportedLandscape }) {
  const area = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(area);
  const values = surface.grids.get(surface.quantity)!;
  useEffect(() => {
    const element = canvas.current;
    if (!element || !size) return;
    const context = prepareCanvas(element, size);
    context.clearRect(0, 0, size.width, size.height);
    drawCurveChart(context, size.width, size.height, { t: surface.alphas, loss: values, names: ['α = 0', 'α = 1'], color: PATH_COLOR, barrier: null });
  }, [size, surface.alphas, values]);
  return (
    <div className="dataset-canvas" ref={area}>
      <canvas ref={canvas} role="img" aria-label={`${quantityLabel(surface.quantity)} of ${surface.file} along α`} />
    </div>
  );
}

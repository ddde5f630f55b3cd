import { useEffect, useMemo } from 'react';
import type { CriticalPoint } from '../../../shared/events';
import { buildHeatImage, drawContours } from '../map/draw-map-base';
import { createMapFrame, type MapFrame } from '../map/map-frame';
import { drawCurveChart } from '../network/draw-curve';
import { drawSlice } from '../network/draw-slice';
import { barBeside } from '../network/LandscapeView';
import { ColorBar, colorBarWidth } from '../plot/ColorBar';
import type { ColorScale } from '../plot/color-scale';
import { contourLevels } from '../plot/contour-levels';
import { prepareCanvas, useAreaCanvas } from '../plot/use-canvas-size';
import { CONTOUR_INTERVALS } from '../plot/use-plot-data';
import { useAppStore } from '../store/app-store';
import type { ImportedLandscape } from '../store/imported-landscapes';
import { IMPORTED_PATH_COLOR as PATH_COLOR, quantityLabel } from './imported-scene';

/* The flat views of an opened surface: a 2-D surface as a coloured map, a 1-D one as a curve. */

const MARKS: Record<CriticalPoint['type'], string> = {
  minimum: '#4cc9f0',
  maximum: '#f72585',
  saddle: '#f4f4f4',
  degenerate: '#aaaaaa',
};

interface SliceProps {
  surface: ImportedLandscape;
  values: Float64Array;
  scale: ColorScale | null;
  critical: CriticalPoint[];
  counts: string[];
}

export function ImportedSlice({ surface, values, scale, critical, counts }: SliceProps) {
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

export function ImportedCurve({ surface, values }: { surface: ImportedLandscape; values: Float64Array }) {
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

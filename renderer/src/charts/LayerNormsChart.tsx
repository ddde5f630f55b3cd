import { useEffect } from 'react';
import { sampleColormap } from '../../../shared/colormaps/colormap';
import { onPlaybackFrame } from '../store/playback-store';
import { formatDecade } from '../../../shared/format-number';
import { prepareCanvas, useAreaCanvas } from '../plot/use-canvas-size';
import type { RunEntry } from '../store/app-model';

const LABEL_WIDTH = 64;
const LEGEND_HEIGHT = 16;

/**
 * Per-layer gradient norms of one network run as a heat map: a row per layer (input side at
 * the bottom), a column per stretch of steps, colour by log10 of the norm. Vanishing gradients
 * show as early layers far darker than later ones.
 */
export function LayerNormsChart({ run }: { run: RunEntry }) {
  const { area, canvas, size } = useAreaCanvas();

  useEffect(() => {
    const element = canvas.current;
    if (!element || !size) return;
    let drawn = -1;
    return onPlaybackFrame(() => {
      const { series } = run;
      if (series.count === drawn) return;
      drawn = series.count;
      drawLayerNorms(prepareCanvas(element, size), size.width, size.height, run);
    });
  }, [size, run]);

  return (
    <figure className="chart" aria-label="Layer gradient norms chart">
      <figcaption>
        <span>Layer gradient norms · {run.name}</span>
      </figcaption>
      <div className="chart-area" ref={area}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Gradient norm of each layer of ${run.name} over the steps, as a heat map`}
        />
      </div>
    </figure>
  );
}

function drawLayerNorms(context: CanvasRenderingContext2D, width: number, height: number, run: RunEntry): void {
  const { series } = run;
  const layers = series.layers;
  context.clearRect(0, 0, width, height);
  if (!layers || series.count === 0) return;
  const plotWidth = Math.max(1, Math.floor(width - LABEL_WIDTH - 8));
  const plotHeight = Math.max(1, height - LEGEND_HEIGHT - 6);
  const columns = Math.min(plotWidth, run.steps + 1);
  // log10 of each cell: the mean norm of the steps that fall in its column.
  const cells = new Float64Array(columns * layers).fill(NaN);
  let low = Infinity;
  let high = -Infinity;
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * (run.steps + 1)) / columns);
    const to = Math.min(series.count, Math.floor(((c + 1) * (run.steps + 1)) / columns));
    if (to <= from) continue;
    for (let l = 0; l < layers; l++) {
      let sum = 0;
      for (let k = from; k < to; k++) sum += series.layerGradNorms[k * layers + l]!;
      const value = Math.log10(sum / (to - from));
      if (!Number.isFinite(value)) continue;
      cells[c * layers + l] = value;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  const rgb = new Float32Array(3);
  const cellWidth = plotWidth / columns;
  const rowHeight = plotHeight / layers;
  for (let c = 0; c < columns; c++) {
    for (let l = 0; l < layers; l++) {
      const value = cells[c * layers + l]!;
      if (Number.isNaN(value)) continue;
      sampleColormap('viridis', high > low ? (value - low) / (high - low) : 0.5, rgb);
      context.fillStyle = `rgb(${rgb[0]! * 255},${rgb[1]! * 255},${rgb[2]! * 255})`;
      context.fillRect(
        LABEL_WIDTH + c * cellWidth,
        (layers - 1 - l) * rowHeight,
        Math.ceil(cellWidth),
        Math.ceil(rowHeight),
      );
    }
  }
  context.fillStyle = '#9da7b3';
  context.font = '11px system-ui, sans-serif';
  context.textBaseline = 'middle';
  for (let l = 0; l < layers; l++) {
    const name = l === layers - 1 ? 'output' : `hidden ${l + 1}`;
    context.fillText(name, 4, (layers - 1 - l + 0.5) * rowHeight);
  }
  if (Number.isFinite(low)) {
    context.textBaseline = 'top';
    context.fillText(`${formatDecade(low)} (dark) – ${formatDecade(high)}`, LABEL_WIDTH, plotHeight + 4);
  }
}

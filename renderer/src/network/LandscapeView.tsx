import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { createMapFrame, type MapFrame } from '../map/map-frame';
import { formatValue } from '../plot/format-number';
import { prepareCanvas, useElementSize } from '../plot/use-canvas-size';
import { useAppStore } from '../store/app-store';
import { drawSlice, nearestCheckpoint, sliceImage } from './draw-slice';

const percent = (share: number): string => `${(100 * share).toFixed(1)}%`;

/**
 * The loss over a completed run's PCA plane, streamed coarse to fine from the workers, with
 * the run's checkpoints on it. A slice can mislead: hovering a checkpoint shows its true loss
 * and how far it lies from the plane.
 */
export function LandscapeView() {
  const runs = useAppStore((state) => state.runs);
  const slice = useAppStore((state) => state.slice);
  const requestSlice = useAppStore((state) => state.requestSlice);
  const withPlane = runs.filter((run) => run.plane);
  const run = runs.find((entry) => entry.id === slice?.runId);
  const plane = run?.plane;
  const area = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<MapFrame | null>(null);
  const size = useElementSize(area);
  const [hovered, setHovered] = useState<number | null>(null);
  const image = useMemo(() => (plane && slice ? sliceImage(plane, slice) : null), [plane, slice]);

  useEffect(() => {
    if (!slice && withPlane.length) requestSlice(withPlane.at(-1)!.id);
  }, [slice, withPlane, requestSlice]);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !size || !plane || !slice || !image || !run) return;
    const bounds: [[number, number], [number, number]] = [
      [plane.alphas[0]!, plane.alphas.at(-1)!],
      [plane.betas[0]!, plane.betas.at(-1)!],
    ];
    frame.current = createMapFrame(bounds, size.width, size.height);
    const context = prepareCanvas(element, size);
    context.clearRect(0, 0, size.width, size.height);
    drawSlice(context, frame.current, plane, slice, image, run.color);
  }, [size, plane, slice, image, run]);

  const hover = (event: PointerEvent<HTMLCanvasElement>): void => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (!frame.current || !slice?.coordinates) return;
    const [alpha, beta] = frame.current.problemPoint(event.clientX - rect.left, event.clientY - rect.top);
    setHovered(nearestCheckpoint(slice.coordinates, alpha, beta));
  };

  if (!withPlane.length) {
    return <p className="hint landscape-empty">The loss landscape appears here when a network run completes: the plane of its path's two main directions (PCA).</p>;
  }
  const step = hovered !== null && plane ? plane.checkpointSteps[hovered]! : null;
  const distances = slice?.distances;
  const largest = distances ? Math.max(...distances) : 0;
  return (
    <div className="dataset-view">
      <div className="dataset-header">
        <p className="hint" aria-live="polite">
          {run && plane && slice
            ? `${run.name}: α explains ${percent(plane.explainedVariance[0])}, β ${percent(plane.explainedVariance[1])} of the path's variance · ${slice.computed}/${slice.total} points ${slice.status === 'complete' ? 'computed' : 'so far'} · checkpoints lie up to ${formatValue(largest)} from the plane`
            : 'Computing…'}
        </p>
        {withPlane.length > 1 && (
          <select aria-label="Landscape of run" value={slice?.runId} onChange={(event) => requestSlice(event.target.value)}>
            {withPlane.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="dataset-canvas" ref={area}>
        <canvas
          ref={canvas}
          role="img"
          aria-label="Loss landscape on the PCA plane of the run's path"
          onPointerMove={hover}
          onPointerLeave={() => setHovered(null)}
        />
        {step !== null && hovered !== null && run && (
          <div className="landscape-readout" role="status">
            step {step} · true loss {formatValue(run.series.loss[step])} · {formatValue(distances?.[hovered])} from the plane
          </div>
        )}
      </div>
    </div>
  );
}

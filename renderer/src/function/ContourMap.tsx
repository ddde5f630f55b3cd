import { useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { currentStep } from '../playback/playback-clock';
import { onPlaybackFrame, playbackClock, usePlaybackStore } from '../store/playback-store';
import { useContourLevels, useGradientArrows } from '../plot/use-plot-data';
import { useSceneFrame } from '../scene/use-scene-frame';
import { useAppStore } from '../store/app-store';
import type { RunEntry } from '../store/app-model';
import { setHoverTarget } from '../store/hover-store';
import { buildHeatImage, drawMapBase } from '../map/draw-map-base';
import { drawMapPaths } from './draw-map-paths';
import { createMapFrame } from '../map/map-frame';
// Registers the map's image with the export panel, drawn whether or not the map is shown.
import './map-image';
import { prepareCanvas, useElementSize } from '../plot/use-canvas-size';

/**
 * The 2D view: a heat map of the surface with contour lines, axes, critical points and the
 * next start (a base canvas, redrawn when those change), and the runs at the playback step (an
 * overlay canvas, redrawn in the playback loop only when what it shows has changed).
 */
export function ContourMap() {
  const container = useRef<HTMLDivElement>(null);
  const baseCanvas = useRef<HTMLCanvasElement>(null);
  const overlayCanvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(container);
  const surface = useAppStore((state) => state.surface);
  const bounds = useAppStore((state) => state.bounds);
  const start = useAppStore((state) => state.draft.start);
  const { colormap, contours, gradientField } = useAppStore((state) => state.view);
  const mapping = useSceneFrame();
  const levels = useContourLevels();
  const arrows = useGradientArrows();

  const heat = useMemo(
    () => (surface && mapping ? buildHeatImage(surface, mapping.scale, colormap) : null),
    [surface, mapping, colormap],
  );
  const frame = useMemo(() => (size ? createMapFrame(bounds, size.width, size.height) : null), [bounds, size]);

  useEffect(() => {
    if (!baseCanvas.current || !size || !frame || !heat || !surface) return;
    drawMapBase(prepareCanvas(baseCanvas.current, size), {
      frame,
      bounds,
      heat,
      levels: contours ? levels : null,
      arrows: gradientField ? arrows : null,
      criticalPoints: surface.criticalPoints,
      start,
    });
  }, [size, frame, heat, surface, bounds, contours, levels, gradientField, arrows, start]);

  useEffect(() => {
    const canvas = overlayCanvas.current;
    if (!canvas || !size || !frame) return;
    // What the overlay shows now; it is redrawn only when one of these changes.
    const drawn = { step: -1, trail: -1, points: -1, runs: null as readonly RunEntry[] | null };
    return onPlaybackFrame(() => {
      const { shownRuns: runs } = useAppStore.getState();
      const { trail } = usePlaybackStore.getState();
      const step = currentStep(playbackClock);
      let points = 0;
      for (let r = 0; r < runs.length; r++) points += runs[r]!.series.count;
      if (step === drawn.step && trail === drawn.trail && points === drawn.points && runs === drawn.runs) return;
      drawn.step = step;
      drawn.trail = trail;
      drawn.points = points;
      drawn.runs = runs;
      drawMapPaths(prepareCanvas(canvas, size), frame, runs, step, trail);
    });
  }, [size, frame]);

  const pointAt = (event: MouseEvent<HTMLCanvasElement>): [number, number] | null => {
    if (!frame) return null;
    const rect = event.currentTarget.getBoundingClientRect();
    const [px, py] = [event.clientX - rect.left, event.clientY - rect.top];
    return frame.contains(px, py) ? frame.problemPoint(px, py) : null;
  };

  return (
    <div className="contour-map" ref={container}>
      <canvas ref={baseCanvas} aria-hidden="true" />
      <canvas
        ref={overlayCanvas}
        role="img"
        aria-label="2D contour map of the loss"
        onPointerMove={(event) => {
          const point = pointAt(event);
          setHoverTarget(point && { point, clientX: event.clientX, clientY: event.clientY });
        }}
        onPointerLeave={() => setHoverTarget(null)}
        onClick={(event) => {
          const point = pointAt(event);
          if (point)
            useAppStore.getState().updateDraft({ start: [Number(point[0].toFixed(3)), Number(point[1].toFixed(3))] });
        }}
      />
    </div>
  );
}

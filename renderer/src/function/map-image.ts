import { registerImageView, offscreenCanvas } from '../export/image-views';
import { currentStep } from '../playback/playback-clock';
import { playbackClock, usePlaybackStore } from '../store/playback-store';
import { contourLevelsOf, gradientArrowsOf, objectiveOf } from '../plot/use-plot-data';
import { currentSceneMapping } from '../scene/use-scene-frame';
import { useAppStore } from '../store/app-store';
import { buildHeatImage, drawMapBase } from '../map/draw-map-base';
import { drawMapPaths } from './draw-map-paths';
import { createMapFrame } from '../map/map-frame';

/** The 2D map as ContourMap draws it (surface, contours, arrows, critical points, runs at the playback step), on screen or not. */
function renderMap(width: number, height: number): HTMLCanvasElement {
  const { surface, bounds, problem, draft, view, shownRuns } = useAppStore.getState();
  const mapping = currentSceneMapping();
  if (!surface || !mapping) throw new Error('the surface is still being computed');
  const { canvas, context, size } = offscreenCanvas(width, height);
  const frame = createMapFrame(bounds, size.width, size.height);
  drawMapBase(context, {
    frame,
    bounds,
    heat: buildHeatImage(surface, mapping.scale, view.colormap),
    levels: view.contours ? contourLevelsOf(surface, mapping) : null,
    arrows: view.gradientField ? gradientArrowsOf(objectiveOf(problem), bounds) : null,
    criticalPoints: surface.criticalPoints,
    start: draft.start,
  });
  drawMapPaths(context, frame, shownRuns, currentStep(playbackClock), usePlaybackStore.getState().trail);
  return canvas;
}

registerImageView({ id: '2d', label: '2D map', kinds: ['function'], order: 1, takesHeight: true, render: renderMap });

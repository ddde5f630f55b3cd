import { offscreenCanvas, registerImageView } from '../export/image-views';
import { createMapFrame, MAP_MARGIN } from '../map/map-frame';
import { currentStep } from '../playback/playback-clock';
import { playbackClock } from '../store/playback-store';
import { colorBarWidth } from '../plot/ColorBar';
import { colorScaleOf } from '../plot/color-scale';
import { drawColorBar } from '../plot/draw-color-bar';
import { MAIN_SLICE, type SliceState } from '../store/app-model';
import { useAppStore } from '../store/app-store';
import { drawSlice, sliceImage } from './draw-slice';
import { panelRunId, usePanelStore } from '../store/panel-store';
import { DEFAULT_SLICE_CHOICES } from './slice-choices';
import { livePaths } from './live-checkpoints';
import { placedPaths } from './slice-scene';
import { checkpointsReached } from './use-checkpoints-reached';

const busy = (slice: SliceState): boolean => slice.status === 'choosing' || slice.status === 'computing';

/**
 * The slice under `key`, asked for here on `runId` (default: the newest run with checkpoints)
 * when no view has asked for it, as the Loss landscape view would.
 */
function askedSlice(key: string, runId?: string): SliceState {
  const { slices, runs, requestSlice } = useAppStore.getState();
  const asked = slices[key];
  if (asked) return asked;
  const center = runId ?? runs.filter((run) => run.checkpoints).at(-1)?.id;
  if (center === undefined) throw new Error('the loss landscape appears once a network run has completed');
  requestSlice(key, center, DEFAULT_SLICE_CHOICES);
  const slice = useAppStore.getState().slices[key];
  if (!slice) throw new Error('a run has no checkpoints yet: its landscape appears once it completes');
  return slice;
}

/** The slice under `key` (asked for if no view has) once it has settled. */
export function settledSlice(key: string, runId?: string): Promise<SliceState> {
  askedSlice(key, runId);
  return new Promise((resolve, reject) => {
    const settled = (): boolean => {
      const slice = useAppStore.getState().slices[key];
      if (!slice) reject(new Error('the loss landscape was closed before it was computed'));
      else if (!busy(slice)) resolve(slice);
      return !slice || !busy(slice);
    };
    if (settled()) return;
    const unsubscribe = useAppStore.subscribe(() => {
      if (settled()) unsubscribe();
    });
  });
}

/** A slice's plane and values for a picture, or the reason, for the user, that there is none yet. */
export function computedSlice(slice: SliceState): {
  plane: NonNullable<SliceState['plane']>;
  values: NonNullable<SliceState['values']>;
} {
  if (slice.status === 'failed')
    throw new Error(`the loss landscape could not be computed: ${slice.message ?? 'unknown error'}`);
  const { plane, values } = slice;
  if (!plane || !values) throw new Error('the loss landscape has no computed point yet');
  return { plane, values };
}

/** A slice as LandscapeView draws it, in the box `size` at the context's origin: its runs' paths as far as the timeline, and its colour bar. */
function drawLandscape(
  context: CanvasRenderingContext2D,
  size: { width: number; height: number },
  slice: SliceState,
): void {
  const { plane, values } = computedSlice(slice);
  const scale = colorScaleOf(values);
  if (!scale) throw new Error('the loss landscape has no computed point yet');
  const placed = placedPaths(slice, useAppStore.getState().runs);
  const reached = checkpointsReached(
    placed.map((path) => path.run),
    currentStep(playbackClock),
  );
  // As LandscapeView draws them: each finished path as far as the timeline, then the shown runs still training.
  const paths = [
    ...placed.map((path, k) => ({ color: path.run.color, coordinates: path.coordinates.subarray(0, 2 * reached[k]!) })),
    ...livePaths(useAppStore.getState().shownRuns, plane).map(({ run, coordinates }) => ({
      color: run.color,
      coordinates,
    })),
  ];
  const barWidth = colorBarWidth(scale);
  const frame = createMapFrame(
    [
      [plane.alphas[0]!, plane.alphas.at(-1)!],
      [plane.betas[0]!, plane.betas.at(-1)!],
    ],
    size.width - barWidth,
    size.height,
  );
  drawSlice(context, frame, plane, sliceImage(plane, values, scale), paths);
  const barHeight = Math.min(frame.height, size.height - MAP_MARGIN.top - MAP_MARGIN.bottom);
  drawColorBar(context, scale, 'viridis', 'loss', {
    left: frame.left + frame.width + 12,
    top: frame.top + (frame.height - barHeight) / 2,
    width: barWidth - 12,
    height: barHeight,
  });
}

/** The Loss landscape view's picture, on screen or not. */
async function renderLandscape(width: number, height: number): Promise<HTMLCanvasElement> {
  const slice = await settledSlice(MAIN_SLICE);
  const { canvas, context, size } = offscreenCanvas(width, height);
  drawLandscape(context, size, slice);
  return canvas;
}

/**
 * The Landscape panels, laid out as PanelGrid lays them out, each panel's slice computed for the
 * image under a key of its own (released after) unless it shows all runs (the main slice). Every
 * panel follows the global timeline.
 */
async function renderPanels(width: number, height: number): Promise<HTMLCanvasElement> {
  const { count, choices } = usePanelStore.getState();
  const { shownRuns, releaseSlice } = useAppStore.getState();
  const columns = count === 3 ? 3 : 2;
  const rows = Math.ceil(count / columns);
  const panels = Array.from({ length: count }, (_, k) => panelRunId(choices[k], shownRuns, k));
  const keys = panels.map((runId, k) => (runId === null ? MAIN_SLICE : `image-panel-${k}`));
  try {
    const slices = await Promise.all(panels.map((runId, k) => settledSlice(keys[k]!, runId ?? undefined)));
    const { canvas, context, size } = offscreenCanvas(width, height);
    const cell = { width: size.width / columns, height: size.height / rows };
    slices.forEach((slice, k) => {
      context.save();
      context.translate((k % columns) * cell.width, Math.floor(k / columns) * cell.height);
      drawLandscape(context, cell, slice);
      // Each panel's name, as its header says it.
      context.fillStyle = '#c9d1d9';
      context.font = '11px system-ui, sans-serif';
      context.textBaseline = 'top';
      context.textAlign = 'left';
      const run = shownRuns.find((entry) => entry.id === panels[k]);
      context.fillText(`Panel ${k + 1} · ${run ? run.name : 'all runs'}`, 8, 2);
      context.restore();
    });
    return canvas;
  } finally {
    for (const key of keys) if (key !== MAIN_SLICE) releaseSlice(key);
  }
}

registerImageView({
  id: 'landscape',
  label: 'Loss landscape (2D map)',
  kinds: ['network'],
  order: 1,
  takesHeight: true,
  render: renderLandscape,
});
registerImageView({
  id: 'panels',
  label: 'Landscape panels',
  kinds: ['network'],
  order: 2,
  takesHeight: true,
  render: renderPanels,
});

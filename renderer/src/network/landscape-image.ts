import { offscreenCanvas, registerImageView } from '../export/image-views';
import { createMapFrame, MAP_MARGIN } from '../map/map-frame';
import { currentStep } from '../playback/playback-clock';
import { playbackClock } from '../playback/playback-store';
import { colorBarWidth } from '../plot/ColorBar';
import { colorScaleOf } from '../plot/color-scale';
import { drawColorBar } from '../plot/draw-color-bar';
import { MAIN_SLICE, useAppStore, type SliceState } from '../store/app-store';
import { drawSlice, sliceImage } from './draw-slice';
import { DEFAULT_SLICE_CHOICES } from './slice-choices';
import { checkpointsReached } from './use-checkpoints-reached';

const busy = (slice: SliceState): boolean => slice.status === 'choosing' || slice.status === 'computing';

/**
 * The main landscape's slice once it has settled. Never shown, it has never been asked for: it is
 * asked for here, on the newest run with checkpoints, as the Loss landscape view would.
 */
function settledSlice(): Promise<SliceState> {
  const { slices, runs, requestSlice } = useAppStore.getState();
  if (!slices[MAIN_SLICE]) {
    const center = runs.filter((run) => run.checkpoints).at(-1);
    if (!center) throw new Error('the loss landscape appears once a network run has completed');
    requestSlice(MAIN_SLICE, center.id, DEFAULT_SLICE_CHOICES);
  }
  return new Promise((resolve, reject) => {
    const settled = (): boolean => {
      const slice = useAppStore.getState().slices[MAIN_SLICE];
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

/** The Loss landscape view's slice with its runs' paths as far as the timeline and its colour bar, on screen or not. */
async function renderLandscape(width: number, height: number): Promise<HTMLCanvasElement> {
  const slice = await settledSlice();
  if (slice.status === 'failed') throw new Error(`the loss landscape could not be computed: ${slice.message ?? 'unknown error'}`);
  const { plane, values } = slice;
  const scale = values && colorScaleOf(values);
  if (!plane || !values || !scale) throw new Error('the loss landscape has no computed point yet');
  const { runs } = useAppStore.getState();
  const placed = (slice.paths ?? []).flatMap((path, k) => {
    const run = runs.find((entry) => entry.id === slice.runIds[k]);
    return run ? [{ run, color: run.color, coordinates: path.coordinates }] : [];
  });
  const reached = checkpointsReached(
    placed.map((path) => path.run),
    currentStep(playbackClock),
  );
  const paths = placed.map((path, k) => ({ color: path.color, coordinates: path.coordinates.subarray(0, 2 * reached[k]!) }));
  const { canvas, context, size } = offscreenCanvas(width, height);
  const barWidth = colorBarWidth(scale);
  const frame = createMapFrame([[plane.alphas[0]!, plane.alphas.at(-1)!], [plane.betas[0]!, plane.betas.at(-1)!]], size.width - barWidth, size.height);
  drawSlice(context, frame, plane, sliceImage(plane, values, scale), paths);
  const barHeight = Math.min(frame.height, size.height - MAP_MARGIN.top - MAP_MARGIN.bottom);
  drawColorBar(context, scale, 'viridis', 'loss', { left: frame.left + frame.width + 12, top: frame.top + (frame.height - barHeight) / 2, width: barWidth - 12, height: barHeight });
  return canvas;
}

registerImageView({ id: 'landscape', label: 'Loss landscape', kinds: ['network'], order: 1, takesHeight: true, render: renderLandscape });

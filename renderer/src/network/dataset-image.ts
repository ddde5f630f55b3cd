import { offscreenCanvas, registerImageView } from '../export/image-views';
import { createMapFrame } from '../map/map-frame';
import { useAppStore } from '../store/app-store';
import type { RunEntry } from '../store/app-model';
import { datasetBounds, drawDataset, predictionImage } from './draw-dataset';

/** The run the Dataset view shows: the one chosen there, else the newest with data. */
let chosenRunId: string | null = null;

export function chooseDatasetRun(id: string): void {
  chosenRunId = id;
}

export function chosenDatasetRun(): string | null {
  return chosenRunId;
}

export function datasetRun(runs: readonly RunEntry[], chosen = chosenRunId): RunEntry | undefined {
  const withData = runs.filter((run) => run.data);
  return withData.find((run) => run.id === chosen) ?? withData.at(-1);
}

/** The Dataset view's picture (the data and the decision boundary or fit), drawn whether or not the view is shown. */
function renderDataset(width: number, height: number): HTMLCanvasElement {
  const run = datasetRun(useAppStore.getState().runs);
  if (!run?.data) throw new Error('there is no dataset to draw yet: press Run to train the network');
  const { canvas, context, size } = offscreenCanvas(width, height);
  const bounds = datasetBounds(run.data, run.prediction);
  const image = run.prediction?.y ? predictionImage(run.prediction) : null;
  drawDataset(context, createMapFrame(bounds, size.width, size.height), bounds, run.data, run.prediction, image);
  return canvas;
}

registerImageView({
  id: 'dataset',
  label: 'Dataset and decision boundary',
  kinds: ['network'],
  order: 0,
  takesHeight: true,
  render: renderDataset,
});

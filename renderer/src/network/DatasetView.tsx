import { useEffect, useId, useMemo, useState } from 'react';
import { createMapFrame } from '../map/map-frame';
import { prepareCanvas, useAreaCanvas } from '../plot/use-canvas-size';
import { useAppStore } from '../store/app-store';
import { chooseDatasetRun, chosenDatasetRun, datasetRun } from './dataset-image';
import { datasetBounds, drawDataset, predictionImage } from './draw-dataset';

/**
 * The network's dataset and what the chosen run has learned of it: the decision boundary over
 * the data's box (two inputs) or the fitted curve (one input), refreshed as training goes on.
 */
export function DatasetView() {
  const runs = useAppStore((state) => state.runs);
  const withData = runs.filter((run) => run.data);
  // The choice is kept beside the view's image export too, so a PNG shows the same run.
  const [chosen, setChosen] = useState(chosenDatasetRun);
  const run = datasetRun(runs, chosen);
  const choose = (id: string): void => {
    chooseDatasetRun(id);
    setChosen(id);
  };
  const { area, canvas, size } = useAreaCanvas();
  const selectId = useId();
  const prediction = run?.prediction;
  const image = useMemo(() => (prediction?.y ? predictionImage(prediction) : null), [prediction]);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !size || !run?.data) return;
    const bounds = datasetBounds(run.data, prediction);
    const context = prepareCanvas(element, size);
    drawDataset(context, createMapFrame(bounds, size.width, size.height), bounds, run.data, prediction, image);
  }, [size, run?.data, prediction, image]);

  const features = run?.data?.features ?? 0;
  const caption = !run
    ? 'Press Run to train the network; its dataset and decision boundary appear here.'
    : features > 2
      ? `${features} inputs: the first two are shown; a decision boundary needs two inputs.`
      : prediction
        ? `${run.name} at step ${prediction.step} (${run.data?.backend === 'kernel' ? 'SIMD kernel' : `${run.data?.backend} backend`}): ${features === 2 ? 'the white line is the decision boundary; hollow points are the test split.' : 'the orange curve is the fit; hollow points are the test split.'}`
        : `${run.name}: waiting for the first prediction…`;
  return (
    <div className="dataset-view">
      <div className="dataset-header">
        <p className="hint" aria-live="polite">
          {caption}
        </p>
        {withData.length > 1 && (
          <>
            <label htmlFor={selectId}>Show run</label>
            <select id={selectId} value={run?.id} onChange={(event) => choose(event.target.value)}>
              {withData.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <div className="dataset-canvas" ref={area}>
        <canvas ref={canvas} aria-label="Dataset and decision boundary" role="img" />
      </div>
    </div>
  );
}

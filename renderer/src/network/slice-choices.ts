import type { ClientMessage, SlicePlaneMessage } from '../../../shared/protocol';
import type { Checkpoints } from '../../../shared/schemas/checkpoints';
import { formatValue } from '../../../shared/format-number';

/** How the Loss landscape view chooses a plane: the spec's directions, with the runs they read. */
export type SliceDirections = 'pca' | 'pca-all' | 'random' | 'interpolation' | 'interpolation-finals' | 'hessian';

/** The choices' names in the view, in its order. */
export const SLICE_DIRECTIONS: Record<SliceDirections, string> = {
  pca: 'PCA of this run’s path',
  'pca-all': 'PCA of all runs’ paths',
  random: 'Random, filter-normalised',
  interpolation: 'Through this run’s initial and final points',
  'interpolation-finals': 'Through the runs’ final points',
  hessian: 'Hessian extreme eigenvectors',
};

/** Points per side; the largest take long enough to want the Cancel button. */
export const SLICE_RESOLUTIONS = [21, 41, 81, 121, 201] as const;

export interface SliceChoices {
  directions: SliceDirections;
  resolution: number;
  span: number;
  seed: number;
  biases: 'zero' | 'filter';
}

/** The spec's defaults (docs/formats.md): the PCA plane of the run's own path. */
export const DEFAULT_SLICE_CHOICES: SliceChoices = {
  directions: 'pca',
  resolution: 41,
  span: 1,
  seed: 1,
  biases: 'zero',
};

/** A run the plane can be chosen from: a completed network run, with its checkpoints. */
export interface PlaneRun {
  id: string;
  name: string;
  checkpoints?: Checkpoints;
}

/** A slice-plane message as the app sends it; the host validates it into a ParsedSlicePlaneRequest. */
type SlicePlaneClientMessage = Extract<ClientMessage, { type: 'slice-plane' }>;

/**
 * The spec `landscape` and the runs a `slice-plane` request reads for these choices, centred on
 * `center` (run ids stand for names, being unique). `others` are the other runs shown, in order;
 * "the runs' final points" takes the first two of them.
 */
export function slicePlaneFields(
  choices: SliceChoices,
  center: PlaneRun,
  others: readonly PlaneRun[],
): Pick<SlicePlaneClientMessage, 'landscape' | 'runs'> | { error: string } {
  const { directions, resolution, span, seed, biases } = choices;
  const landscape: SlicePlaneClientMessage['landscape'] = {
    directions: directions === 'pca-all' ? 'pca' : directions === 'interpolation-finals' ? 'interpolation' : directions,
    resolution,
    span,
    seed,
    biases,
    run: center.id,
  };
  let read: readonly PlaneRun[] = [center];
  if (directions === 'pca-all') {
    read = [center, ...others];
    landscape.pcaOf = 'all';
  } else if (directions === 'interpolation-finals') {
    if (!others.length) return { error: 'A plane through the runs’ final points needs a second completed run.' };
    read = [center, ...others.slice(0, 2)];
    landscape.through = read.map((run) => ({ run: run.id, at: 'final' }));
  }
  const runs = read.flatMap(({ id, checkpoints }) =>
    checkpoints ? [{ name: id, checkpoints: { params: checkpoints.params, steps: checkpoints.steps } }] : [],
  );
  return { landscape, runs };
}

/** The key of a plane in the app's memo: the same choices over the same runs give the same plane. */
export function planeKey(fields: Pick<SlicePlaneClientMessage, 'landscape' | 'runs'>): string {
  return JSON.stringify([fields.landscape, fields.runs.map((run) => run.name)]);
}

const percent = (share: number): string => `${(100 * share).toFixed(1)}%`;

/** What each axis is, e.g. "α · PC1 (62.3% of variance)" or "β · Hessian λ = −0.41". */
export function sliceAxisLabels(
  directions: SliceDirections,
  plane: SlicePlaneMessage,
  nameOf: (runId: string) => string,
): [string, string] {
  const random = `random, filter-normalised (biases ${plane.biases ?? 'zero'})`;
  if (plane.explainedVariance) {
    const of = directions === 'pca-all' ? ' of all paths' : '';
    const [first, second] = plane.explainedVariance;
    return [`α · PC1${of} (${percent(first)} of variance)`, `β · PC2${of} (${percent(second)} of variance)`];
  }
  if (plane.eigenvalues)
    return [
      `α · Hessian λ = ${formatValue(plane.eigenvalues[0])}`,
      `β · Hessian λ = ${formatValue(plane.eigenvalues[1])}`,
    ];
  if (plane.through) {
    const label = ({ run, at }: { run: string; at: string | number }): string =>
      `${nameOf(run)} ${typeof at === 'number' ? `step ${at}` : at}`;
    const [from, to, third] = plane.through;
    return [`α · ${label(from!)} → ${label(to!)}`, third ? `β · toward ${label(third)}` : `β · ${random}`];
  }
  return [`α · ${random}`, `β · ${random}`];
}

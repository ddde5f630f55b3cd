import { curveLine, linspace } from '../../../shared/landscape-curve';
import { createRandom } from '../../../shared/random';
import type { LandscapeSpec, ParamRef } from '../../../shared/spec/spec';
import { InvalidInputError } from '../invalid-input';
import { extremeEigenpairs } from '../linalg/lanczos';
import { thinPaths, trajectoryPca } from '../linalg/pca';
import { hessianOperator } from '../network/curvature';
import { MlpModel } from '../network/mlp-model';
import type { ResolvedNetworkProblem } from '../network/network-problem';
import type { NetworkRunRecord } from '../network/network-run';
import { useTensorBackend, type TensorBackend } from '../network/tensor-backend';
import { planeThrough, randomDirection } from './directions';
import { createGridEvaluator } from './grid-evaluator';
import type { Plane } from './plane-evaluator';
import { projectOntoPlane } from '../../../shared/plane-projection';

/** Loss at center + alphas[i]·d1 + betas[j]·d2, row-major: out[j · alphas.length + i]. */
export type GridEvaluator = (plane: Plane, alphas: Float64Array, betas: Float64Array) => Promise<Float64Array>;

export interface LandscapeOptions {
  /** Where the grid is computed: default this thread; the host's worker pool uses both cores (landscape-client.ts). */
  grid?: GridEvaluator;
  backend?: TensorBackend;
}

/** What a slice reads of a run: its end points and checkpoints. */
export type PlaneRunRecord = Pick<NetworkRunRecord, 'initialParams' | 'finalParams' | 'checkpoints'>;

export interface LandscapeRunInput {
  name: string;
  record: PlaneRunRecord;
}

/** The run file's `landscape` (docs/formats.md). */
export interface LandscapeRecord {
  directions: LandscapeSpec['directions'];
  /** The run the slice centres on. */
  run: string;
  center: number[];
  d1: number[];
  d2: number[];
  alphas: number[];
  betas: number[];
  /** loss[j][i] = L(center + alphas[i]·d1 + betas[j]·d2) over the training set, evaluation mode, without l1/l2. */
  loss: number[][];
  /** random: how the biases' directions were set. */
  biases?: LandscapeSpec['biases'];
  /** pca: each direction's share of the variance of the trajectory (or, with pcaOf "all", of every run's). */
  explainedVariance?: [number, number];
  /** pca: whose checkpoints, when the spec says. */
  pcaOf?: LandscapeSpec['pcaOf'];
  /** hessian: the eigenvalues whose eigenvectors d1 and d2 are, ascending. */
  eigenvalues?: [number, number];
  /** interpolation: the points the plane passes through, and where they sit on it. */
  through?: (ParamRef & { point: [number, number] })[];
  /** The loss along (1 − t)·from + t·to, t from −0.5 to 1.5 (Goodfellow et al. 2015). */
  curve: { from: ParamRef; to: ParamRef; t: number[]; loss: number[] };
}

/** Per run, in the order given: its checkpoints on the plane. */
export interface RunProjection {
  name: string;
  /** [α, β] of each checkpoint's nearest point of the plane. */
  projection: [number, number][];
  /** Each checkpoint's distance from the plane: a slice shows the loss there, not at the checkpoint. */
  planeDistance: number[];
}

/** Margin around the path, as a fraction of its extent on each side (pca, interpolation). */
const PATH_MARGIN = 0.1;
/** A grid side spans at least this fraction of the other, so a straight path still gets a picture. */
const MIN_ASPECT = 0.1;
/** PCA over several paths diagonalises a Gram matrix of their checkpoints (O(m³)): this many at most, about 0.3 s. */
const MAX_PCA_CHECKPOINTS = 202;

/** The slice a spec asks for: its plane, its grid's axes, and what the run file says of them. */
export interface SlicePlane {
  centerRun: LandscapeRunInput;
  plane: Plane;
  alphas: Float64Array;
  betas: Float64Array;
  extras: Partial<LandscapeRecord>;
}

/** Computes a network experiment's loss landscape (docs/architecture.md, "Landscape slices") and its runs' paths on it. */
export async function computeLandscape(
  problem: ResolvedNetworkProblem,
  spec: LandscapeSpec,
  runs: readonly LandscapeRunInput[],
  options: LandscapeOptions = {},
): Promise<{ landscape: LandscapeRecord; runs: RunProjection[] }> {
  await useTensorBackend(options.backend);
  const grid = options.grid ?? ((plane, alphas, betas) => Promise.resolve(evaluateGrid(problem, plane, alphas, betas)));
  const { centerRun, plane, alphas, betas, extras } = chooseSlicePlane(problem, spec, runs);
  const initial: ParamRef = { run: centerRun.name, at: 'initial' };
  const final: ParamRef = { run: centerRun.name, at: 'final' };
  const values = await grid(plane, alphas, betas);
  const loss = Array.from({ length: betas.length }, (_, j) =>
    Array.from(values.subarray(j * alphas.length, (j + 1) * alphas.length)),
  );

  const curveEnds = spec.curve ?? { from: initial, to: final };
  const line = curveLine(paramVector(curveEnds.from, runs), paramVector(curveEnds.to, runs), spec.resolution);
  const curveLoss = await grid(line, line.alphas, line.betas);

  return {
    landscape: {
      directions: spec.directions,
      run: centerRun.name,
      center: Array.from(plane.center),
      d1: Array.from(plane.d1),
      d2: Array.from(plane.d2),
      alphas: Array.from(alphas),
      betas: Array.from(betas),
      loss,
      ...extras,
      curve: { ...curveEnds, t: Array.from(line.alphas), loss: Array.from(curveLoss) },
    },
    runs: runs.map(({ name, record }) => {
      const { coordinates, distances } = projectOntoPlane(record.checkpoints.params, plane);
      return { name, projection: coordinates, planeDistance: distances };
    }),
  };
}

/** The plane and grid of a slice, without evaluating it (the app asks the workers for the grid). */
export function chooseSlicePlane(
  problem: ResolvedNetworkProblem,
  spec: LandscapeSpec,
  runs: readonly LandscapeRunInput[],
): SlicePlane {
  const centerRun = spec.run ? runs.find((run) => run.name === spec.run) : runs[0];
  if (!centerRun)
    throw new InvalidInputError(
      spec.run ? `landscape.run: names no run: "${spec.run}"` : 'landscape: needs at least one run',
    );
  const random = createRandom(spec.seed);
  const randomFilterDirection = (): Float64Array =>
    randomDirection(centerRun.record.finalParams, problem.sizes, random, spec.biases);
  const final: ParamRef = { run: centerRun.name, at: 'final' };
  const initial: ParamRef = { run: centerRun.name, at: 'initial' };
  const path = centerRun.record.checkpoints.params;

  let plane: Plane;
  const extras: Partial<LandscapeRecord> = {};
  let interest: ArrayLike<number>[] = [];
  switch (spec.directions) {
    case 'random':
      plane = { center: centerRun.record.finalParams, d1: randomFilterDirection(), d2: randomFilterDirection() };
      extras.biases = spec.biases;
      break;
    case 'pca': {
      // The center run's path first: its first checkpoint decides the directions' signs.
      const paths =
        spec.pcaOf === 'all'
          ? [centerRun, ...runs.filter((run) => run !== centerRun)].map((run) => run.record.checkpoints.params)
          : [path];
      const pca = trajectoryPca(
        thinPaths(paths, MAX_PCA_CHECKPOINTS),
        centerRun.record.finalParams,
        randomFilterDirection,
      );
      plane = { center: centerRun.record.finalParams, d1: pca.d1, d2: pca.d2 };
      extras.explainedVariance = pca.explainedVariance;
      if (spec.pcaOf) extras.pcaOf = spec.pcaOf;
      interest = paths.flat();
      break;
    }
    case 'interpolation': {
      const through = spec.through ?? [initial, final];
      const points = through.map((ref) => paramVector(ref, runs));
      plane = planeThrough(points, randomFilterDirection);
      const onPlane = projectOntoPlane(points, plane).coordinates;
      extras.through = through.map((ref, k) => ({ ...ref, point: onPlane[k]! }));
      interest = [...points, ...path];
      break;
    }
    case 'hessian': {
      const center = centerRun.record.finalParams;
      const curvature = extremeCurvatureAt(problem, center, spec.seed);
      plane = { center, d1: curvature.vectors![0], d2: curvature.vectors![1] };
      extras.eigenvalues = curvature.eigenvalues;
      break;
    }
  }

  const { alphas, betas } = gridAxes(spec, interest.length ? projectOntoPlane(interest, plane).coordinates : []);
  return { centerRun, plane, alphas, betas, extras };
}

/** The whole grid in this thread. */
export function evaluateGrid(
  problem: ResolvedNetworkProblem,
  plane: Plane,
  alphas: Float64Array,
  betas: Float64Array,
): Float64Array {
  const evaluator = createGridEvaluator(problem, problem.train, plane);
  try {
    const out = new Float64Array(alphas.length * betas.length);
    betas.forEach((beta, j) =>
      evaluator.evaluate(alphas, new Float64Array(alphas.length).fill(beta), out, j * alphas.length),
    );
    return out;
  } finally {
    evaluator.dispose();
  }
}

/**
 * α and β: [−span, span] for random directions (Li et al.'s filter-normalised units) and Hessian
 * eigenvectors (unit vectors: parameter distance); for pca and interpolation, the box of the
 * path (and the points the plane passes through) with a margin, scaled by span about its middle.
 */
function gridAxes(spec: LandscapeSpec, interest: [number, number][]): { alphas: Float64Array; betas: Float64Array } {
  const n = spec.resolution;
  if (!interest.length)
    return { alphas: linspace(-spec.span, spec.span, n), betas: linspace(-spec.span, spec.span, n) };
  const range = (axis: 0 | 1): [number, number] => {
    const values = interest.map((point) => point[axis]);
    return [Math.min(...values), Math.max(...values)];
  };
  const [a, b] = [range(0), range(1)];
  const extents = [a[1] - a[0], b[1] - b[0]];
  const largest = Math.max(...extents) || 1;
  const axis = ([low, high]: [number, number], extent: number): Float64Array => {
    const half = spec.span * (0.5 + PATH_MARGIN) * Math.max(extent, MIN_ASPECT * largest);
    const middle = (low + high) / 2;
    return linspace(middle - half, middle + half, n);
  };
  return { alphas: axis(a, extents[0]!), betas: axis(b, extents[1]!) };
}

function paramVector(ref: ParamRef, runs: readonly LandscapeRunInput[]): Float32Array {
  const run = runs.find((candidate) => candidate.name === ref.run);
  if (!run) throw new InvalidInputError(`landscape: names no run: "${ref.run}"`);
  if (ref.at === 'initial') return run.record.initialParams;
  if (ref.at === 'final') return run.record.finalParams;
  const { steps, params } = run.record.checkpoints;
  const index = steps.indexOf(ref.at);
  if (index < 0) {
    const listed = steps.length > 6 ? [...steps.slice(0, 3), '…', steps.at(-1)] : steps;
    throw new InvalidInputError(
      `landscape: run "${ref.run}" has no checkpoint at step ${ref.at}; its checkpoints are at steps ${listed.join(', ')}`,
    );
  }
  return params[index]!;
}

/** The Hessian's extreme eigenpairs at `params`, on the training set (data loss only, as the grid). */
function extremeCurvatureAt(problem: ResolvedNetworkProblem, params: Float32Array, seed: number) {
  const model = new MlpModel(problem.sizes, problem.activation, problem.loss);
  const rows = model.upload(problem.train);
  try {
    return extremeEigenpairs(hessianOperator(model, params, rows), params.length, { seed, vectors: true });
  } finally {
    model.release(rows);
  }
}

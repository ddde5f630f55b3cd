import { landscapeSpecSchema, type LandscapeSpec } from '../../../shared/spec/spec';
import type { ResolvedNetworkProblem } from '../network/network-problem';
import type { NetworkRunRecord } from '../network/network-run';
import { chooseSlicePlane, type LandscapeRecord, type LandscapeRunInput } from './compute-landscape';

/** A slice's plane as the app receives it: the vectors and grid the workers evaluate, and what describes the axes. */
export interface PlaneDescription extends Pick<LandscapeRecord, 'explainedVariance' | 'eigenvalues' | 'through' | 'biases'> {
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  alphas: Float64Array;
  betas: Float64Array;
}

/** The plane a landscape spec chooses (chooseSlicePlane), in the protocol's typed arrays. */
export function describeSlicePlane(problem: ResolvedNetworkProblem, spec: LandscapeSpec, runs: readonly LandscapeRunInput[]): PlaneDescription {
  const { plane, alphas, betas, extras } = chooseSlicePlane(problem, spec, runs);
  const { explainedVariance, eigenvalues, through, biases } = extras;
  return {
    center: Float64Array.from(plane.center),
    d1: Float64Array.from(plane.d1),
    d2: Float64Array.from(plane.d2),
    alphas,
    betas,
    ...(explainedVariance ? { explainedVariance } : {}),
    ...(eigenvalues ? { eigenvalues } : {}),
    ...(through ? { through } : {}),
    ...(biases ? { biases } : {}),
  };
}

/** A finished run's PCA plane, offered to the app, which asks the workers for the grid on it. */
export interface RunPlane {
  explainedVariance: [number, number];
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  alphas: Float64Array;
  betas: Float64Array;
  /** The run's checkpoints, one parameter vector after another, and their steps. */
  checkpoints: Float64Array;
  checkpointSteps: Float64Array;
}

const PCA = landscapeSpecSchema.parse({ directions: 'pca' });

export function runPlane(problem: ResolvedNetworkProblem, name: string, record: NetworkRunRecord): RunPlane {
  const { explainedVariance, center, d1, d2, alphas, betas } = describeSlicePlane(problem, PCA, [{ name, record }]);
  const { params, steps } = record.checkpoints;
  const size = center.length;
  const checkpoints = new Float64Array(params.length * size);
  params.forEach((vector, k) => checkpoints.set(vector, k * size));
  return {
    explainedVariance: explainedVariance ?? [0, 0],
    center,
    d1,
    d2,
    alphas,
    betas,
    checkpoints,
    checkpointSteps: Float64Array.from(steps),
  };
}

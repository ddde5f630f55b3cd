import type { SlicePlaneMessage, ParsedSlicePlaneRequest } from '../../../shared/protocol';
import { splitCheckpoints } from '../../../shared/schemas/checkpoints';
import type { LandscapeSpec } from '../../../shared/spec/spec';
import { InvalidInputError } from '../invalid-input';
import type { ResolvedNetworkProblem } from '../network/network-problem';
import { paramCount } from '../network/param-layout';
import { useTensorBackend } from '../network/tensor-backend';
import { chooseSlicePlane, type LandscapeRecord, type LandscapeRunInput } from './compute-landscape';
import { resolveProblemCached } from './landscape-request';

/** A slice's plane as the app receives it: the vectors and grid the workers evaluate, and what describes the axes. */
interface PlaneDescription extends Pick<LandscapeRecord, 'explainedVariance' | 'eigenvalues' | 'through' | 'biases'> {
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  alphas: Float64Array;
  betas: Float64Array;
}

/** The plane a landscape spec chooses (chooseSlicePlane), in the protocol's typed arrays. */
function describeSlicePlane(
  problem: ResolvedNetworkProblem,
  spec: LandscapeSpec,
  runs: readonly LandscapeRunInput[],
): PlaneDescription {
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

/** Chooses the plane a client asks for (shared/protocol.ts, `slice-plane`) as the CLI does, from the runs' checkpoints. */
export async function answerSlicePlane(request: ParsedSlicePlaneRequest): Promise<SlicePlaneMessage> {
  if (!('mlp' in request.problem)) throw new InvalidInputError('problem: a landscape needs a network problem ("mlp")');
  const problem = await resolveProblemCached(request.problem.mlp);
  // The Hessian's directions need the model.
  await useTensorBackend();
  const size = paramCount(problem.sizes);
  const runs = request.runs.map(({ name, checkpoints }, k): LandscapeRunInput => {
    const { params: joined, steps } = checkpoints;
    if (joined.length !== steps.length * size) {
      throw new InvalidInputError(
        `runs[${k}].checkpoints.params: holds vectors of ${joined.length / steps.length} parameters; this network has ${size}`,
      );
    }
    const params = splitCheckpoints(checkpoints).params.map((vector) => Float32Array.from(vector));
    return {
      name,
      record: {
        initialParams: params[0]!,
        finalParams: params.at(-1)!,
        checkpoints: { steps: Array.from(steps), params },
      },
    };
  });
  return { type: 'slice-plane', requestId: request.requestId, ...describeSlicePlane(problem, request.landscape, runs) };
}

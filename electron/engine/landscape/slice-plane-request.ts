import type { SlicePlaneMessage, SlicePlaneRequest } from '../../../shared/protocol';
import { InvalidInputError } from '../invalid-input';
import { paramCount } from '../network/param-layout';
import { useTensorBackend } from '../network/tensor-backend';
import type { LandscapeRunInput } from './compute-landscape';
import { resolveProblemCached } from './landscape-request';
import { describeSlicePlane } from './run-plane';

/** Chooses the plane a client asks for (shared/protocol.ts, `slice-plane`) as the CLI does, from the runs' checkpoints. */
export async function answerSlicePlane(request: SlicePlaneRequest): Promise<SlicePlaneMessage> {
  if (!('mlp' in request.problem)) throw new InvalidInputError('problem: a landscape needs a network problem ("mlp")');
  const problem = await resolveProblemCached(request.problem.mlp);
  // The Hessian's directions need the model.
  await useTensorBackend();
  const size = paramCount(problem.sizes);
  const runs = request.runs.map(({ name, checkpoints, checkpointSteps }, k): LandscapeRunInput => {
    const count = checkpointSteps.length;
    if (checkpoints.length !== count * size) {
      throw new InvalidInputError(`runs[${k}].checkpoints: holds vectors of ${checkpoints.length / count} parameters; this network has ${size}`);
    }
    const params = Array.from({ length: count }, (_, c) => Float32Array.from(checkpoints.subarray(c * size, (c + 1) * size)));
    return { name, record: { initialParams: params[0]!, finalParams: params.at(-1)!, checkpoints: { steps: Array.from(checkpointSteps), params } } };
  });
  return { type: 'slice-plane', requestId: request.requestId, ...describeSlicePlane(problem, request.landscape, runs) };
}

import type { CurvatureAnswer, ParsedCurvatureRequest } from '../../../shared/protocol';
import { InvalidInputError } from '../invalid-input';
import { resolveProblemCached } from '../landscape/landscape-request';
import { extremeEigenpairs } from '../linalg/lanczos';
import { classifyCurvature, CHECKPOINT_LANCZOS, hessianOperator } from './curvature';
import { MlpModel } from './mlp-model';
import { paramCount } from './param-layout';
import { useTensorBackend } from './tensor-backend';

/**
 * The Hessian's extreme eigenvalues at a checkpoint a client picks (shared/protocol.ts,
 * `curvature`): the training set in evaluation mode, l2 included, Lanczos with the run's seed and
 * the same bounded iterations as the checkpoints a run measures itself, so the two agree.
 */
export async function answerCurvature(request: ParsedCurvatureRequest): Promise<CurvatureAnswer> {
  if (!('mlp' in request.problem)) throw new InvalidInputError('problem: curvature needs a network problem ("mlp")');
  const problem = await resolveProblemCached(request.problem.mlp);
  const size = paramCount(problem.sizes);
  if (request.params.length !== size)
    throw new InvalidInputError(`params: holds ${request.params.length} parameters; this network has ${size}`);
  await useTensorBackend();
  const model = new MlpModel(problem.sizes, problem.activation, problem.loss);
  const rows = model.upload(problem.train);
  try {
    const params = Float32Array.from(request.params);
    const curvature = extremeEigenpairs(hessianOperator(model, params, rows, request.l2), size, {
      seed: request.seed,
      ...CHECKPOINT_LANCZOS,
    });
    return {
      type: 'curvature',
      requestId: request.requestId,
      step: request.step,
      eigenvalues: curvature.eigenvalues,
      kind: classifyCurvature(curvature),
    };
  } finally {
    model.release(rows);
  }
}

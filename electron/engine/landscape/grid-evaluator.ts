import type { Dataset } from '../network/dataset';
import { KernelPlaneEvaluator, kernelCoversPlane } from './kernel-plane-evaluator';
import { PlaneEvaluator, type NetworkShape, type Plane } from './plane-evaluator';

/** The loss at points of a plane: on the WASM kernel where it covers the network, else on tfjs. */
export type GridEvaluator = Pick<PlaneEvaluator, 'evaluate' | 'dispose'>;

export function createGridEvaluator(
  shape: NetworkShape,
  data: Dataset,
  plane: Plane,
  options: { kernel?: boolean } = {},
): GridEvaluator {
  return options.kernel !== false && kernelCoversPlane(shape)
    ? new KernelPlaneEvaluator(shape, data, plane)
    : new PlaneEvaluator(shape, data, plane);
}

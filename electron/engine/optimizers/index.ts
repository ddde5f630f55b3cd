import type { OptimizerSpec } from '../../../shared/spec/optimizer-spec';
import { createAdadelta } from './adadelta';
import { createAdagrad } from './adagrad';
import { createAdam } from './adam';
import { createAdamax } from './adamax';
import { createLion } from './lion';
import { createNadam } from './nadam';
import type { Optimizer } from './optimizer';
import { createRadam } from './radam';
import { createRmsprop } from './rmsprop';
import { createSgd } from './sgd';

export type { Optimizer, Vector } from './optimizer';

/**
 * A torch.optim optimizer over a flat vector of `size` parameters, its state in float64.
 * Each call to step() is one torch `optimizer.step()` (single-tensor path, torch 2.x rules).
 */
export function createOptimizer(spec: OptimizerSpec, size: number): Optimizer {
  switch (spec.name) {
    case 'sgd':
      return createSgd(spec, size);
    case 'adagrad':
      return createAdagrad(spec, size);
    case 'rmsprop':
      return createRmsprop(spec, size);
    case 'adadelta':
      return createAdadelta(spec, size);
    case 'adam':
    case 'adamw':
      return createAdam(spec, size);
    case 'adamax':
      return createAdamax(spec, size);
    case 'nadam':
      return createNadam(spec, size);
    case 'radam':
      return createRadam(spec, size);
    case 'lion':
      return createLion(spec, size);
  }
}

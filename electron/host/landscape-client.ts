import type { NetworkProblem } from '../../shared/spec/spec';
import type { GridEvaluator } from '../engine/landscape/compute-landscape';
import type { RunHost } from './run-host';

/**
 * computeLandscape's grid through the host: split across its worker pool (both cores) and
 * answered from its cache when the same slice was computed before. Resolves with the whole grid.
 */
export function hostGridEvaluator(host: RunHost, problem: NetworkProblem): GridEvaluator {
  let requests = 0;
  return (plane, alphas, betas) =>
    new Promise((resolve, reject) => {
      const requestId = `grid-${++requests}`;
      const grid = new Float64Array(alphas.length * betas.length);
      const connection = host.connect((message) => {
        if (!('requestId' in message) || message.requestId !== requestId) return;
        if (message.type === 'error') {
          connection.close();
          reject(new Error(message.message));
        } else if (message.type === 'landscape') {
          message.indices.forEach((index, k) => (grid[index] = message.values[k]!));
          if (message.status === 'computing') return;
          connection.close();
          if (message.status === 'complete') resolve(grid);
          else reject(new Error('the landscape was cancelled'));
        }
      });
      connection.receive({
        type: 'landscape',
        requestId,
        problem,
        center: Float64Array.from(plane.center),
        d1: Float64Array.from(plane.d1),
        d2: Float64Array.from(plane.d2),
        alphas,
        betas,
      });
    });
}

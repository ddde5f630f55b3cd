import { objectiveForProblem } from '../../shared/functions/problem-objective';
import type { StartMessage } from '../../shared/protocol';
import type { EngineRun } from './engine-run';
import { FunctionRun } from './functions/function-run';
import { InvalidInputError } from './invalid-input';

/**
 * Builds the engine run a client's start message asks for. Network code (tfjs) loads only when
 * a network is asked for, so function-only workers start fast.
 */
export async function createEngineRun(message: StartMessage): Promise<EngineRun> {
  const { problem, run } = message;
  if ('mlp' in problem) {
    if (!run.init) throw new InvalidInputError('run.init: is required for a network: { "scheme", "seed" }');
    const [{ resolveNetworkProblem }, { createNetworkRun }] = await Promise.all([
      import('./network/network-problem'),
      import('./network/network-run'),
    ]);
    return createNetworkRun(await resolveNetworkProblem(problem.mlp), { ...run, init: run.init });
  }
  if (!run.start) throw new InvalidInputError('run.start: is required for a function: [x, y]');
  return new FunctionRun(objectiveForProblem(problem), { ...run, start: run.start });
}

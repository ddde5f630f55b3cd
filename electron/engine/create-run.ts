import { objectiveForProblem } from '../../shared/functions/problem-objective';
import type { StartMessage } from '../../shared/protocol';
import type { EngineRun } from './engine-run';
import { FunctionRun } from './functions/function-run';

/** Builds the engine run a start message asks for. */
export async function createEngineRun(message: StartMessage): Promise<EngineRun> {
  const { problem, run } = message;
  if ('mlp' in problem) {
    throw new Error('network problems are not available yet');
  }
  if (!run.start) throw new Error('run.start: is required for a function: [x, y]');
  return new FunctionRun(objectiveForProblem(problem), { ...run, start: run.start });
}

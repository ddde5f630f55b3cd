import type { FunctionProblem } from '../spec/spec';
import { catalogFunction } from './catalog';
import { compileExpression } from './expression';
import type { Objective2D } from './objective';

/** The function a function problem names: a catalog entry or a compiled user expression. */
export function objectiveForProblem(problem: FunctionProblem): Objective2D {
  return 'function' in problem ? catalogFunction(problem.function) : compileExpression(problem.expression);
}

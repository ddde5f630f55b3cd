import { objectiveForProblem } from '../../../shared/functions/problem-objective';
import type { SurfaceMessage, SurfaceRequest } from '../../../shared/protocol';
import { findCriticalPoints } from './critical-points';
import { computeSurface } from './surface';

/** Answers the UI's request for a function's surface and its critical points. */
export function answerSurfaceRequest(request: SurfaceRequest): SurfaceMessage {
  if ('mlp' in request.problem) throw new Error('problem: a surface request needs a function problem');
  const objective = objectiveForProblem(request.problem);
  const grid = computeSurface(objective, request.bounds, request.resolution);
  return {
    type: 'surface',
    requestId: request.requestId,
    ...grid,
    criticalPoints: findCriticalPoints(objective, request.bounds),
  };
}

import { objectiveForProblem } from '../../shared/functions/problem-objective';
import type { ExperimentSpec } from '../../shared/spec/spec';
import type { RunFile, RunRecord } from '../../shared/run-file';
import { findCriticalPoints } from './functions/critical-points';
import { FunctionRun } from './functions/function-run';
import { computeSurface } from './functions/surface';
import { InvalidInputError } from './invalid-input';

export type ProgressListener = (line: string) => void;

/** Runs a whole experiment in this thread and returns its run file (CONTRACT.md). */
export async function runExperiment(spec: ExperimentSpec, progress: ProgressListener): Promise<RunFile> {
  const { problem } = spec;
  if ('mlp' in problem) throw new Error('network problems are not available yet');
  const objective = objectiveForProblem(problem);
  const bounds = spec.bounds!;
  const runs: RunRecord[] = spec.runs.map((run, index) => {
    let engineRun: FunctionRun;
    try {
      engineRun = new FunctionRun(objective, { ...run, start: run.start! });
    } catch (error) {
      if (error instanceof InvalidInputError) throw new InvalidInputError(`runs[${index}].${error.message}`);
      throw error;
    }
    engineRun.advance(run.steps + 1);
    const result = engineRun.result();
    const steps = result.loss.length - 1;
    progress(`run "${run.name}": ${result.status} after ${steps} steps, loss ${formatNumber(result.loss[steps]!)}`);
    return {
      name: run.name,
      status: result.status === 'running' ? 'cancelled' : result.status,
      trajectory: pairs(result.trajectory),
      loss: Array.from(result.loss),
      gradNorm: Array.from(result.gradNorm),
      lr: Array.from(result.lr),
      events: result.events,
    };
  });
  const resolution = spec.surface!.resolution;
  const grid = computeSurface(objective, bounds, resolution);
  const z: number[][] = [];
  for (let j = 0; j < resolution; j++) z.push(Array.from(grid.z.subarray(j * resolution, (j + 1) * resolution)));
  const criticalPoints = findCriticalPoints(objective, bounds);
  progress(`surface ${resolution}×${resolution}, ${criticalPoints.length} critical points`);
  return {
    format: 'gradscape.run',
    version: 1,
    spec: spec as unknown as Record<string, unknown>,
    runs,
    criticalPoints,
    surface: { x: Array.from(grid.x), y: Array.from(grid.y), z },
  };
}

function pairs(flat: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

const formatNumber = (value: number): string => (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? value.toFixed(4) : value.toExponential(3));

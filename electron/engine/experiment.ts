import { formatValue } from '../../shared/format-number';
import { objectiveForProblem } from '../../shared/functions/problem-objective';
import type { FunctionProblem, LoadedExperimentSpec, NetworkProblem } from '../../shared/spec/spec';
import { countParameters, landscapeWorkProblem } from '../../shared/limits';
import type { RunFile, RunRecord } from '../../shared/run-file';
import { RUN_FILE_STATUSES, savedRunStatus } from '../../shared/run-status';
import { findCriticalPoints } from './functions/critical-points';
import { FunctionRun } from './functions/function-run';
import { computeSurface } from './functions/surface';
import { InvalidInputError } from './invalid-input';
import type { GridEvaluator, LandscapeRunInput } from './landscape/compute-landscape';
import type { Dataset } from './network/dataset';

export type ProgressListener = (line: string) => void;

export interface ExperimentOptions {
  progress: ProgressListener;
  /** Networks: evaluates landscape grids (the CLI splits them across a worker pool); default: this thread. */
  grid?: (problem: NetworkProblem) => GridEvaluator;
}

/** Runs a whole experiment in this thread and returns its run file (docs/formats.md); a CSV comes as its content (electron/user-files.ts). */
export async function runExperiment(spec: LoadedExperimentSpec, options: ExperimentOptions): Promise<RunFile> {
  const { problem } = spec;
  const body =
    'mlp' in problem ? await runNetworks(spec, problem, options) : runFunctions(spec, problem, options.progress);
  return { format: 'gradscape.run', version: 1, spec: spec as unknown as Record<string, unknown>, ...body };
}

type RunFileBody = { runs: RunRecord[] } & Record<string, unknown>;

function runFunctions(spec: LoadedExperimentSpec, problem: FunctionProblem, progress: ProgressListener): RunFileBody {
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
    reportRun(progress, run.name, result.status, result.loss);
    return {
      name: run.name,
      status: savedRunStatus(result.status, RUN_FILE_STATUSES),
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
  return { runs, criticalPoints, surface: { x: Array.from(grid.x), y: Array.from(grid.y), z } };
}

/** Steps per advance() call: often enough to report progress, rarely enough to cost nothing. */
const NETWORK_CHUNK = 200;

async function runNetworks(
  spec: LoadedExperimentSpec,
  problem: NetworkProblem,
  options: ExperimentOptions,
): Promise<RunFileBody> {
  const [{ resolveNetworkProblem }, { createNetworkRun }, { computeLandscape }] = await Promise.all([
    import('./network/network-problem'),
    import('./network/network-run'),
    import('./landscape/compute-landscape'),
  ]);
  const resolved = await resolveNetworkProblem(problem.mlp);
  const landscapeSpec = spec.landscape!;
  // A CSV's rows are known only now: refuse a landscape over the limit before any training.
  const tooCostly = landscapeWorkProblem(
    landscapeSpec.resolution ** 2,
    resolved.train.rows,
    countParameters(resolved.sizes),
  );
  if (tooCostly) throw new InvalidInputError(`landscape.resolution: ${tooCostly}`);
  let backend = '';
  const runs: RunRecord[] = [];
  const records: LandscapeRunInput[] = [];
  for (const run of spec.runs) {
    const engineRun = await createNetworkRun(resolved, { ...run, init: run.init! });
    let reported = 0;
    while (engineRun.status === 'running') {
      const batch = engineRun.advance(NETWORK_CHUNK);
      const done = batch.fromStep + batch.loss.length - 1;
      if (done - reported >= run.steps / 10 && engineRun.status === 'running') {
        options.progress(`run "${run.name}": step ${done}/${run.steps}, loss ${formatValue(batch.loss.at(-1)!)}`);
        reported = done;
      }
    }
    const result = engineRun.result();
    records.push({ name: run.name, record: result });
    backend = result.backend;
    reportRun(options.progress, run.name, result.status, result.loss);
    runs.push({
      name: run.name,
      status: savedRunStatus(result.status, RUN_FILE_STATUSES),
      loss: Array.from(result.loss),
      ...(result.testLoss ? { testLoss: Array.from(result.testLoss) } : {}),
      gradNorm: Array.from(result.gradNorm),
      lr: Array.from(result.lr),
      events: result.events,
      paramLayout: result.paramLayout,
      initialParams: float32Json(result.initialParams),
      finalParams: float32Json(result.finalParams),
      layerGradNorms: result.layerGradNorms,
      checkpoints: { steps: result.checkpoints.steps, params: result.checkpoints.params.map(float32Json) },
      curvature: result.curvature,
    });
  }
  options.progress(
    `landscape: ${landscapeSpec.directions} directions, ${landscapeSpec.resolution}×${landscapeSpec.resolution} grid`,
  );
  const { landscape, runs: projections } = await computeLandscape(
    resolved,
    landscapeSpec,
    records,
    options.grid ? { grid: options.grid(problem) } : {},
  );
  for (const { name, projection, planeDistance } of projections) {
    Object.assign(
      runs.find((run) => run.name === name)!,
      { projection, planeDistance },
    );
  }
  return {
    engine: { backend },
    runs,
    landscape,
    dataset: { ...datasetJson(resolved.train), ...(resolved.test ? { test: datasetJson(resolved.test) } : {}) },
  };
}

function reportRun(progress: ProgressListener, name: string, status: string, loss: Float64Array): void {
  progress(`run "${name}": ${status} after ${loss.length - 1} steps, loss ${formatValue(loss.at(-1)!)}`);
}

function datasetJson(dataset: Dataset): { x: number[][]; y: number[] } {
  const x: number[][] = [];
  for (let r = 0; r < dataset.rows; r++)
    x.push(float32Json(dataset.x.subarray(r * dataset.features, (r + 1) * dataset.features)));
  return { x, y: float32Json(dataset.y) };
}

/** Nine significant digits identify every float32 exactly, and keep run files short. */
function float32Json(values: Float32Array): number[] {
  return Array.from(values, (value) => Number(value.toPrecision(9)));
}

function pairs(flat: Float64Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

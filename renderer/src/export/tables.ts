import type { RunFile } from '../../../shared/run-file';
import { RUN_FILE_STATUSES, savedRunStatus } from '../../../shared/run-status';
import type { FunctionProblem } from '../../../shared/spec/spec';
import type { Bounds } from '../../../shared/functions/objective';
import type { RunEntry, SurfaceData } from '../store/app-model';

/** Numbers as CSV writes them: shortest round-trip text; NaN and ±Infinity as numpy reads them. */
const cell = (value: number): string =>
  Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';

/** The surface as rows of x, y, f(x, y). */
export function surfaceCsv(surface: SurfaceData): string {
  const lines = ['x,y,loss'];
  const nx = surface.x.length;
  for (let j = 0; j < surface.y.length; j++) {
    for (let i = 0; i < nx; i++)
      lines.push(`${cell(surface.x[i]!)},${cell(surface.y[j]!)},${cell(surface.z[j * nx + i]!)}`);
  }
  return lines.join('\n') + '\n';
}

export const RUN_CSV_COLUMNS = ['run', 'step', 'x', 'y', 'loss', 'gradNorm', 'lr'] as const;

/** Every run's points, one row per run and step. */
export function runsCsv(runs: readonly RunEntry[]): string {
  const lines: string[] = [RUN_CSV_COLUMNS.join(',')];
  for (const run of runs) {
    const name = /[",\n]/.test(run.name) ? `"${run.name.replace(/"/g, '""')}"` : run.name;
    const { points, loss, gradNorm, lr, count } = run.series;
    for (let step = 0; step < count; step++) {
      lines.push(
        [
          name,
          step,
          cell(points[2 * step]!),
          cell(points[2 * step + 1]!),
          cell(loss[step]!),
          cell(gradNorm[step]!),
          cell(lr[step]!),
        ].join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** The runs as a run file (docs/formats.md, version 1), with the surface and its critical points. */
export function runsJson(
  problem: FunctionProblem,
  bounds: Bounds,
  runs: readonly RunEntry[],
  surface: SurfaceData | null,
): RunFile {
  const finalRuns = runs.map((run) => {
    const { points, loss, gradNorm, lr, count } = run.series;
    const trajectory: [number, number][] = [];
    for (let step = 0; step < count; step++) trajectory.push([points[2 * step]!, points[2 * step + 1]!]);
    return {
      name: run.name,
      // The run file knows finished runs only; one still streaming is written as cut short.
      status: savedRunStatus(run.status, RUN_FILE_STATUSES),
      trajectory,
      loss: Array.from(loss.subarray(0, count)),
      gradNorm: Array.from(gradNorm.subarray(0, count)),
      lr: Array.from(lr.subarray(0, count)),
      events: run.events,
    } as const;
  });
  return {
    format: 'gradscape.run',
    version: 1,
    spec: {
      version: 1,
      problem,
      bounds,
      runs: runs.map((run) => ({ name: run.name, start: run.start, optimizer: run.optimizer, steps: run.steps })),
    },
    runs: finalRuns,
    ...(surface
      ? {
          criticalPoints: surface.criticalPoints,
          surface: {
            x: Array.from(surface.x),
            y: Array.from(surface.y),
            z: Array.from(surface.y, (_, j) =>
              Array.from(surface.z.subarray(j * surface.x.length, (j + 1) * surface.x.length)),
            ),
          },
        }
      : {}),
  };
}

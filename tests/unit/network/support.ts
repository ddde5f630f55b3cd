import { initSpecSchema, mlpProblemSchema } from '../../../shared/spec/network-spec';
import { optimizerSpecSchema } from '../../../shared/spec/optimizer-spec';
import { scheduleSpecSchema } from '../../../shared/spec/schedule-spec';
import { resolveNetworkProblem, type ResolvedNetworkProblem } from '../../../electron/engine/network/network-problem';
import type { NetworkRunSpec } from '../../../electron/engine/network/network-run';
import type { Dataset } from '../../../electron/engine/network/dataset';

/** An MLP problem as a spec gives it, parsed and loaded. */
/** A fixture's rows as a Dataset: features from the first layer's width. */
export function datasetOf(c: { x: number[]; y: number[]; rows: number; sizes: readonly number[] }): Dataset {
  const features = c.sizes[0]!;
  return {
    x: Float32Array.from(c.x),
    y: Float32Array.from(c.y),
    rows: c.rows,
    features,
    featureNames: Array.from({ length: features }, (_, i) => `x${i + 1}`),
    targetName: 'y',
  };
}

export function problemOf(mlp: Record<string, unknown>): Promise<ResolvedNetworkProblem> {
  return resolveNetworkProblem(mlpProblemSchema.parse(mlp));
}

/** A run spec with its defaults filled in (init glorot_uniform, adam 0.01, 100 steps). */
export function runSpec(run: Record<string, unknown>): NetworkRunSpec {
  return {
    steps: 100,
    seed: 0,
    ...run,
    init: initSpecSchema.parse(run.init ?? { scheme: 'glorot_uniform', seed: 1 }),
    optimizer: optimizerSpecSchema.parse(run.optimizer ?? { name: 'adam', lr: 0.01 }),
    schedule: run.schedule === undefined ? undefined : scheduleSpecSchema.parse(run.schedule),
  } as NetworkRunSpec;
}

import { initSpecSchema, mlpProblemSchema } from '../../../shared/spec/network-spec';
import { optimizerSpecSchema } from '../../../shared/spec/optimizer-spec';
import { scheduleSpecSchema } from '../../../shared/spec/schedule-spec';
import { resolveNetworkProblem, type ResolvedNetworkProblem } from '../../../electron/engine/network/network-problem';
import type { NetworkRunSpec } from '../../../electron/engine/network/network-run';

/** An MLP problem as a spec gives it, parsed and loaded. */
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

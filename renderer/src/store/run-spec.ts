import { describeIssue } from '../../../shared/describe-issue';
import { initSpecSchema, mlpProblemSchema, type InitSpec, type MlpProblem } from '../../../shared/spec/network-spec';
import type { RunSpec } from '../../../shared/spec/spec';
import {
  DEFAULT_NETWORK,
  type NetworkDraft,
  type ProblemKind,
  type Regularization,
  type RunSettings,
} from './app-model';

/*
 * The run form's settings and the spec's run fields (docs/formats.md), both ways: a run started
 * or saved becomes spec fields, and a saved run's spec becomes the settings it is shown with.
 */

/** The network draft through the spec's own schemas: one line naming the field when it is wrong. */
export function checkNetwork(
  network: NetworkDraft,
): { mlp: MlpProblem; init: InitSpec; layers: number; hasTest: boolean } | { error: string } {
  const mlp = mlpProblemSchema.safeParse(network.mlp);
  if (!mlp.success) return { error: `network: ${describeIssue(mlp.error)}` };
  const init = initSpecSchema.safeParse(network.init);
  if (!init.success) return { error: `initialization: ${describeIssue(init.error)}` };
  return { mlp: mlp.data, init: init.data, layers: mlp.data.hidden.length + 1, hasTest: mlp.data.testFraction > 0 };
}

/**
 * A run's settings as the spec's run fields, without what this kind of problem does not take; a
 * network's initialization as drafted (a start message sends it as checkNetwork parsed it).
 */
export function runSpecFields(name: string, settings: RunSettings, kind: ProblemKind) {
  const { optimizer, steps, seed, schedule, clipNorm, gradientNoise, start, batchSize, init } = settings;
  return {
    name,
    optimizer,
    steps,
    seed,
    ...(schedule ? { schedule } : {}),
    ...(clipNorm !== undefined ? { clipNorm } : {}),
    ...(kind === 'function'
      ? { start, ...(gradientNoise !== undefined ? { gradientNoise } : {}) }
      : {
          init,
          ...(batchSize > 0 ? { batchSize } : {}),
          ...regularizationOf(settings),
        }),
  };
}

/**
 * The settings a run's spec was started with, as the form holds them; the fields its kind does
 * not take get the form's defaults (a network's start, a function's initialization).
 */
export function runSettingsOf(spec: RunSpec): RunSettings {
  return {
    optimizer: spec.optimizer,
    steps: spec.steps,
    start: spec.start ?? [0, 0],
    init: spec.init ?? DEFAULT_NETWORK.init,
    batchSize: spec.batchSize ?? 0,
    seed: spec.seed,
    ...(spec.schedule ? { schedule: spec.schedule } : {}),
    ...(spec.clipNorm !== undefined ? { clipNorm: spec.clipNorm } : {}),
    ...(spec.gradientNoise !== undefined ? { gradientNoise: spec.gradientNoise } : {}),
    ...regularizationOf(spec),
  };
}

/** The l1, l2 and dropout a run's settings or spec set, leaving out those it does not. */
export function regularizationOf({ l1, l2, dropout }: Regularization): Regularization {
  return {
    ...(l1 !== undefined ? { l1 } : {}),
    ...(l2 !== undefined ? { l2 } : {}),
    ...(dropout !== undefined ? { dropout } : {}),
  };
}

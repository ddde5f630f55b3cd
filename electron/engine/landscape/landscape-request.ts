import { countParameters, landscapeWorkProblem } from '../../../shared/limits';
import { progressiveLevels } from '../../../shared/landscape-levels';
import type { LandscapeMessage, LandscapePartRequest } from '../../../shared/protocol';
import { separateCsvText, type MlpProblem } from '../../../shared/spec/network-spec';
import { InvalidInputError } from '../invalid-input';
import { resolveNetworkProblem, type ResolvedNetworkProblem } from '../network/network-problem';
import { useTensorBackend } from '../network/tensor-backend';
import { createGridEvaluator } from './grid-evaluator';

/** Work between looks at the message queue (a cancel): batches of points sized to take about this long. */
const BATCH_MS = 25;
const FIRST_BATCH = 8;
/** A claim takes at most this share of the points left, so the workers sharing a grid finish together (guided self-scheduling). */
const LEFT_SHARE = 1 / 4;
/** Values are posted at least this often, so the picture fills in as it is computed. */
const POST_EVERY_MS = 100;

export interface LandscapeWorkerEnvironment {
  post(message: LandscapeMessage): void;
  /** Lets the worker's other messages through; then `cancelled` says whether this request was cancelled. */
  yield(): Promise<void>;
  cancelled(): boolean;
  now(): number;
}

/**
 * Computes one worker's share of a landscape (shared/protocol.ts, landscape parts): claims batches
 * of the coarse-first order from the counter the shares hold in common until none is left,
 * posting values as they come, one level per message, and stops at a cancel between batches.
 */
export async function answerLandscapePart(
  request: LandscapePartRequest,
  env: LandscapeWorkerEnvironment,
): Promise<void> {
  if (!('mlp' in request.problem)) throw new Error('problem: a landscape needs a network problem ("mlp")');
  const problem = await resolveProblemCached(request.problem.mlp);
  await useTensorBackend();
  const { requestId, alphas, betas, claimed } = request;
  const levels = progressiveLevels(alphas.length, betas.length);
  const order = Int32Array.from(levels.flatMap((level) => Array.from(level)));
  const levelOf = Uint8Array.from(levels.flatMap((level, l) => Array<number>(level.length).fill(l)));
  const total = order.length;
  // A CSV's rows are known only now; the protocol checked named datasets' grids already.
  const tooCostly = landscapeWorkProblem(total, problem.train.rows, countParameters(problem.sizes));
  if (tooCostly) throw new InvalidInputError(`alphas: ${tooCostly}`);
  const evaluator = createGridEvaluator(problem, problem.train, request);
  let computed = 0;
  let batch = FIRST_BATCH;
  // Values computed and not yet posted: all of one level.
  let level = 0;
  let indices: number[] = [];
  let values: number[] = [];
  // The first batch is posted at once, so the coarse picture starts to show.
  let lastPost = -Infinity;
  const post = (status: LandscapeMessage['status']): void => {
    env.post({
      type: 'landscape',
      requestId,
      status,
      level,
      indices: Float64Array.from(indices),
      values: Float64Array.from(values),
      computed,
      total,
    });
    [indices, values, lastPost] = [[], [], env.now()];
  };
  try {
    for (;;) {
      await env.yield();
      if (env.cancelled()) {
        [indices, values] = [[], []];
        post('cancelled');
        return;
      }
      const claim = Math.max(1, Math.min(batch, Math.ceil((total - Atomics.load(claimed, 0)) * LEFT_SHARE)));
      const from = Atomics.add(claimed, 0, claim);
      if (from >= total) break;
      const to = Math.min(total, from + claim);
      const points = order.subarray(from, to);
      const losses = new Float64Array(points.length);
      const started = env.now();
      evaluator.evaluate(
        Float64Array.from(points, (p) => alphas[p % alphas.length]!),
        Float64Array.from(points, (p) => betas[Math.floor(p / alphas.length)]!),
        losses,
      );
      // Aim the next batch at BATCH_MS, growing at most 4× at a time.
      batch = Math.max(
        1,
        Math.min(4 * batch, Math.round((points.length * BATCH_MS) / Math.max(env.now() - started, 0.1))),
      );
      computed += points.length;
      for (let k = from; k < to; k++) {
        if (levelOf[k] !== level && indices.length) post('computing');
        level = levelOf[k]!;
        indices.push(order[k]!);
        values.push(losses[k - from]!);
      }
      // A level is posted as soon as all its points are claimed, so the picture sharpens level by level.
      const levelClaimed = to < total && levelOf[to] !== level;
      if (levelClaimed || env.now() - lastPost >= POST_EVERY_MS) post('computing');
    }
    post('complete');
  } finally {
    evaluator.dispose();
  }
}

/** The last problem loaded: the slices of one experiment share its data, which a large CSV makes slow to read. */
let lastProblem: { key: ProblemKey; problem: Promise<ResolvedNetworkProblem> } | undefined;

export function resolveProblemCached(mlp: MlpProblem): Promise<ResolvedNetworkProblem> {
  const key = problemKey(mlp);
  if (!lastProblem || lastProblem.key.csvText !== key.csvText || lastProblem.key.rest !== key.rest) {
    const problem = resolveNetworkProblem(mlp);
    lastProblem = { key, problem };
    problem.catch(() => {
      if (lastProblem?.problem === problem) lastProblem = undefined;
    });
  }
  return lastProblem.problem;
}

/**
 * What a problem is, for the cache: a CSV's content, which equal keys then share, compared as a
 * string (its JSON would copy megabytes per request), and the rest as JSON.
 */
interface ProblemKey {
  csvText?: string;
  rest: string;
}

function problemKey(mlp: MlpProblem): ProblemKey {
  const { csvText, rest } = separateCsvText(mlp);
  return { csvText, rest: JSON.stringify(rest) };
}

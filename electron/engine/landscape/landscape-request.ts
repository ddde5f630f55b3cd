import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { progressiveLevels } from '../../../shared/landscape-levels';
import type { LandscapeMessage, LandscapePartRequest } from '../../../shared/protocol';
import type { MlpProblem } from '../../../shared/spec/network-spec';
import { resolveNetworkProblem, type ResolvedNetworkProblem } from '../network/network-problem';
import { useTensorBackend } from '../network/tensor-backend';
import { PlaneEvaluator } from './plane-evaluator';

/** Work between looks at the message queue (a cancel): batches of points sized to take about this long. */
const BATCH_MS = 25;
const FIRST_BATCH = 8;
/** A level's values are posted at least this often, so the picture fills in as it is computed. */
const POST_EVERY_MS = 100;

export interface LandscapeWorkerEnvironment {
  post(message: LandscapeMessage): void;
  /** Lets the worker's other messages through; then `cancelled` says whether this request was cancelled. */
  yield(): Promise<void>;
  cancelled(): boolean;
  now(): number;
}

/**
 * Computes one worker's share of a landscape (shared/protocol.ts, landscape parts) level by
 * level, coarse first, posting values as they come, and stops at a cancel between batches.
 */
export async function answerLandscapePart(request: LandscapePartRequest, env: LandscapeWorkerEnvironment): Promise<void> {
  if (!('mlp' in request.problem)) throw new Error('problem: a landscape needs a network problem ("mlp")');
  const problem = await resolveProblemCached(request.problem.mlp);
  await useTensorBackend();
  const { requestId, alphas, betas, part } = request;
  const [index, count] = part;
  const levels = progressiveLevels(alphas.length, betas.length).map((level) => level.filter((_, q) => q % count === index));
  const total = levels.reduce((sum, level) => sum + level.length, 0);
  const evaluator = new PlaneEvaluator(problem, problem.train, request);
  let computed = 0;
  let batch = FIRST_BATCH;
  const message = (status: LandscapeMessage['status'], level: number, indices: Int32Array, values: Float64Array): LandscapeMessage => ({
    type: 'landscape',
    requestId,
    status,
    level,
    indices: Float64Array.from(indices),
    values,
    computed,
    total,
  });
  try {
    for (let level = 0; level < levels.length; level++) {
      const points = levels[level]!;
      const a = Float64Array.from(points, (p) => alphas[p % alphas.length]!);
      const b = Float64Array.from(points, (p) => betas[Math.floor(p / alphas.length)]!);
      const values = new Float64Array(points.length);
      let posted = 0;
      let lastPost = env.now();
      for (let from = 0, to = 0; from < points.length; from = to) {
        await env.yield();
        if (env.cancelled()) {
          env.post(message('cancelled', level, new Int32Array(0), new Float64Array(0)));
          return;
        }
        to = Math.min(points.length, from + batch);
        const started = env.now();
        evaluator.evaluate(a.subarray(from, to), b.subarray(from, to), values, from);
        // Aim the next batch at BATCH_MS, growing at most 4× at a time.
        batch = Math.max(1, Math.min(4 * batch, Math.round(((to - from) * BATCH_MS) / Math.max(env.now() - started, 0.1))));
        computed += to - from;
        if (to === points.length || env.now() - lastPost >= POST_EVERY_MS) {
          env.post(message(computed === total ? 'complete' : 'computing', level, points.subarray(posted, to), values.slice(posted, to)));
          posted = to;
          lastPost = env.now();
        }
      }
    }
    if (total === 0) env.post(message('complete', 0, new Int32Array(0), new Float64Array(0)));
  } finally {
    evaluator.dispose();
  }
}

/** The last problem loaded: the slices of one experiment share its data, which a large CSV makes slow to read. */
let lastProblem: { key: string; problem: Promise<ResolvedNetworkProblem> } | undefined;

export function resolveProblemCached(mlp: MlpProblem): Promise<ResolvedNetworkProblem> {
  let key = JSON.stringify(mlp);
  if ('csv' in mlp.dataset) {
    try {
      const { mtimeMs, size } = statSync(resolve(mlp.dataset.csv));
      key += `|${mtimeMs}|${size}`;
    } catch {
      lastProblem = undefined;
      return resolveNetworkProblem(mlp);
    }
  }
  if (lastProblem?.key !== key) {
    const problem = resolveNetworkProblem(mlp);
    lastProblem = { key, problem };
    problem.catch(() => {
      if (lastProblem?.problem === problem) lastProblem = undefined;
    });
  }
  return lastProblem.problem;
}

import { describe, expect, it } from 'vitest';
import {
  answerLandscapePart,
  type LandscapeWorkerEnvironment,
} from '../../../electron/engine/landscape/landscape-request';
import { evaluateGrid } from '../../../electron/engine/landscape/compute-landscape';
import { resolveNetworkProblem } from '../../../electron/engine/network/network-problem';
import { progressiveLevels } from '../../../shared/landscape-levels';
import type { LandscapeMessage, LandscapePartRequest } from '../../../shared/protocol';
import { mlpProblemSchema } from '../../../shared/spec/network-spec';

const mlp = mlpProblemSchema.parse({
  dataset: { name: 'moons', samples: 60, seed: 3 },
  hidden: [4],
  activation: 'tanh',
  loss: 'bce',
});
const size = 2 * 4 + 4 + 4 + 1;
const vector = (seed: number) => Float64Array.from({ length: size }, (_, i) => Math.sin(seed * (i + 1)));
const n = 17;
const axis = Float64Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));

function share(claimed: Int32Array, requestId: string, yieldTo: () => Promise<void>) {
  const messages: LandscapeMessage[] = [];
  const request: LandscapePartRequest = {
    type: 'landscape',
    requestId,
    problem: { mlp },
    center: vector(1),
    d1: vector(2),
    d2: vector(3),
    alphas: axis,
    betas: axis,
    claimed,
  };
  const env: LandscapeWorkerEnvironment = {
    post: (m) => messages.push(m),
    yield: yieldTo,
    cancelled: () => false,
    now: () => performance.now(),
  };
  return { messages, done: answerLandscapePart(request, env) };
}

const indicesOf = (messages: LandscapeMessage[]) => messages.flatMap((m) => Array.from(m.indices));

describe('landscape shares taking points from one counter', () => {
  it('compute every point once between them, each level in order, with the values of one evaluation of the whole grid', async () => {
    const claimed = new Int32Array(new SharedArrayBuffer(4));
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    const [a, b] = [share(claimed, 'a', tick), share(claimed, 'b', tick)];
    await Promise.all([a.done, b.done]);
    const all = [...indicesOf(a.messages), ...indicesOf(b.messages)];
    expect(all).toHaveLength(n * n);
    expect(new Set(all).size).toBe(n * n);
    expect(indicesOf(a.messages).length).toBeGreaterThan(0);
    expect(indicesOf(b.messages).length).toBeGreaterThan(0);
    const levels = progressiveLevels(n, n);
    for (const { messages } of [a, b]) {
      expect(messages.at(-1)!.status).toBe('complete');
      expect(messages.slice(0, -1).every((m) => m.status === 'computing')).toBe(true);
      // A share's messages go coarse to fine, each holding points of its level only.
      expect(messages.map((m) => m.level)).toEqual([...messages.map((m) => m.level)].sort((x, y) => x - y));
      for (const m of messages) for (const index of m.indices) expect(levels[m.level]).toContain(index);
    }
    const whole = evaluateGrid(
      await resolveNetworkProblem(mlp),
      { center: vector(1), d1: vector(2), d2: vector(3) },
      axis,
      axis,
    );
    for (const m of [...a.messages, ...b.messages])
      m.indices.forEach((index, k) => expect(m.values[k]).toBeCloseTo(whole[index]!, 5));
  });

  it('leave every point to the share that runs when the other gets no time until it is done', async () => {
    const claimed = new Int32Array(new SharedArrayBuffer(4));
    const fast = share(claimed, 'fast', () => new Promise<void>((resolve) => setImmediate(resolve)));
    const starved = share(claimed, 'starved', () => fast.done);
    await Promise.all([fast.done, starved.done]);
    expect(indicesOf(fast.messages)).toHaveLength(n * n);
    expect(starved.messages).toEqual([expect.objectContaining({ status: 'complete', computed: 0 })]);
  });
});

import { describe, expect, it } from 'vitest';
import { appendCheckpoints, livePaths, projectLiveCheckpoints } from '../../../renderer/src/network/live-checkpoints';
import { checkpointSceneRun } from '../../../renderer/src/network/slice-scene';
import { useAppStore } from '../../../renderer/src/store/app-store';
import type { RunEntry } from '../../../renderer/src/store/app-model';
import { RunSeries } from '../../../renderer/src/store/run-series';
import type { Bridge, HostMessage, SlicePlaneMessage } from '../../../shared/protocol';

/** A plane of 3-parameter space: center (1, 1, 1), d1 = e1, d2 = e1 + e2 (not orthogonal). */
const plane = {
  type: 'slice-plane',
  requestId: 'p',
  center: Float64Array.of(1, 1, 1),
  d1: Float64Array.of(1, 0, 0),
  d2: Float64Array.of(1, 1, 0),
  alphas: Float64Array.of(-3, 0, 3),
  betas: Float64Array.of(-3, 0, 3),
} as SlicePlaneMessage;

describe('a training run’s checkpoints as they arrive', () => {
  it('are appended in order, a step already held not taken twice', () => {
    const first = appendCheckpoints(undefined, {
      steps: Float64Array.of(0, 10),
      params: Float64Array.of(1, 2, 3, 4, 5, 6),
    });
    const second = appendCheckpoints(first, {
      steps: Float64Array.of(10, 20),
      params: Float64Array.of(4, 5, 6, 7, 8, 9),
    });
    expect(Array.from(second.steps)).toEqual([0, 10, 20]);
    expect(Array.from(second.params)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(second).not.toBe(first);
    expect(appendCheckpoints(second, { steps: Float64Array.of(20), params: Float64Array.of(7, 8, 9) })).toBe(second);
  });

  it('reach a run in the store with its frames, and become the completed run’s checkpoints, with the completion’s curvature', () => {
    let deliver: (message: HostMessage) => void = () => {};
    const bridge: Bridge = {
      kind: 'browser',
      send: () => {},
      subscribe: (listener) => ((deliver = listener), () => {}),
    };
    const store = useAppStore.getState;
    store().connect(bridge);
    store().setKind('function');
    store().setKind('network');
    store().startRun();
    const runId = store().runs[0]!.id;
    const frames = (fromStep: number, checkpoints?: { steps: Float64Array; params: Float64Array }): HostMessage => {
      const loss = Float64Array.of(0.5, 0.4);
      return {
        type: 'frames',
        runId,
        fromStep,
        loss,
        gradNorm: loss,
        lr: loss,
        events: [],
        ...(checkpoints ? { checkpoints } : {}),
      };
    };
    deliver({ type: 'status', runId, status: 'running' });
    deliver(frames(0, { steps: Float64Array.of(0), params: Float64Array.of(1, 1, 1) }));
    deliver(frames(2));
    deliver(frames(4, { steps: Float64Array.of(4), params: Float64Array.of(2, 1, 1) }));
    const live = store().runs[0]!.liveCheckpoints!;
    expect(Array.from(live.steps)).toEqual([0, 4]);
    expect(Array.from(live.params)).toEqual([1, 1, 1, 2, 1, 1]);
    expect(store().runs[0]!.count).toBe(6);
    const curvature = { steps: Float64Array.of(4), eigenvalues: Float64Array.of(-0.5, 3), kinds: ['saddle' as const] };
    deliver({ type: 'checkpoints-complete', runId, curvature });
    expect(store().runs[0]!.liveCheckpoints).toBeUndefined();
    expect(store().runs[0]!.checkpoints).toEqual({
      steps: Float64Array.of(0, 4),
      params: Float64Array.of(1, 1, 1, 2, 1, 1),
      curvature,
    });
  });
});

describe('a growing path on the plane shown', () => {
  it('places each checkpoint at its least-squares (α, β) with its distance off the plane (closed form)', () => {
    // (5, 3, 6) − center = 2·d1 + 2·d2 + 5·e3; (2, 1, 1) − center = d1, on the plane.
    const placed = projectLiveCheckpoints(
      { steps: Float64Array.of(0, 10), params: Float64Array.of(5, 3, 6, 2, 1, 1) },
      plane,
    )!;
    expect(Array.from(placed.coordinates, (v) => Math.round(v * 1e12) / 1e12)).toEqual([2, 2, 1, 0]);
    expect(Array.from(placed.distances, (v) => Math.round(v * 1e12) / 1e12)).toEqual([5, 0]);
    // Another architecture's parameters are not the plane's.
    expect(projectLiveCheckpoints({ steps: Float64Array.of(0), params: Float64Array.of(1, 2) }, plane)).toBeNull();
  });

  it('grows with each checkpoint, at the run’s true loss, and leaves out completed runs and runs without checkpoints', () => {
    const series = new RunSeries(21, 1);
    const loss = Float64Array.from({ length: 21 }, (_, step) => 1 / (1 + step));
    series.append({ type: 'frames', runId: 'r', fromStep: 0, loss, gradNorm: loss, lr: loss, events: [] });
    const training = (liveCheckpoints: RunEntry['liveCheckpoints']) =>
      ({
        id: 'r',
        name: 'sgd #2',
        color: '#56b4e9',
        series,
        events: [],
        status: 'running',
        liveCheckpoints,
      }) as unknown as RunEntry;
    const early = training({ steps: Float64Array.of(0), params: Float64Array.of(1, 1, 1) });
    const later = training(
      appendCheckpoints(early.liveCheckpoints, {
        steps: Float64Array.of(10, 20),
        params: Float64Array.of(2, 1, 1, 5, 3, 6),
      }),
    );
    const [before] = livePaths([early], plane);
    const [after] = livePaths([later], plane);
    expect(before!.coordinates).toHaveLength(2);
    expect(Array.from(after!.coordinates, (v) => Math.round(v * 1e12) / 1e12)).toEqual([0, 0, 1, 0, 2, 2]);
    // Asked again for the same checkpoints and plane: the same projection, not a new one.
    expect(livePaths([later], plane)[0]!.coordinates).toBe(after!.coordinates);
    const { path } = checkpointSceneRun(later, after!)!;
    expect(path.count()).toBe(3);
    expect(Array.from(path.values)).toEqual([1, 1 / 11, 1 / 21]);
    expect(Array.from(path.distances!, (v) => Math.round(v * 1e12) / 1e12)).toEqual([0, 0, 5]);

    const completed = { ...later, checkpoints: { steps: Float64Array.of(0) } } as unknown as RunEntry;
    const fresh = training(undefined);
    expect(livePaths([completed, fresh], plane)).toEqual([]);
    expect(livePaths([later], undefined)).toEqual([]);
  });
});

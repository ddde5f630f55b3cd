import { describe, expect, it } from 'vitest';
import type { Bridge, ClientMessage, HostMessage } from '../../../shared/protocol';
import { DEFAULT_SLICE_CHOICES } from '../../../renderer/src/network/slice-choices';
import { MAIN_SLICE } from '../../../renderer/src/store/app-model';
import { useAppStore } from '../../../renderer/src/store/app-store';

/** The store on a bridge that records what it sends and lets the test answer as the host. */
function connectStore() {
  const sent: ClientMessage[] = [];
  let deliver: (message: HostMessage) => void = () => {};
  const bridge: Bridge = {
    kind: 'browser',
    send: (message) => sent.push(message),
    subscribe: (listener) => ((deliver = listener), () => {}),
  };
  useAppStore.getState().connect(bridge);
  return { sent, deliver: (message: HostMessage) => deliver(message) };
}

const SIZE = 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1;
const vector = (value: number) => new Float64Array(SIZE).fill(value);
/** A direction not parallel to vector(1): the runs' all-1 and all-2 checkpoints lie at (1, 0) and (2, 0) of a plane through 0. */
const across = Float64Array.from({ length: SIZE }, (_, i) => (i % 2 ? 1 : -1));
const ofType = <T extends ClientMessage['type']>(sent: ClientMessage[], type: T) =>
  sent.filter((m): m is Extract<ClientMessage, { type: T }> => m.type === type);

/** A network run's checkpoints as the host sends them: in its frames, then the completion. */
function complete(
  deliver: (message: HostMessage) => void,
  runId: string,
  checkpoints: { params: Float64Array; steps: Float64Array },
): void {
  const loss = new Float64Array(checkpoints.steps.at(-1)! + 1);
  deliver({ type: 'frames', runId, fromStep: 0, loss, gradNorm: loss, lr: loss, events: [], checkpoints });
  deliver({ type: 'checkpoints-complete', runId });
  deliver({ type: 'status', runId, status: 'completed' });
}

/** A new network picture with two completed runs whose single checkpoints are all 1 and all 2; their ids. */
function twoCompletedRuns(deliver: (message: HostMessage) => void): [string, string] {
  const store = useAppStore.getState;
  store().setKind('function');
  store().setKind('network');
  store().startRun();
  store().startRun();
  const [a, b] = store().runs.map((run) => run.id) as [string, string];
  for (const [runId, value] of [
    [a, 1],
    [b, 2],
  ] as const) {
    complete(deliver, runId, { params: vector(value), steps: Float64Array.of(0) });
  }
  return [a, b];
}

describe('slices in the store, by view', () => {
  it('keeps two views’ slices apart, answers a plane asked again from its memo, and cancels a released view’s work', () => {
    const { sent, deliver } = connectStore();
    const store = useAppStore.getState;
    const [a, b] = twoCompletedRuns(deliver);

    store().requestSlice(MAIN_SLICE, a, DEFAULT_SLICE_CHOICES);
    store().requestSlice('panel', b, { ...DEFAULT_SLICE_CHOICES, directions: 'hessian', resolution: 21 });
    const [mainPlane, panelPlane] = ofType(sent, 'slice-plane');
    expect(mainPlane!.runs.map((run) => run.name)).toEqual([a]);
    expect(panelPlane!.landscape).toMatchObject({ directions: 'hessian', resolution: 21, run: b });
    expect(mainPlane!.requestId).not.toBe(panelPlane!.requestId);

    const axes = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
    deliver({
      type: 'slice-plane',
      requestId: panelPlane!.requestId,
      center: vector(0),
      d1: vector(1),
      d2: across,
      alphas: axes(21),
      betas: axes(21),
      eigenvalues: [-1, 3],
    });
    deliver({
      type: 'slice-plane',
      requestId: mainPlane!.requestId,
      center: vector(0),
      d1: vector(1),
      d2: across,
      alphas: axes(41),
      betas: axes(41),
      explainedVariance: [0.5, 0.25],
    });
    const grids = ofType(sent, 'landscape');
    expect(grids.map((grid) => [grid.requestId, grid.alphas.length])).toEqual([
      [panelPlane!.requestId, 21],
      [mainPlane!.requestId, 41],
    ]);
    // Every shown run's checkpoints are placed on the plane here, the center's first: none go to the host.
    expect(grids.some((grid) => 'paths' in grid)).toBe(false);
    const placed = (key: string) => store().slices[key]!.paths!.map((path) => [...path.coordinates, ...path.distances]);
    expect(placed('panel')).toEqual([
      [2, 0, 0],
      [1, 0, 0],
    ]);
    expect(placed(MAIN_SLICE)).toEqual([
      [1, 0, 0],
      [2, 0, 0],
    ]);

    deliver({
      type: 'landscape',
      requestId: mainPlane!.requestId,
      status: 'complete',
      level: 0,
      indices: Float64Array.of(0, 1),
      values: Float64Array.of(7, 8),
      computed: 1681,
      total: 1681,
    });
    expect(store().slices[MAIN_SLICE]).toMatchObject({ status: 'complete', computed: 1681 });
    expect(Array.from(store().slices[MAIN_SLICE]!.values!.subarray(0, 3))).toEqual([7, 8, NaN]);
    expect(store().slices.panel).toMatchObject({ status: 'computing', computed: 0 });
    // A slice's first values are shown at once, later ones with the next redraw.
    const computing = (computed: number): HostMessage => ({
      type: 'landscape',
      requestId: panelPlane!.requestId,
      status: 'computing',
      level: 0,
      indices: Float64Array.of(computed - 1),
      values: Float64Array.of(computed),
      computed,
      total: 441,
    });
    deliver(computing(1));
    deliver(computing(2));
    expect(store().slices.panel).toMatchObject({ status: 'computing', computed: 1 });

    // Asked again as it stands (several views sharing it do): nothing to do.
    const messages = sent.length;
    store().requestSlice(MAIN_SLICE, a, DEFAULT_SLICE_CHOICES);
    expect(sent).toHaveLength(messages);
    expect(store().slices[MAIN_SLICE]!.status).toBe('complete');

    // Back to a plane chosen before: no new plane is asked for, the grid is (the host answers it from its cache).
    store().requestSlice(MAIN_SLICE, a, { ...DEFAULT_SLICE_CHOICES, directions: 'random' });
    const planesAsked = ofType(sent, 'slice-plane').length;
    store().requestSlice(MAIN_SLICE, a, DEFAULT_SLICE_CHOICES);
    expect(ofType(sent, 'slice-plane')).toHaveLength(planesAsked);
    expect(sent.at(-1)).toMatchObject({ type: 'landscape', alphas: axes(41) });
    expect(store().slices[MAIN_SLICE]!.status).toBe('computing');
    expect(placed(MAIN_SLICE)).toEqual([
      [1, 0, 0],
      [2, 0, 0],
    ]);

    store().releaseSlice('panel');
    expect(sent.at(-1)).toEqual({ type: 'cancel-landscape', requestId: panelPlane!.requestId });
    expect(Object.keys(store().slices)).toEqual([MAIN_SLICE]);
  });

  it('places each finished run once per plane, however many views show the plane', () => {
    const { sent, deliver } = connectStore();
    const store = useAppStore.getState;
    const [a] = twoCompletedRuns(deliver);
    const choices = { ...DEFAULT_SLICE_CHOICES, directions: 'hessian' } as const;
    const axes = Float64Array.of(0, 1, 2);
    const answer = (requestId: string): HostMessage => ({
      type: 'slice-plane',
      requestId,
      center: vector(0),
      d1: vector(1),
      d2: across,
      alphas: axes,
      betas: axes,
      eigenvalues: [-1, 3],
    });
    // Two views opened together each ask for the plane and each get their own answer; a third,
    // opened later, takes the plane from the memo.
    store().requestSlice(MAIN_SLICE, a, choices);
    store().requestSlice('panel', a, choices);
    for (const { requestId } of ofType(sent, 'slice-plane')) deliver(answer(requestId));
    store().requestSlice('later panel', a, choices);

    const pathsOf = (key: string) => store().slices[key]!.paths!;
    expect(pathsOf(MAIN_SLICE)).toHaveLength(2);
    for (const key of ['panel', 'later panel'])
      pathsOf(key).forEach((path, k) => expect(path).toBe(pathsOf(MAIN_SLICE)[k]));
  });

  it('leaves out a run removed while the plane was being chosen', () => {
    const { sent, deliver } = connectStore();
    const store = useAppStore.getState;
    const [a, b] = twoCompletedRuns(deliver);
    store().requestSlice(MAIN_SLICE, a, { ...DEFAULT_SLICE_CHOICES, directions: 'hessian' });
    const plane = ofType(sent, 'slice-plane').at(-1)!;
    store().removeRun(b);
    const axes = Float64Array.of(0, 1, 2);
    deliver({
      type: 'slice-plane',
      requestId: plane.requestId,
      center: vector(0),
      d1: vector(1),
      d2: vector(1),
      alphas: axes,
      betas: axes,
      eigenvalues: [-1, 3],
    });
    expect(store().slices[MAIN_SLICE]).toMatchObject({ status: 'computing', runIds: [a] });
    expect(store().slices[MAIN_SLICE]!.paths).toHaveLength(1);
  });

  it('asks for a curve as a one-row landscape, fills it as the host answers, and cancels it with its view', () => {
    const { sent, deliver } = connectStore();
    const store = useAppStore.getState;
    // A new picture, without the runs of the test before.
    store().setKind('function');
    store().setKind('network');
    store().startRun();
    store().startRun();
    const [a, b] = store().runs.map((run) => run.id);
    expect(store().runs).toHaveLength(2);
    // Each run's checkpoints: its initial point all `start`, its final point all `end`.
    for (const [runId, start, end] of [
      [a!, 1, 3],
      [b!, 2, 7],
    ] as const) {
      const checkpoints = Float64Array.from([...vector(start), ...vector(end)]);
      complete(deliver, runId, { params: checkpoints, steps: Float64Array.of(0, 10) });
    }

    store().requestCurve('panel', a!, a!, 21);
    const initialToFinal = ofType(sent, 'landscape').at(-1)!;
    expect(initialToFinal).toMatchObject({
      center: vector(1),
      d1: vector(2),
      d2: vector(0),
      betas: Float64Array.of(0),
    });
    expect(initialToFinal.alphas).toHaveLength(41);
    expect(store().curves.panel).toMatchObject({ status: 'computing', computed: 0, total: 41, partner: a });

    store().requestCurve('panel', a!, b!, 21);
    // The line before is cancelled; the new one runs from a's final point to b's.
    expect(sent.at(-2)).toEqual({ type: 'cancel-landscape', requestId: initialToFinal.requestId });
    const finals = ofType(sent, 'landscape').at(-1)!;
    expect(finals).toMatchObject({ center: vector(3), d1: vector(4) });
    deliver({
      type: 'landscape',
      requestId: finals.requestId,
      status: 'computing',
      level: 0,
      indices: Float64Array.of(0, 40),
      values: Float64Array.of(5, 6),
      computed: 2,
      total: 41,
    });
    expect(store().curves.panel).toMatchObject({ status: 'computing', computed: 2 });
    expect([
      store().curves.panel!.values[0],
      store().curves.panel!.values[40],
      store().curves.panel!.values[1],
    ]).toEqual([5, 6, NaN]);

    store().releaseSlice('panel');
    expect(sent.at(-1)).toEqual({ type: 'cancel-landscape', requestId: finals.requestId });
    expect(store().curves.panel).toBeUndefined();

    store().requestCurve(MAIN_SLICE, b!, b!, 41);
    const failing = ofType(sent, 'landscape').at(-1)!;
    deliver({
      type: 'error',
      requestId: failing.requestId,
      message: 'the landscape could not be computed: worker died',
    });
    expect(store().curves[MAIN_SLICE]).toMatchObject({
      status: 'failed',
      message: 'the landscape could not be computed: worker died',
    });
  });
});

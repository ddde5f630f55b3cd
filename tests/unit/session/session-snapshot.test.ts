import { beforeAll, describe, expect, it } from 'vitest';
import type { Bridge, ClientMessage } from '../../../shared/protocol';
import { parseSessionText, serializeSession } from '../../../shared/session-file';
import { playbackClock } from '../../../renderer/src/playback/playback-store';
import { tickClock } from '../../../renderer/src/playback/playback-clock';
import { captureSession, restoreSession } from '../../../renderer/src/session/session-snapshot';
import { useAppStore, type NetworkDraft, type RunEntry } from '../../../renderer/src/store/app-store';
import { RunSeries } from '../../../renderer/src/store/run-series';

const sent: ClientMessage[] = [];
const bridge: Bridge = { kind: 'browser', send: (message) => void sent.push(message), subscribe: () => () => {} };

const NETWORK: NetworkDraft = {
  mlp: { dataset: { name: 'circles', samples: 6, seed: 4 }, hidden: [2], activation: 'relu', loss: 'bce', testFraction: 0.5 },
  init: { scheme: 'normal', seed: 9, std: 0.1 },
  batchSize: 2,
};
/** 2 inputs, 2 hidden, 1 output: 2·2 + 2 + 2·1 + 1 = 9 parameters, 2 layers. */
const PARAMS = 9;
const STEPS = 4;
const wave = (count: number, phase: number): Float64Array => Float64Array.from({ length: count }, (_, i) => Math.fround(Math.sin(i + phase)));

/** A completed network run as the host's messages leave it in the store. */
function trainedRun(): RunEntry {
  const id = 'run-7';
  const series = new RunSeries(STEPS + 1, 2, true);
  const n = STEPS + 1;
  series.append({ type: 'frames', runId: id, fromStep: 0, loss: wave(n, 1), gradNorm: wave(n, 2), lr: wave(n, 3), testLoss: wave(n, 4), layerGradNorms: wave(2 * n, 5), events: [] });
  return {
    id,
    kind: 'network',
    name: 'adam on circles',
    color: '#009E73',
    settings: { optimizer: { name: 'adam', lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false }, steps: STEPS, start: [0, 0], init: { scheme: 'he_uniform', seed: 2 }, batchSize: 3, seed: 6, schedule: { name: 'exponential', gamma: 0.9, warmupSteps: 0, startFactor: 1 / 3 }, clipNorm: 5 },
    optimizer: { name: 'adam', lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false },
    start: [0, 0],
    steps: STEPS,
    status: 'completed',
    series,
    events: [{ type: 'converged', step: STEPS, message: 'converged' }],
    count: n,
    data: { type: 'data', runId: id, backend: 'cpu', features: 2, x: wave(6, 6), y: Float64Array.from([0, 1, 1]), test: { x: wave(6, 7), y: Float64Array.from([1, 0, 0]) } },
    prediction: { type: 'prediction', runId: id, step: STEPS, x: Float64Array.from([-1, 1]), y: Float64Array.from([-1, 0, 1]), outputs: 1, values: wave(6, 8) },
    plane: {
      type: 'plane',
      runId: id,
      explainedVariance: [0.9, 0.05],
      center: wave(PARAMS, 9),
      d1: Float64Array.from({ length: PARAMS }, (_, i) => Math.cos(i) / 3),
      d2: Float64Array.from({ length: PARAMS }, (_, i) => Math.sin(i) / 3),
      alphas: Float64Array.from([-2, 0, 2]),
      betas: Float64Array.from([-1, 1]),
      checkpoints: wave(3 * PARAMS, 10),
      checkpointSteps: Float64Array.from([0, 2, 4]),
    },
  };
}

beforeAll(() => {
  useAppStore.getState().connect(bridge);
});

describe('a network picture saved and opened', () => {
  it('comes back with its network, settings and every result, and trains nothing', () => {
    useAppStore.getState().setKind('network');
    useAppStore.setState({ network: NETWORK, runs: [trainedRun()] });
    // The app's frame loop would have moved the clock to the newest step: here one tick does.
    tickClock(playbackClock, 0, STEPS);
    const text = serializeSession(captureSession());
    // Another picture in between: a function, with the surface it asks for.
    useAppStore.getState().setKind('function');
    sent.length = 0;

    restoreSession(parseSessionText(text));
    const state = useAppStore.getState();
    expect(state.kind).toBe('network');
    expect(state.network).toMatchObject(NETWORK);
    expect(state.slices).toEqual({});
    expect(sent.map((message) => message.type)).toEqual([]);

    const saved = trainedRun();
    const [run] = state.runs;
    expect(state.runs).toHaveLength(1);
    expect(run).toMatchObject({ kind: 'network', name: saved.name, color: saved.color, status: 'completed', count: STEPS + 1, events: saved.events });
    expect(run!.settings).toMatchObject({ ...saved.settings, init: { scheme: 'he_uniform', seed: 2 } });
    for (const field of ['loss', 'gradNorm', 'lr', 'testLoss', 'layerGradNorms'] as const) expect(run!.series[field]).toEqual(saved.series[field]);
    expect(run!.series.layers).toBe(2);
    expect(run!.data).toEqual({ ...saved.data, runId: run!.id });
    expect(run!.prediction).toEqual({ ...saved.prediction, runId: run!.id });
    expect(run!.plane).toEqual({ ...saved.plane, runId: run!.id });

    // Saved again, the opened picture is the same session.
    expect(parseSessionText(serializeSession(captureSession()))).toEqual(parseSessionText(text));
  });

  it('gives way to a function session, which asks for its surface again', () => {
    const functionText = JSON.stringify({
      format: 'gradscape.session',
      version: 1,
      problem: { function: 'booth' },
      bounds: [
        [-10, 10],
        [-10, 10],
      ],
      runs: [],
      view: { colormap: 'magma', scale: 'log', layout: '2d', contours: false, gradientField: true, trail: 5, step: 0, follow: true },
    });
    sent.length = 0;
    restoreSession(parseSessionText(functionText));
    const state = useAppStore.getState();
    expect(state.kind).toBe('function');
    expect(state.problem).toEqual({ function: 'booth' });
    expect(state.view).toEqual({ colormap: 'magma', scale: 'log', layout: '2d', contours: false, gradientField: true });
    expect(sent.map((message) => message.type)).toEqual(['surface']);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Bridge, ClientMessage } from '../../../shared/protocol';
import { parseSessionText, serializeSession } from '../../../shared/session-file';
import { playbackClock } from '../../../renderer/src/store/playback-store';
import { tickClock } from '../../../renderer/src/playback/playback-clock';
import { captureSession, restoreSession } from '../../../renderer/src/session/session-snapshot';
import { useAppStore } from '../../../renderer/src/store/app-store';
import type { NetworkDraft, RunEntry } from '../../../renderer/src/store/app-model';
import { RunSeries } from '../../../renderer/src/store/run-series';
import { ALL_RUNS, DEFAULT_PANELS, usePanelStore } from '../../../renderer/src/store/panel-store';

const sent: ClientMessage[] = [];
const bridge: Bridge = { kind: 'browser', send: (message) => void sent.push(message), subscribe: () => () => {} };

const NETWORK: NetworkDraft = {
  mlp: {
    dataset: { name: 'circles', samples: 6, seed: 4 },
    hidden: [2],
    activation: 'relu',
    loss: 'bce',
    testFraction: 0.5,
  },
  init: { scheme: 'normal', seed: 9, std: 0.1 },
  batchSize: 2,
  l1: 0,
  l2: 1e-3,
  dropout: 0.1,
};
/** 2 inputs, 2 hidden, 1 output: 2·2 + 2 + 2·1 + 1 = 9 parameters, 2 layers. */
const PARAMS = 9;
const STEPS = 4;
const wave = (count: number, phase: number): Float64Array =>
  Float64Array.from({ length: count }, (_, i) => Math.fround(Math.sin(i + phase)));

/** A completed network run as the host's messages leave it in the store. */
function trainedRun(): RunEntry {
  const id = 'run-7';
  const series = new RunSeries(STEPS + 1, 2, true);
  const n = STEPS + 1;
  series.append({
    type: 'frames',
    runId: id,
    fromStep: 0,
    loss: wave(n, 1),
    gradNorm: wave(n, 2),
    lr: wave(n, 3),
    testLoss: wave(n, 4),
    layerGradNorms: wave(2 * n, 5),
    events: [],
  });
  return {
    id,
    kind: 'network',
    name: 'adam on circles',
    color: '#009E73',
    settings: {
      optimizer: { name: 'adam', lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false },
      steps: STEPS,
      start: [0, 0],
      init: { scheme: 'he_uniform', seed: 2 },
      batchSize: 3,
      seed: 6,
      schedule: { name: 'exponential', gamma: 0.9, warmupSteps: 0, startFactor: 1 / 3 },
      clipNorm: 5,
    },
    optimizer: { name: 'adam', lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false },
    start: [0, 0],
    steps: STEPS,
    status: 'completed',
    series,
    events: [{ type: 'converged', step: STEPS, message: 'converged' }],
    count: n,
    data: {
      type: 'data',
      runId: id,
      backend: 'cpu',
      features: 2,
      x: wave(6, 6),
      y: Float64Array.from([0, 1, 1]),
      test: { x: wave(6, 7), y: Float64Array.from([1, 0, 0]) },
    },
    prediction: {
      type: 'prediction',
      runId: id,
      step: STEPS,
      x: Float64Array.from([-1, 1]),
      y: Float64Array.from([-1, 0, 1]),
      outputs: 1,
      values: wave(6, 8),
    },
    checkpoints: { params: wave(3 * PARAMS, 10), steps: Float64Array.from([0, 2, 4]) },
  };
}

beforeAll(() => {
  useAppStore.getState().connect(bridge);
});

describe('a network picture saved and opened', () => {
  it('comes back with its network, settings and every result, and trains nothing', () => {
    useAppStore.getState().setKind('network');
    const other = { ...trainedRun(), id: 'run-8', name: 'sgd on circles' };
    useAppStore.setState({ network: NETWORK, runs: [trainedRun(), other] });
    useAppStore.getState().updateView({ networkView: 'landscape' });
    useAppStore.getState().updateDraft({ steps: 77, pace: 0 });
    // Panel 0 shows the second run, panel 2 every run, panel 3 a run since removed (its default again).
    usePanelStore.setState({
      count: 3,
      lockCameras: false,
      lockTimeline: false,
      choices: { 0: 'run-8', 2: ALL_RUNS, 3: 'run-gone' },
    });
    // The app's frame loop would have moved the clock to the newest step: here one tick does.
    tickClock(playbackClock, 0, STEPS);
    const text = serializeSession(captureSession());
    // Another picture in between: a function, with the surface it asks for.
    useAppStore.getState().setKind('function');
    useAppStore.getState().updateView({ networkView: 'dataset' });
    useAppStore.getState().updateDraft({ steps: 300, pace: 120 });
    usePanelStore.setState(DEFAULT_PANELS);
    sent.length = 0;

    restoreSession(parseSessionText(text));
    const state = useAppStore.getState();
    expect(state.kind).toBe('network');
    expect(state.network).toMatchObject(NETWORK);
    expect(state.slices).toEqual({});
    expect(sent.map((message) => message.type)).toEqual([]);

    const saved = trainedRun();
    const [run, second] = state.runs;
    expect(state.runs).toHaveLength(2);
    expect(state.view.networkView).toBe('landscape');
    expect(state.draft).toMatchObject({ steps: 77, pace: 0 });
    // The panels' choices by the restored runs' own ids.
    expect(usePanelStore.getState()).toMatchObject({
      count: 3,
      lockCameras: false,
      lockTimeline: false,
      choices: { 0: second!.id, 2: ALL_RUNS },
    });
    expect(Object.keys(usePanelStore.getState().choices)).toEqual(['0', '2']);
    expect(run).toMatchObject({
      kind: 'network',
      name: saved.name,
      color: saved.color,
      status: 'completed',
      count: STEPS + 1,
      events: saved.events,
    });
    expect(run!.settings).toMatchObject({ ...saved.settings, init: { scheme: 'he_uniform', seed: 2 } });
    for (const field of ['loss', 'gradNorm', 'lr', 'testLoss', 'layerGradNorms'] as const)
      expect(run!.series[field]).toEqual(saved.series[field]);
    expect(run!.series.layers).toBe(2);
    expect(run!.data).toEqual({ ...saved.data, runId: run!.id });
    expect(run!.prediction).toEqual({ ...saved.prediction, runId: run!.id });
    expect(run!.checkpoints).toEqual(saved.checkpoints);

    // Saved again, the opened picture is the same session.
    expect(parseSessionText(serializeSession(captureSession()))).toEqual(parseSessionText(text));
  });

  it('asks the curvature at a checkpoint of a run whose spec has an l2 penalty with that l2 and the run’s seed', () => {
    useAppStore.getState().setKind('network');
    useAppStore.setState({ network: NETWORK, runs: [trainedRun()] });
    const session = JSON.parse(serializeSession(captureSession()));
    session.runs[0].spec.l2 = 0.01;
    restoreSession(parseSessionText(JSON.stringify(session)));
    sent.length = 0;

    const [run] = useAppStore.getState().runs;
    useAppStore.getState().requestCurvature(run!.id, 2);
    expect(sent).toEqual([
      expect.objectContaining({
        type: 'curvature',
        step: 2,
        params: wave(3 * PARAMS, 10).slice(PARAMS, 2 * PARAMS),
        l2: 0.01,
        seed: 6,
      }),
    ]);
    // Saved again, the run keeps its l2.
    expect(JSON.parse(serializeSession(captureSession())).runs[0].spec.l2).toBe(0.01);
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
      view: {
        colormap: 'magma',
        scale: 'log',
        layout: '2d',
        contours: false,
        gradientField: true,
        trail: 5,
        step: 0,
        follow: true,
      },
    });
    sent.length = 0;
    useAppStore.getState().updateDraft({ steps: 12, pace: 3 });
    usePanelStore.setState({ count: 2, choices: { 1: ALL_RUNS } });
    restoreSession(parseSessionText(functionText));
    const state = useAppStore.getState();
    expect(state.kind).toBe('function');
    expect(state.problem).toEqual({ function: 'booth' });
    // What a version 1 file lacks takes the app's defaults.
    expect(state.view).toEqual({
      colormap: 'magma',
      scale: 'log',
      layout: '2d',
      contours: false,
      gradientField: true,
      networkView: 'dataset',
    });
    expect(state.draft).toMatchObject({ steps: 300, pace: 120 });
    expect(usePanelStore.getState()).toMatchObject(DEFAULT_PANELS);
    expect(sent.map((message) => message.type)).toEqual(['surface']);
  });
});

import { create } from 'zustand';
import { catalogEntry, type CatalogName } from '../../../shared/functions/catalog';
import { compileExpression } from '../../../shared/functions/expression';
import type { Bounds } from '../../../shared/functions/objective';
import type { Bridge, HostMessage, SlicePlaneMessage } from '../../../shared/protocol';
import { curveTimes } from '../../../shared/landscape-curve';
import { FINAL_STATUSES } from '../../../shared/protocol';
import type { OptimizerSpec } from '../../../shared/spec/optimizer-spec';
import { DEFAULT_EXPRESSION_BOUNDS, type FunctionProblem } from '../../../shared/spec/spec';
import { runCommand } from '../commands/command-registry';
import { curveGrid } from '../network/interpolation-curve';
import { appendCheckpoints } from '../network/live-checkpoints';
import { planeKey, slicePlaneFields, type SliceChoices } from '../network/slice-choices';
import { RUN_COLORS } from './palette';
import { RunSeries } from './run-series';
import {
  DEFAULT_DRAFT,
  DEFAULT_NETWORK,
  DEFAULT_VIEW,
  SURFACE_RESOLUTION,
  type Caption,
  type CheckpointCurvature,
  type Comparison,
  type CurveState,
  type NetworkDraft,
  type ProblemKind,
  type RunDraft,
  type RunEntry,
  type RunSettings,
  type SavedPicture,
  type SliceState,
  type SurfaceData,
  type ViewSettings,
} from './app-model';
import { checkNetwork, runSpecFields } from './run-spec';

interface AppState {
  bridge: Bridge | null;
  kind: ProblemKind;
  network: NetworkDraft;
  problem: FunctionProblem;
  bounds: Bounds;
  expressionError: string | null;
  surface: SurfaceData | null;
  surfaceRequest: string | null;
  draft: RunDraft;
  runs: RunEntry[];
  /** The runs the views draw: all but the hidden, the same array until the runs change. */
  shownRuns: RunEntry[];
  /** Slices by view, so several landscape views can coexist. */
  slices: Record<string, SliceState>;
  /** Interpolation curves, by view as the slices are. */
  curves: Record<string, CurveState>;
  /** Networks: the curvature asked for at a checkpoint the user picked, by run. */
  curvature: Record<string, CheckpointCurvature>;
  notice: string | null;
  caption: Caption | null;
  view: ViewSettings;

  connect(bridge: Bridge): () => void;
  /** Functions or networks: switching starts a new picture, as a new problem does. */
  setKind(kind: ProblemKind): void;
  /** A new dataset or architecture clears the runs; initialization and batch size apply to the next run. */
  updateNetwork(patch: Partial<NetworkDraft>): void;
  chooseFunction(name: CatalogName): void;
  applyExpression(source: string): void;
  setOptimizer(optimizer: OptimizerSpec): void;
  updateDraft(patch: Partial<RunDraft>): void;
  startRun(): void;
  /** Replaces the runs with a comparison's, on its problem, with the caption that explains it. */
  startComparison(comparison: Comparison, caption?: Caption): void;
  /** Loads a run's settings into the form, to run it again with changes. */
  duplicateRun(id: string): void;
  renameRun(id: string, name: string): void;
  toggleHidden(id: string): void;
  /**
   * Asks the workers for the loss over a plane through a completed network run, chosen by
   * `choices`, with every shown completed run's checkpoints on it; replaces the slice under `key`.
   */
  requestSlice(key: string, runId: string, choices: SliceChoices): void;
  /** Stops the slice under `key`; what it computed so far stays. */
  cancelSlice(key: string): void;
  /** Forgets the slice and the curve under `key` (its view is gone), stopping them first. */
  releaseSlice(key: string): void;
  /**
   * Asks the workers for the loss along the line from run `runId` to `partner`'s final point
   * (from runId's initial point when partner is runId), with the t samples of a landscape of
   * this resolution; replaces the curve under `key`.
   */
  requestCurve(key: string, runId: string, partner: string, resolution: number): void;
  /** Asks the workers for the Hessian's extreme eigenvalues at checkpoint `step` of a completed network run. */
  requestCurvature(runId: string, step: number): void;
  controlRun(id: string, action: 'pause' | 'resume' | 'cancel'): void;
  removeRun(id: string): void;
  dismissNotice(): void;
  dismissCaption(): void;
  updateView(patch: Partial<ViewSettings>): void;
  /** Replaces the picture with a saved one (a session): its runs come with their results, nothing trains. */
  restore(picture: SavedPicture): void;
}

let requestCounter = 0;
let runCounter = 0;
/** Planes already chosen, by planeKey: asking for a slice again costs no round trip (and its grid comes from the host's cache). */
const planes = new Map<string, SlicePlaneMessage>();
const MAX_PLANES = 32;
/** A streaming slice is redrawn at most this often: a 201 × 201 image takes tens of milliseconds to build. */
const SLICE_REDRAW_MS = 250;

/** The first palette colour no run on screen has, so a comparison's runs take the palette in order. */
function freeColor(runs: RunEntry[]): string {
  const used = new Set(runs.map((run) => run.color));
  return RUN_COLORS.find((color) => !used.has(color)) ?? RUN_COLORS[runs.length % RUN_COLORS.length]!;
}

function newEntry(id: string, name: string, kind: ProblemKind, settings: RunSettings, color: string, layers = 0, hasTest = false): RunEntry {
  return {
    id,
    kind,
    name,
    color,
    settings,
    optimizer: settings.optimizer,
    start: settings.start,
    steps: settings.steps,
    status: 'queued',
    series: new RunSeries(settings.steps + 1, layers, hasTest),
    events: [],
    count: 0,
  };
}

export const useAppStore = create<AppState>()((set, get) => {
  const requestSurface = (): void => {
    const { bridge, problem, bounds } = get();
    if (!bridge) return;
    const requestId = `surface-${++requestCounter}`;
    set({ surfaceRequest: requestId });
    bridge.send({ type: 'surface', requestId, problem, bounds, resolution: SURFACE_RESOLUTION });
  };

  /** Starts one run of the current problem with these settings; a network draft is checked first. */
  const launch = (settings: RunSettings): void => {
    const { bridge, draft, problem, bounds, runs, kind, network } = get();
    if (!bridge) return;
    const id = `run-${++runCounter}`;
    const name = settings.name ?? `${settings.optimizer.name} #${runCounter}`;
    const pace = draft.pace > 0 ? { pace: draft.pace } : {};
    const run = runSpecFields(name, settings, kind);
    const color = freeColor(runs);
    if (kind === 'network') {
      const checked = checkNetwork({ ...network, init: settings.init });
      if ('error' in checked) {
        set({ notice: checked.error });
        return;
      }
      set({ runs: [...runs, newEntry(id, name, kind, settings, color, checked.layers, checked.hasTest)] });
      bridge.send({ type: 'start', runId: id, problem: { mlp: checked.mlp }, run: { ...run, init: checked.init }, ...pace });
      return;
    }
    set({ runs: [...runs, newEntry(id, name, kind, settings, color)] });
    bridge.send({ type: 'start', runId: id, problem, bounds, run, ...pace });
  };

  /** A new problem starts a new picture: the old runs belong to the old one. */
  const clearRuns = (): void => {
    const { bridge, runs } = get();
    for (const run of runs) if (!FINAL_STATUSES.has(run.status)) bridge?.send({ type: 'cancel', runId: run.id });
    for (const key of Object.keys(get().slices)) stopSlice(key);
    for (const key of Object.keys(get().curves)) stopCurve(key);
    planes.clear();
    set({ runs: [], slices: {}, curves: {}, curvature: {}, caption: null });
  };

  const patchSlice = (key: string, patch: Partial<SliceState>): void => {
    const slice = get().slices[key];
    if (slice) set({ slices: { ...get().slices, [key]: { ...slice, ...patch } } });
  };

  /**
   * What streamed in for a slice since it was last shown, by request id: the values are written in
   * place, the picture is redrawn (a new state) at most every SLICE_REDRAW_MS while computing.
   */
  const streamed = new Map<string, Partial<SliceState>>();
  const showStreamed = (key: string): void => {
    const slice = get().slices[key];
    const patch = slice && streamed.get(slice.requestId);
    if (!patch) return;
    streamed.delete(slice.requestId);
    if (slice.status === 'computing') patchSlice(key, patch);
  };

  const sliceKeyOf = (requestId: string | undefined): string | undefined =>
    Object.keys(get().slices).find((key) => get().slices[key]!.requestId === requestId);

  /** Cancels the slice's work on the host, if any is under way. */
  const stopSlice = (key: string): void => {
    const slice = get().slices[key];
    if (!slice) return;
    streamed.delete(slice.requestId);
    if (slice.status === 'computing') get().bridge?.send({ type: 'cancel-landscape', requestId: slice.requestId });
  };

  const curvatureRunOf = (requestId: string | undefined): string | undefined =>
    Object.keys(get().curvature).find((runId) => get().curvature[runId]!.requestId === requestId);
  const patchCurvature = (runId: string, patch: Partial<CheckpointCurvature>): void =>
    set({ curvature: { ...get().curvature, [runId]: { ...get().curvature[runId]!, ...patch } } });

  const curveKeyOf = (requestId: string | undefined): string | undefined =>
    Object.keys(get().curves).find((key) => get().curves[key]!.requestId === requestId);

  const patchCurve = (key: string, patch: Partial<CurveState>): void => {
    const curve = get().curves[key];
    if (curve) set({ curves: { ...get().curves, [key]: { ...curve, ...patch } } });
  };

  /** Cancels the curve's work on the host, if any is under way. */
  const stopCurve = (key: string): void => {
    const curve = get().curves[key];
    if (curve?.status === 'computing') get().bridge?.send({ type: 'cancel-landscape', requestId: curve.requestId });
  };

  /** With the plane chosen: asks for the grid on it, with the runs' checkpoints to place on it. */
  const computeSlice = (key: string, plane: SlicePlaneMessage): void => {
    const { bridge, runs, network, slices } = get();
    const slice = slices[key];
    const checked = checkNetwork(network);
    if (!bridge || !slice || 'error' in checked) return;
    const { center, d1, d2, alphas, betas } = plane;
    const values = new Float64Array(alphas.length * betas.length).fill(NaN);
    // A run removed while the plane was being chosen leaves the picture; its path goes with it.
    const placed = runs.filter((run) => run.checkpoints && slice.runIds.includes(run.id));
    const runIds = slice.runIds.filter((id) => placed.some((run) => run.id === id));
    const paths = runIds.map((id) => placed.find((run) => run.id === id)!.checkpoints!.params);
    patchSlice(key, { plane, values, runIds, total: values.length, status: 'computing' });
    bridge.send({ type: 'landscape', requestId: slice.requestId, problem: { mlp: checked.mlp }, center, d1, d2, alphas, betas, paths });
  };

  const setProblem = (problem: FunctionProblem, bounds: Bounds): void => {
    clearRuns();
    set({ problem, bounds, expressionError: null, surface: null });
    requestSurface();
  };

  const patchRun = (id: string, patch: Partial<RunEntry>): void =>
    set({ runs: get().runs.map((run) => (run.id === id ? { ...run, ...patch } : run)) });

  const receive = (message: HostMessage): void => {
    switch (message.type) {
      case 'surface': {
        if (message.requestId !== get().surfaceRequest) return;
        let zMin = Infinity;
        let zMax = -Infinity;
        for (const value of message.z) {
          if (value < zMin) zMin = value;
          if (value > zMax) zMax = value;
        }
        set({ surface: { x: message.x, y: message.y, z: message.z, zMin, zMax, criticalPoints: message.criticalPoints } });
        return;
      }
      case 'frames': {
        const run = get().runs.find((entry) => entry.id === message.runId);
        if (!run) return;
        run.series.append(message);
        const live = message.checkpoints ? { liveCheckpoints: appendCheckpoints(run.liveCheckpoints, message.checkpoints) } : {};
        patchRun(run.id, { count: run.series.count, events: [...run.events, ...message.events], ...live });
        return;
      }
      case 'data':
        patchRun(message.runId, { data: message });
        return;
      case 'prediction':
        patchRun(message.runId, { prediction: message });
        return;
      case 'checkpoints':
        // The completion's message holds them all: the ones that came while it trained are let go.
        patchRun(message.runId, { checkpoints: message, liveCheckpoints: undefined });
        return;
      case 'slice-plane': {
        const key = sliceKeyOf(message.requestId);
        const slice = key === undefined ? undefined : get().slices[key];
        if (!slice) return;
        planes.set(slice.planeKey, message);
        for (const old of planes.keys()) if (planes.size > MAX_PLANES) planes.delete(old);
        if (slice.status === 'choosing') computeSlice(key!, message);
        return;
      }
      case 'landscape': {
        const key = sliceKeyOf(message.requestId);
        const slice = key === undefined ? undefined : get().slices[key];
        const curveKey = key === undefined ? curveKeyOf(message.requestId) : undefined;
        const curve = curveKey === undefined ? undefined : get().curves[curveKey];
        // A curve is a few hundred points at most: each message is shown at once.
        if (curve?.status === 'computing') {
          message.indices.forEach((index, k) => (curve.values[index] = message.values[k]!));
          patchCurve(curveKey!, { computed: message.computed, total: message.total, status: message.status });
          return;
        }
        if (!slice?.values || slice.status !== 'computing') return;
        message.indices.forEach((index, k) => (slice.values![index] = message.values[k]!));
        const queued = streamed.has(slice.requestId);
        streamed.set(slice.requestId, { ...streamed.get(slice.requestId), computed: message.computed, total: message.total, status: message.status, ...(message.paths ? { paths: message.paths } : {}) });
        if (message.status !== 'computing' || message.paths) showStreamed(key!);
        else if (!queued) setTimeout(() => showStreamed(key!), SLICE_REDRAW_MS);
        return;
      }
      case 'status':
        patchRun(message.runId, { status: message.status, ...(message.message ? { message: message.message } : {}) });
        if (message.status === 'failed') set({ notice: `Run failed: ${message.message ?? 'unknown error'}` });
        return;
      case 'command':
        runCommand(message.command);
        return;
      case 'curvature': {
        const runId = curvatureRunOf(message.requestId);
        if (runId !== undefined) patchCurvature(runId, { status: 'complete', eigenvalues: message.eigenvalues, kind: message.kind });
        return;
      }
      case 'error': {
        const sliceKey = message.requestId === undefined ? undefined : sliceKeyOf(message.requestId);
        if (sliceKey !== undefined) {
          patchSlice(sliceKey, { status: 'failed', message: message.message });
          return;
        }
        const curvatureRun = curvatureRunOf(message.requestId);
        if (message.requestId !== undefined && curvatureRun !== undefined) {
          patchCurvature(curvatureRun, { status: 'failed', message: message.message });
          return;
        }
        const curveKey = message.requestId === undefined ? undefined : curveKeyOf(message.requestId);
        if (curveKey !== undefined) {
          patchCurve(curveKey, { status: 'failed', message: message.message });
          return;
        }
        if (message.requestId && message.requestId === get().surfaceRequest) set({ surfaceRequest: null });
        set({ notice: message.message });
        return;
      }
    }
  };

  return {
    bridge: null,
    kind: 'function',
    network: DEFAULT_NETWORK,
    problem: { function: 'himmelblau' },
    bounds: catalogEntry('himmelblau').bounds,
    expressionError: null,
    surface: null,
    surfaceRequest: null,
    draft: DEFAULT_DRAFT,
    runs: [],
    shownRuns: [],
    slices: {},
    curves: {},
    curvature: {},
    notice: null,
    caption: null,
    view: DEFAULT_VIEW,

    connect(bridge) {
      set({ bridge });
      const unsubscribe = bridge.subscribe(receive);
      requestSurface();
      return () => {
        unsubscribe();
        set({ bridge: null });
      };
    },
    chooseFunction(name) {
      setProblem({ function: name }, catalogEntry(name).bounds);
    },
    applyExpression(source) {
      try {
        compileExpression(source);
      } catch (error) {
        set({ expressionError: (error as Error).message });
        return;
      }
      setProblem({ expression: source }, DEFAULT_EXPRESSION_BOUNDS);
    },
    setOptimizer(optimizer) {
      set({ draft: { ...get().draft, optimizer } });
    },
    updateDraft(patch) {
      set({ draft: { ...get().draft, ...patch } });
    },
    setKind(kind) {
      if (kind === get().kind) return;
      clearRuns();
      set({ kind });
      if (kind === 'function') requestSurface();
    },
    updateNetwork(patch) {
      // A new dataset or architecture is a new problem; initialization and batch size are per run.
      if (patch.mlp) clearRuns();
      set({ network: { ...get().network, ...patch } });
    },
    startRun() {
      const { draft, network } = get();
      launch({ optimizer: draft.optimizer, steps: draft.steps, start: draft.start, init: network.init, batchSize: network.batchSize, seed: 0 });
    },
    startComparison(comparison, caption) {
      if (comparison.kind !== get().kind) get().setKind(comparison.kind);
      if (comparison.network) get().updateNetwork({ mlp: comparison.network });
      if (comparison.function) get().chooseFunction(comparison.function);
      clearRuns();
      set({ caption: caption ?? null, notice: null });
      for (const settings of comparison.runs) launch(settings);
    },
    duplicateRun(id) {
      const run = get().runs.find((entry) => entry.id === id);
      if (!run) return;
      const { settings } = run;
      set({
        draft: { ...get().draft, optimizer: settings.optimizer, steps: settings.steps, start: settings.start },
        network: { ...get().network, init: settings.init, batchSize: settings.batchSize },
        notice: null,
      });
    },
    renameRun(id, name) {
      if (name.trim()) patchRun(id, { name: name.trim() });
    },
    requestSlice(key, runId, choices) {
      const { bridge, runs, shownRuns, network } = get();
      const center = runs.find((run) => run.id === runId);
      const checked = checkNetwork(network);
      if (!bridge || !center?.checkpoints || 'error' in checked) return;
      const others = shownRuns.filter((run) => run.checkpoints && run.id !== runId);
      const runIds = [runId, ...others.map((run) => run.id)];
      // Views sharing a slice (several "all runs" panels) ask for it together: once is enough.
      const current = get().slices[key];
      const live = current?.status === 'choosing' || current?.status === 'computing' || current?.status === 'complete';
      if (live && current.runId === runId && current.runIds.join() === runIds.join() && JSON.stringify(current.choices) === JSON.stringify(choices)) return;
      stopSlice(key);
      const requestId = `slice-${++requestCounter}`;
      const fields = slicePlaneFields(choices, center, others);
      const common = { requestId, runId, choices, runIds, computed: 0, total: choices.resolution ** 2 };
      if ('error' in fields) {
        set({ slices: { ...get().slices, [key]: { ...common, planeKey: '', status: 'failed', message: fields.error } } });
        return;
      }
      const known = planes.get(planeKey(fields));
      set({ slices: { ...get().slices, [key]: { ...common, planeKey: planeKey(fields), status: 'choosing' } } });
      if (known) computeSlice(key, known);
      else bridge.send({ type: 'slice-plane', requestId, problem: { mlp: checked.mlp }, ...fields });
    },
    cancelSlice(key) {
      const slice = get().slices[key];
      if (slice?.status !== 'choosing' && slice?.status !== 'computing') return;
      showStreamed(key);
      stopSlice(key);
      patchSlice(key, { status: 'cancelled' });
    },
    releaseSlice(key) {
      stopSlice(key);
      stopCurve(key);
      const { [key]: _released, ...rest } = get().slices;
      const { [key]: _releasedCurve, ...otherCurves } = get().curves;
      set({ slices: rest, curves: otherCurves });
    },
    requestCurve(key, runId, partner, resolution) {
      const { bridge, runs, network } = get();
      const [center, far] = [runId, partner].map((id) => runs.find((run) => run.id === id));
      const checked = checkNetwork(network);
      if (!bridge || !center || !far || 'error' in checked) return;
      const current = get().curves[key];
      if ((current?.status === 'computing' || current?.status === 'complete') && current.runId === runId && current.partner === partner && current.resolution === resolution) return;
      stopCurve(key);
      const t = curveTimes(resolution);
      const grid = curveGrid(center, far, resolution);
      const common = { requestId: `curve-${++requestCounter}`, runId, partner, resolution, t, values: new Float64Array(t.length).fill(NaN), computed: 0, total: t.length };
      if (!grid) {
        set({ curves: { ...get().curves, [key]: { ...common, status: 'failed', message: 'the line needs both runs’ checkpoints' } } });
        return;
      }
      set({ curves: { ...get().curves, [key]: { ...common, status: 'computing' } } });
      bridge.send({ type: 'landscape', requestId: common.requestId, problem: { mlp: checked.mlp }, ...grid });
    },
    toggleHidden(id) {
      const run = get().runs.find((entry) => entry.id === id);
      if (run) patchRun(id, { hidden: !run.hidden });
    },
    controlRun(id, action) {
      get().bridge?.send({ type: action, runId: id });
    },
    requestCurvature(runId, step) {
      const { bridge, runs, network } = get();
      const run = runs.find((entry) => entry.id === runId);
      const checked = checkNetwork(network);
      const steps = run?.checkpoints?.steps;
      const index = steps ? steps.indexOf(step) : -1;
      if (!bridge || !run?.checkpoints || index < 0) return;
      const requestId = `curvature-${++requestCounter}`;
      if ('error' in checked) {
        set({ curvature: { ...get().curvature, [runId]: { requestId, step, status: 'failed', message: checked.error } } });
        return;
      }
      const size = run.checkpoints.params.length / run.checkpoints.steps.length;
      set({ curvature: { ...get().curvature, [runId]: { requestId, step, status: 'computing' } } });
      const params = run.checkpoints.params.slice(index * size, (index + 1) * size);
      bridge.send({ type: 'curvature', requestId, problem: { mlp: checked.mlp }, step, params, seed: run.settings.seed });
    },
    removeRun(id) {
      const run = get().runs.find((entry) => entry.id === id);
      if (run && !FINAL_STATUSES.has(run.status)) get().bridge?.send({ type: 'cancel', runId: id });
      set({ runs: get().runs.filter((entry) => entry.id !== id) });
    },
    dismissNotice() {
      set({ notice: null });
    },
    dismissCaption() {
      set({ caption: null });
    },
    updateView(patch) {
      set({ view: { ...get().view, ...patch } });
    },
    restore(picture) {
      if (picture.kind === 'network') {
        clearRuns();
        set({ kind: 'network', network: picture.network });
      } else {
        set({ kind: 'function' });
        setProblem(picture.problem, picture.bounds);
      }
      set({ runs: picture.runs, view: picture.view, draft: { ...get().draft, ...picture.draft }, notice: null });
    },
  };
});

useAppStore.subscribe((state, previous) => {
  if (state.runs !== previous.runs) useAppStore.setState({ shownRuns: state.runs.filter((run) => !run.hidden) });
});

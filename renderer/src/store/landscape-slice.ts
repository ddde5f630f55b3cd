import type { StateCreator } from 'zustand';
import { curveTimes } from '../../../shared/landscape-curve';
import { projectPaths } from '../../../shared/plane-projection';
import type { CurvatureAnswer, LandscapeMessage, SlicePlaneMessage } from '../../../shared/protocol';
import { curveGrid } from '../network/interpolation-curve';
import { planeKey, slicePlaneFields, type SliceChoices } from '../network/slice-choices';
import type { CheckpointCurvature, CurveState, SliceState } from './app-model';
import type { AppState } from './app-store';
import { checkNetwork } from './run-spec';

/**
 * What the workers compute from finished network runs: loss landscape slices and interpolation
 * curves, each by view, and the curvature at a checkpoint, by run. The host streams the answers
 * (host-messages.ts hands them to the receive* actions).
 */
export interface LandscapeSlice {
  /** Slices by view, so several landscape views can coexist. */
  slices: Record<string, SliceState>;
  /** Interpolation curves, by view as the slices are. */
  curves: Record<string, CurveState>;
  /** Networks: the curvature asked for at a checkpoint the user picked, by run. */
  curvature: Record<string, CheckpointCurvature>;

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
  /** Stops and forgets every landscape, curve and curvature, with the memo of chosen planes and their paths: the runs are gone. */
  clearLandscapes(): void;
  receiveSlicePlane(message: SlicePlaneMessage): void;
  receiveLandscape(message: LandscapeMessage): void;
  receiveCurvature(message: CurvatureAnswer): void;
  /** Marks the slice, curvature or curve asked for by `requestId` as failed; false when none was. */
  failLandscapeRequest(requestId: string, message: string): boolean;
}

const MAX_PLANES = 32;
/** A streaming slice is redrawn at most this often: a 201 × 201 image takes tens of milliseconds to build. */
const SLICE_REDRAW_MS = 250;

export const createLandscapeSlice: StateCreator<AppState, [], [], LandscapeSlice> = (set, get) => {
  let requestCounter = 0;
  /** Planes already chosen, by planeKey: asking for a slice again costs no round trip (and its grid comes from the host's cache). */
  const planes = new Map<string, SlicePlaneMessage>();
  /**
   * Finished runs' checkpoints placed on the planes above, by plane key and then by the checkpoints'
   * parameters (one array per run, never changed once finished): the main view and every panel of
   * a plane place each run once, not once per view (101 checkpoints × 101,770 parameters a run).
   */
  const placements = new Map<string, WeakMap<Float64Array, ReturnType<typeof projectPaths>[number]>>();
  const placeOnPlane = (key: string, plane: SlicePlaneMessage, params: Float64Array) => {
    let byParams = placements.get(key);
    if (!byParams) placements.set(key, (byParams = new WeakMap()));
    let placed = byParams.get(params);
    if (!placed) byParams.set(params, (placed = projectPaths([params], plane)[0]!));
    return placed;
  };
  /**
   * What streamed in for a slice since it was last shown, by request id: the values are written in
   * place, the picture is redrawn (a new state) at most every SLICE_REDRAW_MS while computing.
   */
  const streamed = new Map<string, Partial<SliceState>>();

  const patchSlice = (key: string, patch: Partial<SliceState>): void => {
    const slice = get().slices[key];
    if (slice) set({ slices: { ...get().slices, [key]: { ...slice, ...patch } } });
  };
  const showStreamed = (key: string): void => {
    const slice = get().slices[key];
    const patch = slice && streamed.get(slice.requestId);
    if (!patch) return;
    streamed.delete(slice.requestId);
    if (slice.status === 'computing') patchSlice(key, patch);
  };
  const sliceKeyOf = (requestId: string): string | undefined =>
    Object.keys(get().slices).find((key) => get().slices[key]!.requestId === requestId);

  /** Cancels the slice's work on the host, if any is under way. */
  const stopSlice = (key: string): void => {
    const slice = get().slices[key];
    if (!slice) return;
    streamed.delete(slice.requestId);
    if (slice.status === 'computing') get().bridge?.send({ type: 'cancel-landscape', requestId: slice.requestId });
  };

  const curvatureRunOf = (requestId: string): string | undefined =>
    Object.keys(get().curvature).find((runId) => get().curvature[runId]!.requestId === requestId);
  const patchCurvature = (runId: string, patch: Partial<CheckpointCurvature>): void =>
    set({ curvature: { ...get().curvature, [runId]: { ...get().curvature[runId]!, ...patch } } });

  const curveKeyOf = (requestId: string): string | undefined =>
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

  /**
   * With the plane chosen: places the runs' checkpoints on it, as a training run's are
   * (live-checkpoints.ts), and asks the host for the grid alone, so no checkpoint crosses twice.
   */
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
    const paths = runIds.map((id) =>
      placeOnPlane(slice.planeKey, plane, placed.find((run) => run.id === id)!.checkpoints!.params),
    );
    patchSlice(key, { plane, values, runIds, paths, total: values.length, status: 'computing' });
    bridge.send({
      type: 'landscape',
      requestId: slice.requestId,
      problem: { mlp: checked.mlp },
      center,
      d1,
      d2,
      alphas,
      betas,
    });
  };

  return {
    slices: {},
    curves: {},
    curvature: {},

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
      if (
        live &&
        current.runId === runId &&
        current.runIds.join() === runIds.join() &&
        JSON.stringify(current.choices) === JSON.stringify(choices)
      )
        return;
      stopSlice(key);
      const requestId = `slice-${++requestCounter}`;
      const fields = slicePlaneFields(choices, center, others);
      const common = { requestId, runId, choices, runIds, computed: 0, total: choices.resolution ** 2 };
      if ('error' in fields) {
        set({
          slices: { ...get().slices, [key]: { ...common, planeKey: '', status: 'failed', message: fields.error } },
        });
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
      if (
        (current?.status === 'computing' || current?.status === 'complete') &&
        current.runId === runId &&
        current.partner === partner &&
        current.resolution === resolution
      )
        return;
      stopCurve(key);
      const t = curveTimes(resolution);
      const grid = curveGrid(center, far, resolution);
      const common = {
        requestId: `curve-${++requestCounter}`,
        runId,
        partner,
        resolution,
        t,
        values: new Float64Array(t.length).fill(NaN),
        computed: 0,
        total: t.length,
      };
      if (!grid) {
        set({
          curves: {
            ...get().curves,
            [key]: { ...common, status: 'failed', message: 'the line needs both runs’ checkpoints' },
          },
        });
        return;
      }
      set({ curves: { ...get().curves, [key]: { ...common, status: 'computing' } } });
      bridge.send({ type: 'landscape', requestId: common.requestId, problem: { mlp: checked.mlp }, ...grid });
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
        set({
          curvature: { ...get().curvature, [runId]: { requestId, step, status: 'failed', message: checked.error } },
        });
        return;
      }
      const size = run.checkpoints.params.length / run.checkpoints.steps.length;
      set({ curvature: { ...get().curvature, [runId]: { requestId, step, status: 'computing' } } });
      const params = run.checkpoints.params.slice(index * size, (index + 1) * size);
      bridge.send({
        type: 'curvature',
        requestId,
        problem: { mlp: checked.mlp },
        step,
        params,
        l2: run.settings.l2 ?? 0,
        seed: run.settings.seed,
      });
    },
    clearLandscapes() {
      for (const key of Object.keys(get().slices)) stopSlice(key);
      for (const key of Object.keys(get().curves)) stopCurve(key);
      planes.clear();
      placements.clear();
      set({ slices: {}, curves: {}, curvature: {} });
    },

    receiveSlicePlane(message) {
      const key = sliceKeyOf(message.requestId);
      const slice = key === undefined ? undefined : get().slices[key];
      if (!slice) return;
      planes.set(slice.planeKey, message);
      for (const old of planes.keys())
        if (planes.size > MAX_PLANES) {
          planes.delete(old);
          placements.delete(old);
        }
      if (slice.status === 'choosing') computeSlice(key!, message);
    },
    receiveLandscape(message) {
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
      streamed.set(slice.requestId, {
        ...streamed.get(slice.requestId),
        computed: message.computed,
        total: message.total,
        status: message.status,
      });
      // The first values are shown at once, the rest at most every SLICE_REDRAW_MS.
      if (message.status !== 'computing' || slice.computed === 0) showStreamed(key!);
      else if (!queued) setTimeout(() => showStreamed(key!), SLICE_REDRAW_MS);
    },
    receiveCurvature(message) {
      const runId = curvatureRunOf(message.requestId);
      if (runId !== undefined)
        patchCurvature(runId, { status: 'complete', eigenvalues: message.eigenvalues, kind: message.kind });
    },
    failLandscapeRequest(requestId, message) {
      const sliceKey = sliceKeyOf(requestId);
      if (sliceKey !== undefined) {
        patchSlice(sliceKey, { status: 'failed', message });
        return true;
      }
      const curvatureRun = curvatureRunOf(requestId);
      if (curvatureRun !== undefined) {
        patchCurvature(curvatureRun, { status: 'failed', message });
        return true;
      }
      const curveKey = curveKeyOf(requestId);
      if (curveKey !== undefined) patchCurve(curveKey, { status: 'failed', message });
      return curveKey !== undefined;
    },
  };
};

import type { FramesMessage } from '../../../shared/protocol';
import {
  SESSION_FORMAT,
  SESSION_VERSION,
  type SessionFile,
  type SessionFileInput,
  type SessionRun,
} from '../../../shared/session-file';
import { runSpecSchema } from '../../../shared/spec/spec';
import { currentStep } from '../playback/playback-clock';
import { playbackClock, usePlaybackStore } from '../playback/playback-store';
import { DEFAULT_NETWORK, useAppStore, type RunEntry } from '../store/app-store';
import { RunSeries } from '../store/run-series';
import { cameraPose, setCameraPose } from '../export/scene-access';

/** The picture as a session file: problem, runs with their results so far, and the view. */
export function captureSession(): SessionFileInput {
  const { problem, bounds, runs, view } = useAppStore.getState();
  const camera = cameraPose();
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    problem,
    bounds,
    runs: runs.map(captureRun),
    view: {
      ...view,
      trail: usePlaybackStore.getState().trail,
      step: currentStep(playbackClock),
      follow: playbackClock.follow,
      ...(camera ? { camera } : {}),
    },
  };
}

function captureRun(run: RunEntry): SessionFileInput['runs'][number] {
  const n = run.series.count;
  return {
    spec: { name: run.name, start: run.start, optimizer: run.optimizer, steps: run.steps },
    color: run.color,
    status: run.status,
    ...(run.message ? { message: run.message } : {}),
    points: Array.from(run.series.points.subarray(0, 2 * n)),
    loss: Array.from(run.series.loss.subarray(0, n)),
    gradNorm: Array.from(run.series.gradNorm.subarray(0, n)),
    lr: Array.from(run.series.lr.subarray(0, n)),
    events: run.events,
  };
}

let restoreCounter = 0;

/** Shows a parsed session in place of the current picture; nothing is trained again. */
export function restoreSession(session: SessionFile): void {
  const { problem } = session;
  if ('mlp' in problem) throw new Error('problem: network sessions cannot be opened yet');
  const restoreId = ++restoreCounter;
  const runs = session.runs.map((run, index) => restoreRun(run, `restored-${restoreId}-${index}`));
  const { trail, step, follow, camera, ...view } = session.view;
  useAppStore.getState().restore({ problem, bounds: session.bounds, runs, view });

  const playback = usePlaybackStore.getState();
  playback.setTrail(trail);
  playbackClock.lastStep = runs.reduce((last, run) => Math.max(last, run.series.count - 1), 0);
  if (follow) playback.goLive();
  else playback.seek(step);
  // After the layout has settled: the camera fit moves the camera when the canvas changes shape.
  if (camera) requestAnimationFrame(() => requestAnimationFrame(() => setCameraPose(camera)));
}

function restoreRun(run: SessionRun, id: string): RunEntry {
  const spec = runSpecSchema.parse(run.spec);
  const series = new RunSeries(spec.steps + 1);
  const frames: FramesMessage = {
    type: 'frames',
    runId: id,
    fromStep: 0,
    points: Float64Array.from(run.points),
    loss: Float64Array.from(run.loss),
    gradNorm: Float64Array.from(run.gradNorm),
    lr: Float64Array.from(run.lr),
    events: run.events,
  };
  series.append(frames);
  return {
    id,
    kind: 'function',
    name: spec.name,
    color: run.color,
    settings: { optimizer: spec.optimizer, steps: spec.steps, start: spec.start ?? [0, 0], init: DEFAULT_NETWORK.init, batchSize: 0, seed: spec.seed },
    optimizer: spec.optimizer,
    start: spec.start ?? [0, 0],
    steps: spec.steps,
    // A run saved while streaming cannot go on: it is shown as it was when saved, stopped.
    status: run.status === 'completed' || run.status === 'diverged' || run.status === 'failed' ? run.status : 'cancelled',
    ...(run.message ? { message: run.message } : {}),
    series,
    events: run.events,
    count: series.count,
  };
}

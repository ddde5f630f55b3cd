import type { FramesMessage } from '../../../shared/protocol';
import {
  SESSION_FORMAT,
  SESSION_VERSION,
  type SessionFile,
  type SessionPanels,
  type SessionRun,
  type WritableSession,
} from '../../../shared/session-file';
import { SESSION_RUN_STATUSES, savedRunStatus } from '../../../shared/run-status';
import { runSpecSchema } from '../../../shared/spec/spec';
import { useImportedLandscapes } from '../store/imported-landscapes';
import { currentStep } from '../playback/playback-clock';
import { playbackClock, usePlaybackStore } from '../store/playback-store';
import { DEFAULT_DRAFT, DEFAULT_VIEW, type NetworkDraft, type RunEntry } from '../store/app-model';
import { useAppStore } from '../store/app-store';
import { runSettingsOf, runSpecFields } from '../store/run-spec';
import { RunSeries } from '../store/run-series';
import { cameraPose, setCameraPose } from '../export/scene-access';
import { ALL_RUNS, DEFAULT_PANELS, usePanelStore, type PanelSettings } from '../store/panel-store';

type SessionRunInput = WritableSession['runs'][number];

/** The form's settings for the next network run as a session keeps them: penalties and dropout only when set. */
function networkDraftOf({ init, batchSize, l1, l2, dropout }: NetworkDraft) {
  return { init, batchSize, ...(l1 ? { l1 } : {}), ...(l2 ? { l2 } : {}), ...(dropout ? { dropout } : {}) };
}

/**
 * The picture as a session file: problem, runs with their results so far, and the view. Its
 * number arrays are Float64Arrays (views of the runs' own) and its checkpoints are joined as the
 * runs hold them: serializeSession packs the one and lists the other as the file does.
 */
export function captureSession(): WritableSession {
  const { kind, problem, bounds, network, runs, view, draft } = useAppStore.getState();
  const camera = cameraPose();
  const imported = useImportedLandscapes.getState().capture();
  const picture =
    kind === 'network' ? { problem: { mlp: network.mlp }, network: networkDraftOf(network) } : { problem, bounds };
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    ...picture,
    runs: runs.map(kind === 'network' ? captureNetworkRun : captureFunctionRun),
    view: {
      ...view,
      trail: usePlaybackStore.getState().trail,
      step: currentStep(playbackClock),
      follow: playbackClock.follow,
      ...(camera ? { camera } : {}),
      panels: capturePanels(runs),
      draft: { steps: draft.steps, pace: draft.pace },
    },
    ...(imported.length ? { imported } : {}),
  };
}

/** The panels layout's settings, each panel's run by its index: run ids belong to the connection. */
function capturePanels(runs: readonly RunEntry[]): SessionPanels {
  const { count, lockCameras, lockTimeline, choices } = usePanelStore.getState();
  const panels = Math.max(0, ...Object.keys(choices).map((panel) => Number(panel) + 1));
  const byPanel = Array.from({ length: panels }, (_, panel) => {
    const choice = choices[panel];
    if (choice === undefined || choice === ALL_RUNS) return choice ?? null;
    // A chosen run since removed: the panel shows its default, as it does now.
    const index = runs.findIndex((run) => run.id === choice);
    return index < 0 ? null : index;
  });
  // Trailing defaults say nothing: the same panels save the same list.
  while (byPanel.at(-1) === null) byPanel.pop();
  return { count, lockCameras, lockTimeline, choices: byPanel };
}

/** The file's panels with run indices read as the restored runs' ids. */
function restoredPanels({ choices, ...settings }: SessionPanels, runs: readonly RunEntry[]): PanelSettings {
  const byPanel = choices.flatMap((choice, panel) =>
    choice === null ? [] : [[panel, choice === ALL_RUNS ? ALL_RUNS : runs[choice]!.id] as const],
  );
  return { ...settings, choices: Object.fromEntries(byPanel) };
}

/** What every run keeps: its spec, colour, status and the per-step series both kinds have. */
function captureCommon(run: RunEntry): SessionRunInput {
  const n = run.series.count;
  return {
    spec: runSpecFields(run.name, run.settings, run.kind),
    color: run.color,
    status: run.status,
    ...(run.message ? { message: run.message } : {}),
    loss: run.series.loss.subarray(0, n),
    gradNorm: run.series.gradNorm.subarray(0, n),
    lr: run.series.lr.subarray(0, n),
    events: run.events,
  };
}

function captureFunctionRun(run: RunEntry): SessionRunInput {
  return { ...captureCommon(run), points: run.series.points.subarray(0, 2 * run.series.count) };
}

function captureNetworkRun(run: RunEntry): SessionRunInput {
  const { series, data, prediction, checkpoints } = run;
  const n = series.count;
  return {
    ...captureCommon(run),
    layerGradNorms: series.layerGradNorms.subarray(0, n * series.layers),
    ...(series.testLoss.length ? { testLoss: series.testLoss.subarray(0, n) } : {}),
    ...(data ? { data: withoutRouting(data) } : {}),
    ...(prediction ? { prediction: withoutRouting(prediction) } : {}),
    ...(checkpoints ? { checkpoints } : {}),
  };
}

/** A host message's content: its type and run id belong to the live connection, not the file. */
function withoutRouting<T extends { type: string; runId: string }>(message: T): Omit<T, 'type' | 'runId'> {
  const { type: _type, runId: _runId, ...content } = message;
  return content;
}

let restoreCounter = 0;

/** Shows a parsed session in place of the current picture; nothing is trained again. */
export function restoreSession(session: SessionFile): void {
  const restoreId = ++restoreCounter;
  // First, as it is the part that can still refuse the file (its surfaces go back through the .h5 checks).
  useImportedLandscapes.getState().restore(session.imported ?? []);
  const { problem } = session;
  const { trail, step, follow, camera, networkView, panels, draft, ...fields } = session.view;
  // Fields a file may lack (older ones) take the app's defaults.
  const view = { ...fields, networkView: networkView ?? DEFAULT_VIEW.networkView };
  const restored = { view, draft: draft ?? { steps: DEFAULT_DRAFT.steps, pace: DEFAULT_DRAFT.pace } };
  if ('mlp' in problem) {
    const { dataset, hidden, activation, loss, testFraction } = problem.mlp;
    // The file's checks hold a network session to its draft settings.
    if (!session.network) throw new Error('network: a network session needs its network settings');
    const { l1 = 0, l2 = 0, dropout = 0, ...rest } = session.network;
    const network: NetworkDraft = {
      mlp: { dataset, hidden, activation, loss, testFraction },
      ...rest,
      l1,
      l2,
      dropout,
    };
    const runs = session.runs.map((run, index) =>
      restoreNetworkRun(run, `restored-${restoreId}-${index}`, hidden.length + 1),
    );
    useAppStore.getState().restore({ kind: 'network', network, runs, ...restored });
  } else {
    const runs = session.runs.map((run, index) =>
      restoreRun(run, `restored-${restoreId}-${index}`, new RunSeries(run.spec.steps + 1)),
    );
    useAppStore.getState().restore({ kind: 'function', problem, bounds: session.bounds!, runs, ...restored });
  }

  const { runs } = useAppStore.getState();
  usePanelStore.setState(panels ? restoredPanels(panels, runs) : DEFAULT_PANELS);
  const playback = usePlaybackStore.getState();
  playback.setTrail(trail);
  playbackClock.lastStep = runs.reduce((last, run) => Math.max(last, run.series.count - 1), 0);
  if (follow) playback.goLive();
  else playback.seek(step);
  // After the layout has settled: the camera fit moves the camera when the canvas changes shape.
  if (camera) requestAnimationFrame(() => requestAnimationFrame(() => setCameraPose(camera)));
}

function restoreNetworkRun(run: SessionRun, id: string, layers: number): RunEntry {
  const entry = restoreRun(run, id, new RunSeries(run.spec.steps + 1, layers, run.testLoss !== undefined));
  return {
    ...entry,
    kind: 'network',
    ...(run.data ? { data: { type: 'data', runId: id, ...run.data } } : {}),
    ...(run.prediction ? { prediction: { type: 'prediction', runId: id, ...run.prediction } } : {}),
    ...(run.checkpoints ? { checkpoints: run.checkpoints } : {}),
  };
}

/** A run entry holding the saved series, as if its frames had just streamed in. */
function restoreRun(run: SessionRun, id: string, series: RunSeries): RunEntry {
  const spec = runSpecSchema.parse(run.spec);
  const frames: FramesMessage = {
    type: 'frames',
    runId: id,
    fromStep: 0,
    loss: run.loss,
    gradNorm: run.gradNorm,
    lr: run.lr,
    events: run.events,
    ...(run.points ? { points: run.points } : {}),
    ...(run.testLoss ? { testLoss: run.testLoss } : {}),
    ...(run.layerGradNorms ? { layerGradNorms: run.layerGradNorms } : {}),
  };
  series.append(frames);
  const settings = runSettingsOf(spec);
  return {
    id,
    kind: 'function',
    name: spec.name,
    color: run.color,
    settings,
    optimizer: spec.optimizer,
    start: settings.start,
    steps: spec.steps,
    // A run saved while streaming cannot go on: it is shown as it was when saved, stopped.
    status: savedRunStatus(run.status, SESSION_RUN_STATUSES),
    ...(run.message ? { message: run.message } : {}),
    series,
    events: run.events,
    count: series.count,
  };
}

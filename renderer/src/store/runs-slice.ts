import type { StateCreator } from 'zustand';
import { FINAL_STATUSES } from '../../../shared/protocol';
import type { OptimizerSpec } from '../../../shared/spec/optimizer-spec';
import {
  DEFAULT_DRAFT,
  type Caption,
  type Comparison,
  type ProblemKind,
  type RunDraft,
  type RunEntry,
  type RunSettings,
} from './app-model';
import type { AppState } from './app-store';
import { RUN_COLORS } from './palette';
import { checkNetwork, regularizationOf, runSpecFields } from './run-spec';
import { RunSeries } from './run-series';

/** The run form's draft and the runs of the picture: started, compared, renamed, hidden, controlled, removed. */
export interface RunsSlice {
  draft: RunDraft;
  runs: RunEntry[];
  /** The runs the views draw: all but the hidden, the same array until the runs change. */
  shownRuns: RunEntry[];

  setOptimizer(optimizer: OptimizerSpec): void;
  updateDraft(patch: Partial<RunDraft>): void;
  startRun(): void;
  /** Replaces the runs with a comparison's, on its problem, with the caption that explains it. */
  startComparison(comparison: Comparison, caption?: Caption): void;
  /** Loads a run's settings into the form, to run it again with changes. */
  duplicateRun(id: string): void;
  renameRun(id: string, name: string): void;
  toggleHidden(id: string): void;
  controlRun(id: string, action: 'pause' | 'resume' | 'cancel'): void;
  removeRun(id: string): void;
  /** A new problem starts a new picture: the old runs, and what was computed from them, belong to the old one. */
  clearRuns(): void;
  /** Applies what the host says of a run (status, results) to its entry. */
  patchRun(id: string, patch: Partial<RunEntry>): void;
}

/** The first palette colour no run on screen has, so a comparison's runs take the palette in order. */
function freeColor(runs: RunEntry[]): string {
  const used = new Set(runs.map((run) => run.color));
  return RUN_COLORS.find((color) => !used.has(color)) ?? RUN_COLORS[runs.length % RUN_COLORS.length]!;
}

function newEntry(
  id: string,
  name: string,
  kind: ProblemKind,
  settings: RunSettings,
  color: string,
  layers = 0,
  hasTest = false,
): RunEntry {
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

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set, get) => {
  let runCounter = 0;

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
      bridge.send({
        type: 'start',
        runId: id,
        problem: { mlp: checked.mlp },
        run: { ...run, init: checked.init },
        ...pace,
      });
      return;
    }
    set({ runs: [...runs, newEntry(id, name, kind, settings, color)] });
    bridge.send({ type: 'start', runId: id, problem, bounds, run, ...pace });
  };

  return {
    draft: DEFAULT_DRAFT,
    runs: [],
    shownRuns: [],

    setOptimizer(optimizer) {
      set({ draft: { ...get().draft, optimizer } });
    },
    updateDraft(patch) {
      set({ draft: { ...get().draft, ...patch } });
    },
    startRun() {
      const { draft, network } = get();
      launch({
        optimizer: draft.optimizer,
        steps: draft.steps,
        start: draft.start,
        init: network.init,
        batchSize: network.batchSize,
        ...regularizationOf({
          l1: network.l1 || undefined,
          l2: network.l2 || undefined,
          dropout: network.dropout || undefined,
        }),
        seed: 0,
      });
    },
    startComparison(comparison, caption) {
      if (comparison.kind !== get().kind) get().setKind(comparison.kind);
      if (comparison.network) get().updateNetwork({ mlp: comparison.network });
      if (comparison.function) get().chooseFunction(comparison.function);
      get().clearRuns();
      set({ caption: caption ?? null, notice: null });
      for (const settings of comparison.runs) launch(settings);
    },
    duplicateRun(id) {
      const run = get().runs.find((entry) => entry.id === id);
      if (!run) return;
      const { settings } = run;
      set({
        draft: { ...get().draft, optimizer: settings.optimizer, steps: settings.steps, start: settings.start },
        network: {
          ...get().network,
          init: settings.init,
          batchSize: settings.batchSize,
          l1: settings.l1 ?? 0,
          l2: settings.l2 ?? 0,
          dropout: settings.dropout ?? 0,
        },
        notice: settingsLeftOut(run.name, settings),
      });
    },
    renameRun(id, name) {
      if (name.trim()) get().patchRun(id, { name: name.trim() });
    },
    toggleHidden(id) {
      const run = get().runs.find((entry) => entry.id === id);
      if (run) get().patchRun(id, { hidden: !run.hidden });
    },
    controlRun(id, action) {
      get().bridge?.send({ type: action, runId: id });
    },
    removeRun(id) {
      const run = get().runs.find((entry) => entry.id === id);
      if (run && !FINAL_STATUSES.has(run.status)) get().bridge?.send({ type: 'cancel', runId: id });
      set({ runs: get().runs.filter((entry) => entry.id !== id) });
    },
    clearRuns() {
      const { bridge, runs } = get();
      for (const run of runs) if (!FINAL_STATUSES.has(run.status)) bridge?.send({ type: 'cancel', runId: run.id });
      get().clearLandscapes();
      set({ runs: [], caption: null });
    },
    patchRun(id, patch) {
      set({ runs: get().runs.map((run) => (run.id === id ? { ...run, ...patch } : run)) });
    },
  };
};

/**
 * What Duplicate cannot carry into the form, which has no fields for them, said plainly: a run
 * started from the form goes without them (a spec file or a comparison keeps them).
 */
function settingsLeftOut(name: string, settings: RunSettings): string | null {
  const { schedule, clipNorm, gradientNoise, seed } = settings;
  const left = [
    ...(schedule ? [`its ${schedule.name} learning-rate schedule`] : []),
    ...(clipNorm !== undefined ? [`gradient clipping at ${clipNorm}`] : []),
    ...(gradientNoise !== undefined ? [`gradient noise ${gradientNoise}`] : []),
    ...(seed !== 0 ? [`its seed ${seed}`] : []),
  ];
  if (left.length === 0) return null;
  const list = left.length === 1 ? left[0] : `${left.slice(0, -1).join(', ')} and ${left.at(-1)}`;
  return `${name} is in the form without ${list}, which the form has no fields for: a run started from it goes without them.`;
}

import { create } from 'zustand';
import type { CriticalPoint, RunEvent } from '../../../shared/events';
import { catalogEntry, type CatalogName } from '../../../shared/functions/catalog';
import { compileExpression } from '../../../shared/functions/expression';
import type { Bounds } from '../../../shared/functions/objective';
import type { Bridge, HostMessage, RunStatus } from '../../../shared/protocol';
import { FINAL_STATUSES } from '../../../shared/protocol';
import { optimizerSpecSchema, type OptimizerSpec } from '../../../shared/spec/optimizer-spec';
import { DEFAULT_EXPRESSION_BOUNDS, type FunctionProblem } from '../../../shared/spec/spec';
import type { ColormapName } from '../../../shared/colormaps/colormap';
import type { ScaleMode } from '../scene/height-scale';
import { RUN_COLORS } from './palette';
import { RunSeries } from './run-series';

export interface SurfaceData {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  zMin: number;
  zMax: number;
  criticalPoints: CriticalPoint[];
}

export interface RunEntry {
  id: string;
  name: string;
  color: string;
  optimizer: OptimizerSpec;
  start: [number, number];
  steps: number;
  status: RunStatus;
  message?: string;
  /** Mutable; read it in useFrame, not through React. */
  series: RunSeries;
  events: RunEvent[];
  /** Points received, updated once per frames message so panels can show progress. */
  count: number;
}

export interface RunDraft {
  optimizer: OptimizerSpec;
  steps: number;
  start: [number, number];
  /** Steps per second to stream at; 0 streams as fast as the engine goes. */
  pace: number;
}

export type ViewLayout = '3d' | '2d' | 'split';

export interface ViewSettings {
  colormap: ColormapName;
  /** 'auto' picks log when a few high values would flatten the rest. */
  scale: ScaleMode | 'auto';
  /** The 3D surface, the 2D contour map, or both side by side. */
  layout: ViewLayout;
  contours: boolean;
  /** Descent arrows (−∇f) over the surface; functions only. */
  gradientField: boolean;
}

export const SURFACE_RESOLUTION = 129;

interface AppState {
  bridge: Bridge | null;
  problem: FunctionProblem;
  bounds: Bounds;
  expressionError: string | null;
  surface: SurfaceData | null;
  surfaceRequest: string | null;
  draft: RunDraft;
  runs: RunEntry[];
  notice: string | null;
  view: ViewSettings;

  connect(bridge: Bridge): () => void;
  chooseFunction(name: CatalogName): void;
  applyExpression(source: string): void;
  setOptimizer(optimizer: OptimizerSpec): void;
  updateDraft(patch: Partial<RunDraft>): void;
  startRun(): void;
  controlRun(id: string, action: 'pause' | 'resume' | 'cancel'): void;
  removeRun(id: string): void;
  dismissNotice(): void;
  updateView(patch: Partial<ViewSettings>): void;
}

let requestCounter = 0;
let runCounter = 0;

export const useAppStore = create<AppState>()((set, get) => {
  const requestSurface = (): void => {
    const { bridge, problem, bounds } = get();
    if (!bridge) return;
    const requestId = `surface-${++requestCounter}`;
    set({ surfaceRequest: requestId });
    bridge.send({ type: 'surface', requestId, problem, bounds, resolution: SURFACE_RESOLUTION });
  };

  /** A new problem starts a new picture: the old runs belong to the old surface. */
  const setProblem = (problem: FunctionProblem, bounds: Bounds): void => {
    const { bridge, runs } = get();
    for (const run of runs) if (!FINAL_STATUSES.has(run.status)) bridge?.send({ type: 'cancel', runId: run.id });
    set({ problem, bounds, expressionError: null, surface: null, runs: [] });
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
        patchRun(run.id, { count: run.series.count, events: [...run.events, ...message.events] });
        return;
      }
      case 'status':
        patchRun(message.runId, { status: message.status, ...(message.message ? { message: message.message } : {}) });
        if (message.status === 'failed') set({ notice: `Run failed: ${message.message ?? 'unknown error'}` });
        return;
      case 'error':
        if (message.requestId && message.requestId === get().surfaceRequest) set({ surfaceRequest: null });
        set({ notice: message.message });
        return;
    }
  };

  return {
    bridge: null,
    problem: { function: 'himmelblau' },
    bounds: catalogEntry('himmelblau').bounds,
    expressionError: null,
    surface: null,
    surfaceRequest: null,
    draft: { optimizer: optimizerSpecSchema.parse({ name: 'adam', lr: 0.05 }), steps: 300, start: [-1.5, 2], pace: 120 },
    runs: [],
    notice: null,
    view: { colormap: 'viridis', scale: 'auto', layout: '3d', contours: true, gradientField: false },

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
    startRun() {
      const { bridge, draft, problem, bounds, runs } = get();
      if (!bridge) return;
      const id = `run-${++runCounter}`;
      const name = `${draft.optimizer.name} #${runCounter}`;
      const entry: RunEntry = {
        id,
        name,
        color: RUN_COLORS[(runCounter - 1) % RUN_COLORS.length]!,
        optimizer: draft.optimizer,
        start: draft.start,
        steps: draft.steps,
        status: 'queued',
        series: new RunSeries(draft.steps + 1),
        events: [],
        count: 0,
      };
      set({ runs: [...runs, entry] });
      bridge.send({
        type: 'start',
        runId: id,
        problem,
        bounds,
        run: { name, start: draft.start, optimizer: draft.optimizer, steps: draft.steps },
        ...(draft.pace > 0 ? { pace: draft.pace } : {}),
      });
    },
    controlRun(id, action) {
      get().bridge?.send({ type: action, runId: id });
    },
    removeRun(id) {
      const run = get().runs.find((entry) => entry.id === id);
      if (run && !FINAL_STATUSES.has(run.status)) get().bridge?.send({ type: 'cancel', runId: id });
      set({ runs: get().runs.filter((entry) => entry.id !== id) });
    },
    dismissNotice() {
      set({ notice: null });
    },
    updateView(patch) {
      set({ view: { ...get().view, ...patch } });
    },
  };
});

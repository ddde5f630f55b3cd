import type { StateCreator } from 'zustand';
import { catalogEntry, type CatalogName } from '../../../shared/functions/catalog';
import { compileExpression } from '../../../shared/functions/expression';
import type { Bounds } from '../../../shared/functions/objective';
import { DEFAULT_EXPRESSION_BOUNDS, type FunctionProblem } from '../../../shared/spec/spec';
import {
  DEFAULT_NETWORK,
  SURFACE_RESOLUTION,
  type NetworkDraft,
  type ProblemKind,
  type SavedPicture,
  type SurfaceData,
} from './app-model';
import type { AppState } from './app-store';

/** The problem on screen, function or network, and a function's surface. A new problem starts a new picture. */
export interface ProblemSlice {
  kind: ProblemKind;
  network: NetworkDraft;
  problem: FunctionProblem;
  bounds: Bounds;
  expressionError: string | null;
  surface: SurfaceData | null;
  /** The surface request whose answer is awaited; an answer to any other is stale. */
  surfaceRequest: string | null;

  /** Functions or networks: switching starts a new picture, as a new problem does. */
  setKind(kind: ProblemKind): void;
  /** A new dataset or architecture clears the runs; initialization and batch size apply to the next run. */
  updateNetwork(patch: Partial<NetworkDraft>): void;
  chooseFunction(name: CatalogName): void;
  applyExpression(source: string): void;
  /** Asks the host for the function's surface: on connecting, and with each new function. */
  requestSurface(): void;
  /** Replaces the picture with a saved one (a session): its runs come with their results, nothing trains. */
  restore(picture: SavedPicture): void;
}

export const createProblemSlice: StateCreator<AppState, [], [], ProblemSlice> = (set, get) => {
  let surfaceCounter = 0;

  const setProblem = (problem: FunctionProblem, bounds: Bounds): void => {
    get().clearRuns();
    set({ problem, bounds, expressionError: null, surface: null });
    get().requestSurface();
  };

  return {
    kind: 'function',
    network: DEFAULT_NETWORK,
    problem: { function: 'himmelblau' },
    bounds: catalogEntry('himmelblau').bounds,
    expressionError: null,
    surface: null,
    surfaceRequest: null,

    setKind(kind) {
      if (kind === get().kind) return;
      get().clearRuns();
      set({ kind });
      if (kind === 'function') get().requestSurface();
    },
    updateNetwork(patch) {
      // A new dataset or architecture is a new problem; initialization and batch size are per run.
      if (patch.mlp) get().clearRuns();
      set({ network: { ...get().network, ...patch } });
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
    requestSurface() {
      const { bridge, problem, bounds } = get();
      if (!bridge) return;
      const requestId = `surface-${++surfaceCounter}`;
      set({ surfaceRequest: requestId });
      bridge.send({ type: 'surface', requestId, problem, bounds, resolution: SURFACE_RESOLUTION });
    },
    restore(picture) {
      if (picture.kind === 'network') {
        get().clearRuns();
        set({ kind: 'network', network: picture.network });
      } else {
        set({ kind: 'function' });
        setProblem(picture.problem, picture.bounds);
      }
      set({ runs: picture.runs, view: picture.view, draft: { ...get().draft, ...picture.draft }, notice: null });
    },
  };
};

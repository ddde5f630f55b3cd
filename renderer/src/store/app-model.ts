import type { CriticalPoint, CriticalPointType, RunEvent } from '../../../shared/events';
import type { CatalogName } from '../../../shared/functions/catalog';
import type { Bounds } from '../../../shared/functions/objective';
import type { DataMessage, PredictionMessage, RunStatus, SlicePlaneMessage } from '../../../shared/protocol';
import type { Checkpoints } from '../../../shared/schemas/checkpoints';
import type {
  Activation,
  CsvTextDatasetSpec,
  DatasetName,
  InitScheme,
  LossName,
} from '../../../shared/spec/network-spec';
import { optimizerSpecSchema, type OptimizerSpec } from '../../../shared/spec/optimizer-spec';
import type { ScheduleSpec } from '../../../shared/spec/schedule-spec';
import type { FunctionProblem } from '../../../shared/spec/spec';
import type { ColormapName } from '../../../shared/colormaps/colormap';
import type { NETWORK_VIEWS } from '../../../shared/session-file';
import type { LiveCheckpoints } from '../network/live-checkpoints';
import type { SliceChoices } from '../network/slice-choices';
import type { ScaleMode } from '../scene/height-scale';
import type { RunSeries } from './run-series';

/*
 * The app's model: what the store holds (problem, runs, landscapes, view) and the defaults it
 * starts from. Types only, and the defaults; what changes them is in the slices (app-store.ts).
 */

export interface SurfaceData {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  zMin: number;
  zMax: number;
  criticalPoints: CriticalPoint[];
}

export type ProblemKind = 'function' | 'network';

export interface RunEntry {
  id: string;
  kind: ProblemKind;
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
  /** Networks: the rows it trains on, and its latest predictions over the data's box. */
  data?: DataMessage;
  prediction?: PredictionMessage;
  /** Networks, once completed: its checkpoints, which landscape slices are chosen from and drawn with. */
  checkpoints?: Checkpoints;
  /** Networks, while training: the checkpoints taken so far, so its path grows on a slice shown. */
  liveCheckpoints?: LiveCheckpoints;
  /** What it was started with, so it can be duplicated and compared with the others. */
  settings: RunSettings;
  /** Left out of the views (not the run list or the summary). */
  hidden?: boolean;
}

/**
 * A network's loss over a plane through a run, filled in coarse to fine as the workers answer:
 * first the plane is chosen (`choosing`), then its grid computed.
 */
export interface SliceState {
  requestId: string;
  /** The run the plane is centred on. */
  runId: string;
  choices: SliceChoices;
  /** Its plane's key in the memo of chosen planes. */
  planeKey: string;
  /** The runs whose checkpoints are placed on the plane, in the order of `paths`. */
  runIds: string[];
  plane?: SlicePlaneMessage;
  /** Row-major: values[j * alphas.length + i]; NaN until computed. */
  values?: Float64Array;
  computed: number;
  total: number;
  status: 'choosing' | 'computing' | 'complete' | 'cancelled' | 'failed';
  message?: string;
  /** Per run of `runIds`: each checkpoint's (α, β), interleaved, and its distance from the plane. */
  paths?: { coordinates: Float64Array; distances: Float64Array }[];
}

/** The Hessian's extreme eigenvalues at a checkpoint of a finished run, asked of the workers. */
export interface CheckpointCurvature {
  requestId: string;
  step: number;
  status: 'computing' | 'complete' | 'failed';
  eigenvalues?: [number, number];
  kind?: CriticalPointType;
  message?: string;
}

/**
 * The loss along the line between two points of network runs (the 1-D interpolation,
 * Goodfellow et al. 2015), asked for as a one-row landscape (interpolation-curve.ts).
 */
export interface CurveState {
  requestId: string;
  /** The run the line starts from. */
  runId: string;
  /** The run whose final point the line reaches: runId itself for its initial → final point, another for final → final. */
  partner: string;
  resolution: number;
  /** The samples of t, and the loss at each: NaN until computed. */
  t: Float64Array;
  values: Float64Array;
  computed: number;
  total: number;
  status: 'computing' | 'complete' | 'cancelled' | 'failed';
  message?: string;
}

/** The main Loss landscape view's slice; views fixed to one run keep theirs under their own keys. */
export const MAIN_SLICE = 'main';

/** One run's own settings; the problem is shared by every run on screen. */
export interface RunSettings {
  name?: string;
  optimizer: OptimizerSpec;
  steps: number;
  /** Functions. */
  start: [number, number];
  /** Networks. */
  init: NetworkDraft['init'];
  /** Networks: rows per step, 0 for the full batch. */
  batchSize: number;
  /** Networks: the l2·Σw² a spec or session gave the run; the curvature asked at its checkpoints includes it. */
  l2?: number;
  /** Networks: the l1·Σ|w| and dropout a spec or session gave the run, kept so saving it again keeps them. */
  l1?: number;
  dropout?: number;
  /** Mini-batch order and gradient noise: equal across compared runs unless chosen otherwise. */
  seed: number;
  /** Learning-rate schedule; absent: constant. */
  schedule?: ScheduleSpec;
  /** The gradient is scaled down to this norm when it is longer. */
  clipNorm?: number;
  /** Functions: std of the Gaussian noise added to each gradient component. */
  gradientNoise?: number;
}

/** A network run's regularization terms, those it has. */
export type Regularization = Pick<RunSettings, 'l1' | 'l2' | 'dropout'>;

/** The text that explains what a scenario or comparison on screen shows, until the problem changes. */
export interface Caption {
  title: string;
  text: string;
}

/** Several runs set up in one click to compare one thing (see comparisons.ts). */
export interface Comparison {
  kind: ProblemKind;
  function?: CatalogName;
  network?: NetworkDraft['mlp'];
  runs: RunSettings[];
}

/** The network problem and run settings the network form edits (validated on Run). */
export interface NetworkDraft {
  mlp: {
    /** A named dataset, or a CSV file the user chose, by its content (the host opens no file a client names). */
    dataset: { name: DatasetName; samples?: number; noise?: number; seed: number } | CsvTextDatasetSpec;
    hidden: number[];
    activation: Activation;
    loss: LossName;
    testFraction: number;
  };
  init: { scheme: InitScheme; seed: number; std?: number; limit?: number; value?: number; gain?: number };
  /** Rows per step; 0 is the full batch. */
  batchSize: number;
  /** l1·Σ|w| and l2·Σw² over the kernels, and dropout after each hidden layer; 0 is none. */
  l1: number;
  l2: number;
  dropout: number;
}

export const DEFAULT_NETWORK: NetworkDraft = {
  mlp: {
    dataset: { name: 'spiral', samples: 300, seed: 1 },
    hidden: [16, 16],
    activation: 'tanh',
    loss: 'bce',
    testFraction: 0.2,
  },
  init: { scheme: 'glorot_uniform', seed: 1 },
  batchSize: 0,
  l1: 0,
  l2: 0,
  dropout: 0,
};

export interface RunDraft {
  optimizer: OptimizerSpec;
  steps: number;
  start: [number, number];
  /** Steps per second to stream at; 0 streams as fast as the engine goes. */
  pace: number;
}

export type ViewLayout = '3d' | '2d' | 'split' | 'panels';
export type NetworkView = (typeof NETWORK_VIEWS)[number];

export interface ViewSettings {
  colormap: ColormapName;
  /** 'auto' picks log when a few high values would flatten the rest. */
  scale: ScaleMode | 'auto';
  /** The 3D surface, the 2D contour map, both side by side, or panels of the surface (one per run). */
  layout: ViewLayout;
  contours: boolean;
  /** Descent arrows (−∇f) over the surface; functions only. */
  gradientField: boolean;
  /** Networks: the dataset, the loss landscape, or landscape panels (one per run). */
  networkView: NetworkView;
}

export const DEFAULT_VIEW: ViewSettings = {
  colormap: 'viridis',
  scale: 'auto',
  layout: '3d',
  contours: true,
  gradientField: false,
  networkView: 'dataset',
};
export const DEFAULT_DRAFT: RunDraft = {
  optimizer: optimizerSpecSchema.parse({ name: 'adam', lr: 0.05 }),
  steps: 300,
  start: [-1.5, 2],
  pace: 120,
};

export const SURFACE_RESOLUTION = 129;

/** A session's picture: a function problem, or a network and its form's settings, with the runs, the view and the run form's steps and pace. */
export type SavedPicture = { runs: RunEntry[]; view: ViewSettings; draft: Pick<RunDraft, 'steps' | 'pace'> } & (
  { kind: 'function'; problem: FunctionProblem; bounds: Bounds } | { kind: 'network'; network: NetworkDraft }
);

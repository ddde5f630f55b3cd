import { z } from 'zod';
import { COLORMAP_NAMES, type ColormapName } from './colormaps/colormap';
import { describeIssue } from './describe-issue';
import { formatLimit, MAX_RUN_STEPS, MAX_RUNS, MAX_SESSION_EVENTS } from './limits';
import { packNumbers } from './packed-numbers';
import { checker } from './schemas/check';
import { sessionCheckpointsSchema, splitCheckpoints, type Checkpoints } from './schemas/checkpoints';
import { networkDataSchema } from './schemas/network-data';
import { sessionArrays } from './schemas/number-arrays';
import { predictionSchema } from './schemas/prediction';
import { runEventSchema } from './schemas/run-event';
import { runStatusSchema } from './schemas/run-status';
import { initSpecSchema } from './spec/network-spec';
import { boundsSchema, problemSchema, runSpecSchema } from './spec/spec';

/**
 * Session file (`.gradscape.json`): everything needed to redraw a picture without training
 * again — the problem, each run's spec and streamed results, and the view. A function's surface
 * and a network's landscape slices are not stored: the host computes them again, exactly, from
 * the problem and the runs' checkpoints.
 *
 * Version 2 added network sessions, packed number arrays (shared/packed-numbers.ts) and more of
 * the view (panels, network view, the run form's steps and pace; optional, so files without them
 * open with the app's defaults); it reads version 1 files as they are, since their fields are a
 * subset and plain number lists still read.
 */

export const SESSION_FORMAT = 'gradscape.session';
export const SESSION_VERSION = 2;
const READ_VERSIONS = [1, SESSION_VERSION];

const { numbers, finite: finiteNumbers } = sessionArrays;
const vector3 = z.tuple([z.number(), z.number(), z.number()]);

const sessionRunSchema = z
  .object({
    spec: runSpecSchema,
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #e69f00'),
    status: runStatusSchema,
    message: z.string().optional(),
    /** Functions: x, y interleaved, two per point; index 0 is the start. */
    points: numbers.optional(),
    loss: numbers,
    gradNorm: numbers,
    lr: numbers,
    /** Networks with a test split: the loss over it at each point. */
    testLoss: numbers.optional(),
    /** Networks: per point, per dense layer (input side first). */
    layerGradNorms: numbers.optional(),
    events: z
      .array(runEventSchema)
      .max(MAX_SESSION_EVENTS, `may hold at most ${formatLimit(MAX_SESSION_EVENTS)} events`),
    data: networkDataSchema(sessionArrays).optional(),
    prediction: predictionSchema(sessionArrays).optional(),
    checkpoints: sessionCheckpointsSchema.optional(),
  })
  .strict()
  .superRefine((run, ctx) => {
    const check = checker(ctx);
    const n = run.loss.length;
    if (run.gradNorm.length !== n) check(['gradNorm'], `must hold one value per loss value (${n})`);
    if (run.lr.length !== n) check(['lr'], `must hold one value per loss value (${n})`);
    if (run.testLoss && run.testLoss.length !== n) check(['testLoss'], `must hold one value per loss value (${n})`);
    if (n > run.spec.steps + 1) check(['loss'], `holds more than steps + 1 (${run.spec.steps + 1}) values`);
    if (run.checkpoints?.steps.some((step) => step < 0 || step > run.spec.steps)) {
      check(['checkpoints', 'steps'], `must lie between 0 and the run's steps (${run.spec.steps})`);
    }
  });

export const NETWORK_VIEWS = ['dataset', 'landscape', 'panels'] as const;
export const PANEL_COUNTS = [2, 3, 4] as const;
/** What a panel shows: every shown run, rather than one. */
export const ALL_RUNS = 'all';
const PANEL_CHOICE_RULE = `must be a run's index in runs, "${ALL_RUNS}" or null`;
const STEPS_RULE = `must be a whole number from 1 to ${formatLimit(MAX_RUN_STEPS)}`;

/** The panels layout: how many panels, what they share, and what each shows. */
const panelsSchema = z
  .object({
    count: z.literal(PANEL_COUNTS, {
      error: `must be ${PANEL_COUNTS.slice(0, -1).join(', ')} or ${PANEL_COUNTS.at(-1)} panels`,
    }),
    lockCameras: z.boolean(),
    lockTimeline: z.boolean(),
    /** By panel: the run it shows by its index in `runs` (run ids belong to a connection), every run, or null for its default. */
    choices: z
      .array(
        z.union([z.number().int(PANEL_CHOICE_RULE).min(0, PANEL_CHOICE_RULE), z.literal(ALL_RUNS), z.null()], {
          error: PANEL_CHOICE_RULE,
        }),
      )
      .max(PANEL_COUNTS.at(-1)!, `may hold at most ${PANEL_COUNTS.at(-1)} panels`),
  })
  .strict();

const sessionViewSchema = z
  .object({
    colormap: z.enum(COLORMAP_NAMES as [ColormapName, ...ColormapName[]]),
    scale: z.enum(['linear', 'log', 'auto']),
    layout: z.enum(['3d', '2d', 'split', 'panels']),
    contours: z.boolean(),
    gradientField: z.boolean(),
    /** Steps of path drawn behind the current step; 0 draws the whole path. */
    trail: z.number().int().min(0),
    /** The playback step shown; with follow, the newest step. */
    step: z.number().int().min(0),
    follow: z.boolean(),
    camera: z.object({ position: vector3, target: vector3 }).strict().optional(),
    /** Networks' counterpart of layout: the tab shown. */
    networkView: z.enum(NETWORK_VIEWS).optional(),
    panels: panelsSchema.optional(),
    /** The run form's settings for the next run, beside the optimizer. */
    draft: z
      .object({
        steps: z.number().int(STEPS_RULE).min(1, STEPS_RULE).max(MAX_RUN_STEPS, STEPS_RULE),
        /** Steps per second to stream at; 0 streams as fast as the engine goes. */
        pace: z.number().min(0, 'must be 0 or more steps per second'),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Networks: the form's settings for the next run (the problem is the form's network). */
const networkDraftSchema = z
  .object({
    init: initSpecSchema,
    /** Rows per step; 0 is the full batch. */
    batchSize: z.number().int().min(0),
    /** The penalties and dropout of the next run, when set (0 or absent: none). */
    l1: z.number().min(0).optional(),
    l2: z.number().min(0).optional(),
    dropout: z.number().min(0).lt(1).optional(),
  })
  .strict();

const NETWORK_RUN_FIELDS = ['testLoss', 'layerGradNorms', 'data', 'prediction', 'checkpoints'] as const;

/**
 * A surface opened from a loss-landscape .h5 file (docs/formats.md): its grid, every quantity's
 * values row-major (values[j · alphas.length + i]; a 1-D file has no betas), the quantity shown,
 * and its trajectory's (α, β) interleaved.
 */
const importedSurfaceSchema = z
  .object({
    file: z.string(),
    alphas: finiteNumbers,
    betas: finiteNumbers,
    quantity: z.string(),
    quantities: z.array(z.object({ name: z.string(), values: numbers }).strict()).min(1),
    trajectory: z.object({ file: z.string(), coordinates: finiteNumbers }).strict().optional(),
  })
  .strict()
  .superRefine((surface, ctx) => {
    const check = checker(ctx);
    const points = surface.alphas.length * Math.max(1, surface.betas.length);
    surface.quantities.forEach(({ name, values }, index) => {
      if (values.length !== points)
        check(
          ['quantities', index, 'values'],
          `holds ${values.length} values, the grid ${points}: ${name} must have one per point`,
        );
    });
    if (!surface.quantities.some(({ name }) => name === surface.quantity))
      check(['quantity'], 'must name one of its quantities');
    if (surface.trajectory && surface.trajectory.coordinates.length % 2)
      check(['trajectory', 'coordinates'], 'must hold (α, β) pairs');
  });

export const sessionFileSchema = z
  .object({
    format: z.literal(SESSION_FORMAT),
    version: z
      .number()
      .refine(
        (version) => READ_VERSIONS.includes(version),
        `must be ${READ_VERSIONS.join(' or ')} (the session versions this app reads)`,
      ),
    savedAt: z.string().optional(),
    problem: problemSchema,
    /** Functions. */
    bounds: boundsSchema.optional(),
    network: networkDraftSchema.optional(),
    runs: z.array(sessionRunSchema).max(MAX_RUNS, `may hold at most ${MAX_RUNS} runs`),
    view: sessionViewSchema,
    /** Surfaces opened from loss-landscape .h5 files; optional, so files without them open as before. */
    imported: z.array(importedSurfaceSchema).max(16).optional(),
  })
  .strict()
  .superRefine((session, ctx) => {
    const check = checker(ctx);
    const { problem, runs } = session;
    session.view.panels?.choices.forEach((choice, panel) => {
      if (typeof choice === 'number' && choice >= runs.length)
        check(
          ['view', 'panels', 'choices', panel],
          `names runs[${choice}], but the session holds ${runs.length === 1 ? 'one run' : `${runs.length} runs`}`,
        );
    });
    if (!('mlp' in problem)) {
      if (!session.bounds) check(['bounds'], 'is required for a function problem: [[xmin, xmax], [ymin, ymax]]');
      if (session.network) check(['network'], 'applies only to network problems');
      session.runs.forEach((run, index) => {
        const n = run.loss.length;
        if (run.points?.length !== 2 * n)
          check(['runs', index, 'points'], `must hold two values per loss value (${2 * n})`);
        if (!run.spec.start) check(['runs', index, 'spec', 'start'], 'is required for a function: [x, y]');
        for (const field of NETWORK_RUN_FIELDS)
          if (run[field]) check(['runs', index, field], 'applies only to network problems');
      });
      return;
    }
    const { mlp } = problem;
    if (session.bounds) check(['bounds'], 'applies only to function problems');
    if (!session.network) check(['network'], 'is required for a network problem: { "init", "batchSize" }');
    const layers = mlp.hidden.length + 1;
    session.runs.forEach((run, index) => {
      const path = (...rest: string[]): (string | number)[] => ['runs', index, ...rest];
      const n = run.loss.length;
      if (run.points) check(path('points'), 'applies only to function problems');
      if (!run.spec.init) check(path('spec', 'init'), 'is required for a network: { "scheme", "seed" }');
      if ((run.layerGradNorms?.length ?? 0) !== layers * n)
        check(path('layerGradNorms'), `must hold one value per layer (${layers}) per loss value (${layers * n})`);
      if (mlp.testFraction > 0 && !run.testLoss)
        check(path('testLoss'), 'is required: the network holds out a test split');
      if (mlp.testFraction === 0 && run.testLoss)
        check(path('testLoss'), 'applies only with a test split (testFraction above 0)');
    });
    // Every run trains the one network, so their checkpoints are vectors of one length.
    const vectorSize = (run: (typeof runs)[number]): number | undefined =>
      run.checkpoints ? run.checkpoints.params.length / run.checkpoints.steps.length : undefined;
    const sized = runs.findIndex((run) => run.checkpoints?.params.length);
    const size = runs[sized] && vectorSize(runs[sized]);
    runs.forEach((run, index) => {
      const length = vectorSize(run);
      if (length !== undefined && length !== size)
        check(
          ['runs', index, 'checkpoints', 'params'],
          `hold vectors of ${length} values, runs[${sized}]'s of ${size}: the runs share one network`,
        );
    });
  });

export type SessionFileInput = z.input<typeof sessionFileSchema>;
export type SessionFile = z.output<typeof sessionFileSchema>;
export type SessionRun = SessionFile['runs'][number];
export type SessionView = SessionFile['view'];
export type SessionImportedSurface = NonNullable<SessionFile['imported']>[number];
export type SessionPanels = NonNullable<SessionView['panels']>;

/**
 * A session to write: as the file holds it, as it is read, or as the app captures it, whose runs'
 * checkpoints may be joined into one array (the layout the app and the protocol keep).
 */
export type WritableSession = Omit<SessionFileInput, 'runs'> & {
  runs: (Omit<SessionFileInput['runs'][number], 'checkpoints'> & {
    checkpoints?: SessionFileInput['runs'][number]['checkpoints'] | Checkpoints;
  })[];
};

/**
 * A session as file text: every Float64Array is packed (its values exactly), the rest is JSON.
 * Checkpoints joined into one array are listed one vector per step, as the file holds them:
 * the one place the file's layout is written.
 */
export function serializeSession(session: WritableSession): string {
  return JSON.stringify(session, (key, value: unknown) => {
    if (value instanceof Float64Array) return packNumbers(value);
    if (key === 'checkpoints' && isJoined(value)) return splitCheckpoints(value);
    return value;
  });
}

function isJoined(value: unknown): value is Checkpoints {
  return typeof value === 'object' && value !== null && 'params' in value && value.params instanceof Float64Array;
}

/** Parses a session file's text; a damaged file throws one line naming the field. */
export function parseSessionText(text: string): SessionFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not a session file: ${(error as Error).message}`, { cause: error });
  }
  const parsed = sessionFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(describeIssue(parsed.error, 'session file'));
  return parsed.data;
}

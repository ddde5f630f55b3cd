import { z } from 'zod';
import { APP_COMMANDS } from './app-commands';
import { CRITICAL_POINT_TYPES } from './events';
import { checker } from './schemas/check';
import { checkpointCurvatureSchema, checkpointsSchema, type Checkpoints } from './schemas/checkpoints';
import { networkDataSchema } from './schemas/network-data';
import { messageArrays } from './schemas/number-arrays';
import { predictionSchema } from './schemas/prediction';
import { criticalPointSchema, runEventSchema } from './schemas/run-event';
import { runStatusSchema } from './schemas/run-status';
import {
  boundsSchema,
  landscapeIssues,
  landscapeSpecSchema,
  namedLandscapeProblem,
  paramRefSchema,
  problemSchema,
  runSeedSchema,
  runSpecSchema,
  type Problem,
} from './spec/spec';

/**
 * Messages between a client (the renderer, over IPC or a WebSocket) and the host, and between
 * the host and its workers. Every boundary parses with these schemas; typed arrays carry the
 * bulk data so a batch of frames costs one message.
 */

const id = z
  .string()
  .min(1)
  .max(96)
  .regex(/^[\w.:-]+$/, 'may hold only letters, digits and . : _ -');
const f64 = messageArrays.numbers;

const startMessage = z
  .object({
    type: z.literal('start'),
    runId: id,
    problem: problemSchema,
    bounds: boundsSchema.optional(),
    run: runSpecSchema,
    /** Steps per second to stream at, so a demo can be watched live; absent: as fast as possible. */
    pace: z.number().positive().max(1e6).optional(),
  })
  .strict();
export type StartMessage = z.output<typeof startMessage>;
const runControlMessage = z.object({ type: z.enum(['pause', 'resume', 'cancel']), runId: id }).strict();
const surfaceRequestMessage = z
  .object({
    type: z.literal('surface'),
    requestId: id,
    problem: problemSchema,
    bounds: boundsSchema,
    resolution: z.number().int().min(3).max(1024),
  })
  .strict();
export type SurfaceRequest = z.output<typeof surfaceRequestMessage>;

/**
 * A network's loss on a plane of parameter space (docs/architecture.md, "Landscape slices"): at
 * center + alphas[i]·d1 + betas[j]·d2 over the training set, streamed coarse to fine as
 * `landscape` messages and cached by content, so asking again answers at once. It carries no
 * runs' checkpoints: the app places them on the plane itself (shared/plane-projection.ts).
 */
const landscapeRequestFields = {
  type: z.literal('landscape'),
  requestId: id,
  problem: problemSchema,
  center: f64,
  d1: f64,
  d2: f64,
  alphas: f64,
  betas: f64,
};
/** 401 × 401, the spec's largest landscape. */
const MAX_LANDSCAPE_POINTS = 401 * 401;
type LandscapeFields = {
  problem: unknown;
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  alphas: Float64Array;
  betas: Float64Array;
};
const requireNetwork = (problem: unknown, ctx: z.RefinementCtx): void => {
  if (!(typeof problem === 'object' && problem !== null && 'mlp' in problem)) {
    checker(ctx)(['problem'], 'a landscape needs a network problem ("mlp")');
  }
};
const landscapeChecks = (m: LandscapeFields, ctx: z.RefinementCtx): void => {
  // Each problem names its field, as every other message error does.
  const problem = checker(ctx);
  requireNetwork(m.problem, ctx);
  if (m.d1.length !== m.center.length) problem(['d1'], 'must have the same length as center');
  if (m.d2.length !== m.center.length) problem(['d2'], 'must have the same length as center');
  const points = m.alphas.length * m.betas.length;
  if (points < 1 || points > MAX_LANDSCAPE_POINTS)
    problem(['alphas'], `with betas, the grid must have 1 to ${MAX_LANDSCAPE_POINTS} points`);
  // Named datasets' rows are known here, a CSV's once the worker has parsed it (it checks again then).
  const parsed = m.problem as Problem;
  const tooCostly = 'mlp' in parsed ? namedLandscapeProblem(parsed.mlp, points, m.center.length) : null;
  if (tooCostly) problem(['alphas'], tooCostly);
  const arrays = { center: m.center, d1: m.d1, d2: m.d2, alphas: m.alphas, betas: m.betas };
  for (const [name, array] of Object.entries(arrays))
    if (!array.every(Number.isFinite)) problem([name], 'must hold only finite numbers');
};
const landscapeRequestMessage = z.object(landscapeRequestFields).strict().superRefine(landscapeChecks);
export type LandscapeRequest = z.output<typeof landscapeRequestMessage>;
const cancelLandscapeMessage = z.object({ type: z.literal('cancel-landscape'), requestId: id }).strict();

/**
 * The plane of a slice, chosen as a spec's `landscape` chooses it (docs/formats.md; `run`,
 * `through` and `pcaOf` name these runs) from runs the client holds — a completed run's
 * checkpoints, which came in its `frames`. A run's first checkpoint is its initial point, its
 * last its final one. Answered by a `slice-plane` message; the client then asks for the
 * `landscape` on that plane.
 */
const planeRunSchema = z
  .object({
    name: z.string().min(1).max(80),
    checkpoints: checkpointsSchema(messageArrays),
  })
  .strict();
const slicePlaneRequestMessage = z
  .object({
    type: z.literal('slice-plane'),
    requestId: id,
    problem: problemSchema,
    landscape: landscapeSpecSchema.omit({ curve: true }),
    runs: z.array(planeRunSchema).min(1, 'needs at least one run').max(64),
  })
  .strict()
  .superRefine((m, ctx) => {
    const problem = checker(ctx);
    requireNetwork(m.problem, ctx);
    // Each run's steps and its vectors' count are checkpointsSchema's; here, that all runs share one network.
    const vectorLength = ({ params, steps }: Checkpoints): number => params.length / Math.max(steps.length, 1);
    const size = m.runs[0] && vectorLength(m.runs[0].checkpoints);
    const names = new Set<string>();
    m.runs.forEach(({ name, checkpoints }, k) => {
      if (names.has(name)) problem(['runs', k, 'name'], `"${name}" is used twice`);
      names.add(name);
      if (vectorLength(checkpoints) !== size) {
        problem(
          ['runs', k, 'checkpoints', 'params'],
          'must hold one parameter vector per checkpoint step, every run’s of the same length',
        );
      } else if (!checkpoints.params.every(Number.isFinite))
        problem(['runs', k, 'checkpoints', 'params'], 'must hold only finite numbers');
    });
    for (const { path, message } of landscapeIssues(m.landscape, names)) problem(['landscape', ...path], message);
  });
export type ParsedSlicePlaneRequest = z.output<typeof slicePlaneRequestMessage>;

/**
 * The Hessian's extreme eigenvalues at one checkpoint of a finished network run (any, not only
 * those its run measured), with the run's l2 and seed so the answer matches the run's own.
 */
const curvatureRequestMessage = z
  .object({
    type: z.literal('curvature'),
    requestId: id,
    problem: problemSchema,
    /** The checkpoint's step, echoed in the answer. */
    step: z.number().int().min(0),
    params: f64,
    l2: z.number().min(0).default(0),
    seed: runSeedSchema,
  })
  .strict()
  .superRefine((m, ctx) => {
    requireNetwork(m.problem, ctx);
    if (!m.params.length || !m.params.every(Number.isFinite))
      checker(ctx)(['params'], 'must hold the checkpoint’s parameters, all finite');
  });
export type ParsedCurvatureRequest = z.output<typeof curvatureRequestMessage>;

/** What a client asks and the host passes on to a worker as it is; a landscape alone goes in parts. */
const forwardedRequests = [
  startMessage,
  runControlMessage,
  surfaceRequestMessage,
  cancelLandscapeMessage,
  slicePlaneRequestMessage,
  curvatureRequestMessage,
] as const;
export const clientMessageSchema = z.discriminatedUnion('type', [...forwardedRequests, landscapeRequestMessage]);
export type ClientMessage = z.input<typeof clientMessageSchema>;

/**
 * One worker's share of a landscape. The shares of one landscape take its points (the levels of
 * shared/landscape-levels.ts one after another, coarse first) batch by batch from one counter in
 * shared memory, `claimed`, so a worker that gets less of the CPU takes fewer and none waits idle.
 */
const landscapePartMessage = z
  .object({
    ...landscapeRequestFields,
    claimed: z.custom<Int32Array>(
      (value) => value instanceof Int32Array && value.length === 1 && value.buffer instanceof SharedArrayBuffer,
      'must be an Int32Array of one element over a SharedArrayBuffer',
    ),
  })
  .strict()
  .superRefine(landscapeChecks);
export type LandscapePartRequest = z.output<typeof landscapePartMessage>;

/** The host speaks to a worker in the client's words, with ids given a per-client prefix, and a landscape in parts. */
export const workerRequestSchema = z.discriminatedUnion('type', [...forwardedRequests, landscapePartMessage]);
export type WorkerRequest = z.output<typeof workerRequestSchema>;

// Clients and the host import a run's states from here, beside the messages that carry them.
export { FINAL_STATUSES, RUN_STATUSES, type RunStatus } from './schemas/run-status';

/** Steps fromStep .. fromStep + loss.length - 1; index 0 of a run is its starting point. */
const framesMessage = z
  .object({
    type: z.literal('frames'),
    runId: id,
    fromStep: z.number().int().min(0),
    /** Functions: x, y interleaved, two per step. */
    points: f64.optional(),
    loss: f64,
    gradNorm: f64,
    lr: f64,
    events: z.array(runEventSchema),
    /** Networks: loss over the held-out test split. */
    testLoss: f64.optional(),
    /** Networks: per step, per dense layer (input side first), row-major. */
    layerGradNorms: f64.optional(),
    /**
     * Networks: the checkpoints taken during these steps, each sent once and only here (the last
     * frames of a run carry its final checkpoint), so a training run's path grows on a slice.
     */
    checkpoints: checkpointsSchema(messageArrays).optional(),
  })
  .strict()
  .refine((m) => m.gradNorm.length === m.loss.length && m.lr.length === m.loss.length, 'series lengths differ')
  .refine((m) => !m.testLoss || m.testLoss.length === m.loss.length, 'testLoss must have one value per step')
  .refine(
    (m) => !m.layerGradNorms || m.layerGradNorms.length % Math.max(m.loss.length, 1) === 0,
    'layerGradNorms must hold the same number of layers per step',
  )
  .refine((m) => !m.points || m.points.length === 2 * m.loss.length, 'points must hold two values per step');
export type FramesMessage = z.output<typeof framesMessage>;
const statusMessage = z
  .object({
    type: z.literal('status'),
    runId: id,
    status: runStatusSchema,
    message: z.string().optional(),
  })
  .strict();
const surfaceMessage = z
  .object({
    type: z.literal('surface'),
    requestId: id,
    x: f64,
    y: f64,
    /** Row-major: z[j * x.length + i] = f(x[i], y[j]). */
    z: f64,
    criticalPoints: z.array(criticalPointSchema),
  })
  .strict()
  .refine((m) => m.z.length === m.x.length * m.y.length, 'z must hold x.length * y.length values');
export type SurfaceMessage = z.output<typeof surfaceMessage>;
/**
 * Computed points of a landscape: loss values at flat grid indices j · alphas.length + i, all of
 * one level (0 the coarsest). `computed` of `total` points are known once this message is
 * merged; `complete` comes with the last values, `cancelled` ends a request early.
 */
const landscapeMessage = z
  .object({
    type: z.literal('landscape'),
    requestId: id,
    status: z.enum(['computing', 'complete', 'cancelled']),
    level: z.number().int().min(0),
    indices: f64,
    values: f64,
    computed: z.number().int().min(0),
    total: z.number().int().min(1),
  })
  .strict()
  .refine((m) => m.indices.length === m.values.length, 'indices and values must have the same length');
export type LandscapeMessage = z.output<typeof landscapeMessage>;
/**
 * Networks, when a run completes: its checkpoints are all sent (in its frames), and this is what
 * frames did not carry, the curvature measured at some of them. The app joins the two into the
 * completed run's checkpoints, which it places on landscape slices and sends back in
 * `slice-plane` requests to choose a plane.
 */
const checkpointsCompleteMessage = z
  .object({
    type: z.literal('checkpoints-complete'),
    runId: id,
    curvature: checkpointCurvatureSchema(messageArrays).optional(),
  })
  .strict();
export type CheckpointsCompleteMessage = z.output<typeof checkpointsCompleteMessage>;
/**
 * The answer to a `slice-plane` request: the plane and its grid, and what describes its axes —
 * by directions, `explainedVariance` (pca), `eigenvalues` ascending, d1's first (hessian),
 * `through` with each point's (α, β) (interpolation), `biases` (random).
 */
const slicePlaneMessage = z
  .object({
    type: z.literal('slice-plane'),
    requestId: id,
    center: f64,
    d1: f64,
    d2: f64,
    alphas: f64,
    betas: f64,
    explainedVariance: z.tuple([z.number(), z.number()]).optional(),
    eigenvalues: z.tuple([z.number(), z.number()]).optional(),
    through: z.array(paramRefSchema.extend({ point: z.tuple([z.number(), z.number()]) })).optional(),
    biases: z.enum(['zero', 'filter']).optional(),
  })
  .strict()
  .refine(
    (m) => m.d1.length === m.center.length && m.d2.length === m.center.length,
    'd1 and d2 must be as long as center',
  );
export type SlicePlaneMessage = z.output<typeof slicePlaneMessage>;

/** The answer to a `curvature` request: [smallest, largest] eigenvalue and what they make of the point. */
const curvatureMessage = z
  .object({
    type: z.literal('curvature'),
    requestId: id,
    step: z.number().int().min(0),
    eigenvalues: z.tuple([z.number(), z.number()]),
    kind: z.enum(CRITICAL_POINT_TYPES),
  })
  .strict();
export type CurvatureAnswer = z.output<typeof curvatureMessage>;

/** Networks: the rows a run trains (and tests) on, sent once when it starts. */
const dataMessage = networkDataSchema(messageArrays, { type: z.literal('data'), runId: id });
export type DataMessage = z.output<typeof dataMessage>;
/** Networks with 1 or 2 inputs: what the model predicts over the data's box, now and then. */
const predictionMessage = predictionSchema(messageArrays, { type: z.literal('prediction'), runId: id });
export type PredictionMessage = z.output<typeof predictionMessage>;
const errorMessage = z.object({ type: z.literal('error'), message: z.string(), requestId: id.optional() }).strict();

/** Desktop only: a menu item the user chose, for the UI to carry out (shared/app-commands.ts). */
const commandMessage = z.object({ type: z.literal('command'), command: z.enum(APP_COMMANDS) }).strict();
export type CommandMessage = z.output<typeof commandMessage>;

export const workerMessageSchema = z.discriminatedUnion('type', [
  framesMessage,
  statusMessage,
  surfaceMessage,
  dataMessage,
  predictionMessage,
  checkpointsCompleteMessage,
  slicePlaneMessage,
  landscapeMessage,
  curvatureMessage,
  errorMessage,
]);
export type WorkerMessage = z.output<typeof workerMessageSchema>;
export const hostMessageSchema = z.discriminatedUnion('type', [...workerMessageSchema.options, commandMessage]);
export type HostMessage = z.output<typeof hostMessageSchema>;

/** What the renderer talks to: the preload's window.gradscape, or the WebSocket client. */
export interface Bridge {
  readonly kind: 'electron' | 'browser';
  send(message: ClientMessage): void;
  subscribe(listener: (message: HostMessage) => void): () => void;
}

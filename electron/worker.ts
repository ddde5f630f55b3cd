import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { describeIssue } from '../shared/describe-issue';
import { workerRequestSchema, type WorkerMessage, type WorkerRequest } from '../shared/protocol';
import { createEngineRun } from './engine/create-run';
import { answerSurfaceRequest } from './engine/functions/surface-request';
import { answerLandscapePart } from './engine/landscape/landscape-request';
import { answerSlicePlane } from './engine/landscape/slice-plane-request';
import { answerCurvature } from './engine/network/curvature-request';
import { RunScheduler } from './engine/run-scheduler';

/** worker_threads entry: validates the host's requests and drives the engine. */
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

// The pool's watchdog (host/worker-pool.ts): answered only when no step or grid batch holds the thread.
const heartbeat = (workerData as { heartbeat?: MessagePort } | null)?.heartbeat;
heartbeat?.on('message', () => heartbeat.postMessage(null));
// Loaded: from now on the watchdog counts a silence as a stuck step (before this, loading may take long).
heartbeat?.postMessage(null);

const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
const scheduler = new RunScheduler({
  post,
  now: () => performance.now(),
  defer: (callback, delayMs) => {
    if (delayMs > 0) setTimeout(callback, delayMs);
    else setImmediate(callback);
  },
});
/** Runs whose engine is still being built, so a cancel that arrives meanwhile is honoured. */
const starting = new Set<string>();
/** Landscape parts being computed, and whether a cancel has come for each. */
const landscapes = new Map<string, { cancelled: boolean }>();

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'start': {
      starting.add(request.runId);
      try {
        const run = await createEngineRun(request);
        if (starting.delete(request.runId)) scheduler.add(request.runId, run, request.pace);
      } catch (error) {
        starting.delete(request.runId);
        post({ type: 'status', runId: request.runId, status: 'failed', message: (error as Error).message });
      }
      return;
    }
    case 'pause':
    case 'resume':
      scheduler.setPaused(request.runId, request.type === 'pause');
      return;
    case 'cancel':
      if (starting.delete(request.runId)) post({ type: 'status', runId: request.runId, status: 'cancelled' });
      else scheduler.cancel(request.runId);
      return;
    case 'landscape': {
      const state = { cancelled: false };
      landscapes.set(request.requestId, state);
      try {
        await answerLandscapePart(request, {
          post: (message) => post(message, [message.indices.buffer, message.values.buffer] as ArrayBuffer[]),
          yield: () => new Promise((resolve) => setImmediate(resolve)),
          cancelled: () => state.cancelled,
          now: () => performance.now(),
        });
      } catch (error) {
        post({ type: 'error', requestId: request.requestId, message: (error as Error).message });
      } finally {
        landscapes.delete(request.requestId);
      }
      return;
    }
    case 'cancel-landscape': {
      const state = landscapes.get(request.requestId);
      if (state) state.cancelled = true;
      return;
    }
    case 'slice-plane': {
      try {
        const plane = await answerSlicePlane(request);
        post(plane, [
          plane.center.buffer,
          plane.d1.buffer,
          plane.d2.buffer,
          plane.alphas.buffer,
          plane.betas.buffer,
        ] as ArrayBuffer[]);
      } catch (error) {
        post({ type: 'error', requestId: request.requestId, message: (error as Error).message });
      }
      return;
    }
    case 'curvature': {
      try {
        post(await answerCurvature(request));
      } catch (error) {
        post({ type: 'error', requestId: request.requestId, message: (error as Error).message });
      }
      return;
    }
    case 'surface': {
      try {
        const surface = answerSurfaceRequest(request);
        post(surface, [surface.x.buffer, surface.y.buffer, surface.z.buffer] as ArrayBuffer[]);
      } catch (error) {
        post({ type: 'error', requestId: request.requestId, message: (error as Error).message });
      }
      return;
    }
  }
}

port.on('message', (raw: unknown) => {
  const parsed = workerRequestSchema.safeParse(raw);
  if (!parsed.success) {
    post({ type: 'error', message: `invalid request to the worker: ${describeIssue(parsed.error)}` });
    return;
  }
  void handle(parsed.data);
});

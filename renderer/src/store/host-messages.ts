import type { CommandMessage, HostMessage } from '../../../shared/protocol';
import { appendCheckpoints, completedCheckpoints } from '../network/live-checkpoints';
import type { AppState } from './app-store';

/*
 * Each message from the host, handed to the part of the store it concerns: one function per
 * message type. The menu's `command` messages are not the store's: App hands them to the
 * command registry (listenToHostCommands in commands/command-registry.ts).
 */

interface Store {
  get(): AppState;
  set(patch: Partial<AppState>): void;
}

type StoreMessage = Exclude<HostMessage, CommandMessage>;
type Message<T extends StoreMessage['type']> = Extract<StoreMessage, { type: T }>;

function surface({ get, set }: Store, message: Message<'surface'>): void {
  if (message.requestId !== get().surfaceRequest) return;
  let zMin = Infinity;
  let zMax = -Infinity;
  for (const value of message.z) {
    if (value < zMin) zMin = value;
    if (value > zMax) zMax = value;
  }
  set({ surface: { x: message.x, y: message.y, z: message.z, zMin, zMax, criticalPoints: message.criticalPoints } });
}

/** Appended in place to the run's series; the entry is patched once per message so panels can show progress. */
function frames({ get }: Store, message: Message<'frames'>): void {
  const run = get().runs.find((entry) => entry.id === message.runId);
  if (!run) return;
  run.series.append(message);
  const live = message.checkpoints
    ? { liveCheckpoints: appendCheckpoints(run.liveCheckpoints, message.checkpoints) }
    : {};
  // The events array changes only with new events: views rebuild their glyphs when it changes.
  const events = message.events.length ? [...run.events, ...message.events] : run.events;
  get().patchRun(run.id, { count: run.series.count, events, ...live });
}

function status({ get, set }: Store, message: Message<'status'>): void {
  get().patchRun(message.runId, { status: message.status, ...(message.message ? { message: message.message } : {}) });
  if (message.status === 'failed') set({ notice: `Run failed: ${message.message ?? 'unknown error'}` });
}

function data({ get }: Store, message: Message<'data'>): void {
  get().patchRun(message.runId, { data: message });
}

function prediction({ get }: Store, message: Message<'prediction'>): void {
  get().patchRun(message.runId, { prediction: message });
}

function checkpointsComplete({ get }: Store, message: Message<'checkpoints-complete'>): void {
  const run = get().runs.find((entry) => entry.id === message.runId);
  // Its frames brought every checkpoint, so a run without them has none to complete.
  if (!run?.liveCheckpoints) return;
  get().patchRun(run.id, {
    checkpoints: completedCheckpoints(run.liveCheckpoints, message),
    liveCheckpoints: undefined,
  });
}

function slicePlane({ get }: Store, message: Message<'slice-plane'>): void {
  get().receiveSlicePlane(message);
}

function landscape({ get }: Store, message: Message<'landscape'>): void {
  get().receiveLandscape(message);
}

function curvature({ get }: Store, message: Message<'curvature'>): void {
  get().receiveCurvature(message);
}

/** A failed landscape request marks its view; any other error is shown as a notice. */
function error({ get, set }: Store, message: Message<'error'>): void {
  const { requestId } = message;
  if (requestId !== undefined && get().failLandscapeRequest(requestId, message.message)) return;
  if (requestId && requestId === get().surfaceRequest) set({ surfaceRequest: null });
  set({ notice: message.message });
}

const handlers: { [T in StoreMessage['type']]: (store: Store, message: Message<T>) => void } = {
  surface,
  frames,
  status,
  data,
  prediction,
  'checkpoints-complete': checkpointsComplete,
  'slice-plane': slicePlane,
  landscape,
  curvature,
  error,
};

/** The bridge's listener that applies each host message to the store. */
export function hostMessageRouter(store: Store): (message: HostMessage) => void {
  return (message) => {
    if (message.type === 'command') return;
    (handlers[message.type] as (store: Store, message: StoreMessage) => void)(store, message);
  };
}

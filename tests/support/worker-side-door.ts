import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BroadcastChannel } from 'node:worker_threads';
import { repoRoot } from './paths';

/** The worker script that tests use when they need to kill a worker or read its heap. */
export const instrumentedWorkerPath = join(repoRoot, 'tests', 'support', 'instrumented-worker.mjs');

export interface WorkerReport {
  threadId: number;
  /** The runs this worker was given, by the client's ids. */
  runIds: string[];
  surfaceRequests: number;
  /** After full garbage collections, in bytes. */
  heapUsed: number;
  arrayBuffers: number;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Talks to instrumented workers over their BroadcastChannel. */
export function workerSideDoor() {
  const channel = new BroadcastChannel('gradscape-test-worker');
  const waiting = new Map<number, (report: WorkerReport) => void>();
  channel.onmessage = ({ data }: { data: WorkerReport }) => {
    waiting.get(data.threadId)?.({
      ...data,
      runIds: data.runIds.map((scoped) => scoped.slice(scoped.indexOf(':') + 1)),
    });
    waiting.delete(data.threadId);
  };
  return {
    /** Ends the thread as a crash would: process.exit inside it, or an uncaught exception. */
    kill(threadId: number, how: { exitCode: number } | 'throw'): void {
      channel.postMessage(
        how === 'throw' ? { threadId, command: 'throw' } : { threadId, command: 'exit', code: how.exitCode },
      );
    },
    /** Holds the thread, as a step that never ends would, until it is terminated. */
    hang(threadId: number): void {
      channel.postMessage({ threadId, command: 'hang' });
    },
    async report(threadId: number): Promise<WorkerReport> {
      // Buffers a worker transferred to this thread count in the worker's allocator until this thread frees them.
      await setImmediate();
      collectGarbage();
      return new Promise((resolve) => {
        waiting.set(threadId, resolve);
        channel.postMessage({ threadId, command: 'report' });
      });
    },
    close: () => channel.close(),
  };
}

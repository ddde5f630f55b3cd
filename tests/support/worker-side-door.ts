import { BroadcastChannel } from 'node:worker_threads';
import { join } from 'node:path';
import { repoRoot } from './paths';

/** The worker script that tests use when they need to kill a worker or read its heap. */
export const instrumentedWorkerPath = join(repoRoot, 'tests', 'support', 'instrumented-worker.mjs');

export interface WorkerReport {
  threadId: number;
  /** Start requests this worker has received. */
  runsStarted: number;
  /** After a full garbage collection, in bytes. */
  heapUsed: number;
  arrayBuffers: number;
}

/** Talks to instrumented workers over their BroadcastChannel. */
export function workerSideDoor() {
  const channel = new BroadcastChannel('gradscape-test-worker');
  return {
    /** Ends the thread as a crash would: process.exit inside it, or an uncaught exception. */
    kill(threadId: number, how: { exitCode: number } | 'throw'): void {
      channel.postMessage(how === 'throw' ? { threadId, command: 'throw' } : { threadId, command: 'exit', code: how.exitCode });
    },
    report(threadId: number): Promise<WorkerReport> {
      return new Promise((resolve) => {
        const listener = ({ data }: { data: unknown }): void => {
          const report = data as WorkerReport;
          if (report.threadId !== threadId) return;
          channel.removeEventListener('message', listener as never);
          resolve(report);
        };
        channel.addEventListener('message', listener as never);
        channel.postMessage({ threadId, command: 'report' });
      });
    },
    close: () => channel.close(),
  };
}

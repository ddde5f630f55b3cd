// The real worker (dist/worker.mjs) with a side door for tests, on a BroadcastChannel the host
// never sees: a test can kill this one thread as a crash would, hold it as a step that never
// ends would, list the runs it was given, and read its heap after a full garbage collection.
import process from 'node:process';
import { setImmediate } from 'node:timers';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BroadcastChannel, parentPort, threadId } from 'node:worker_threads';

// The real worker first: a listener added before its own would start the port and take the
// requests that arrive while it loads.
await import('../../dist/worker.mjs');

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');
const runIds = [];
let surfaceRequests = 0;
parentPort.on('message', (message) => {
  if (message?.type === 'start') runIds.push(message.runId);
  if (message?.type === 'surface') surfaceRequests++;
});

const channel = new BroadcastChannel('gradscape-test-worker');
channel.unref();
channel.onmessage = ({ data }) => {
  if (data.threadId !== threadId) return;
  if (data.command === 'exit') process.exit(data.code);
  if (data.command === 'throw')
    setImmediate(() => {
      throw new Error('injected crash');
    });
  // Stuck as a step that never ends would be: the thread's event loop is held until it is terminated.
  if (data.command === 'hang') setImmediate(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0));
  if (data.command === 'report') {
    // Array buffers are freed by a background sweeper, which the next full collection waits for.
    collectGarbage();
    setImmediate(() => {
      collectGarbage();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      channel.postMessage({ threadId, runIds, surfaceRequests, heapUsed, arrayBuffers });
    });
  }
};

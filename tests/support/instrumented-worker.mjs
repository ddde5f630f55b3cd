// The real worker (dist/worker.mjs) with a side door for tests, on a BroadcastChannel the host
// never sees: a test can kill this one thread as a crash would, count the runs it was given,
// and read its heap after a full garbage collection.
import process from 'node:process';
import { setImmediate } from 'node:timers';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BroadcastChannel, parentPort, threadId } from 'node:worker_threads';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');
let runsStarted = 0;
parentPort.on('message', (message) => {
  if (message?.type === 'start') runsStarted++;
});

const channel = new BroadcastChannel('gradscape-test-worker');
channel.unref();
channel.onmessage = ({ data }) => {
  if (data.threadId !== threadId) return;
  if (data.command === 'exit') process.exit(data.code);
  if (data.command === 'throw') setImmediate(() => { throw new Error('injected crash'); });
  if (data.command === 'report') {
    collectGarbage();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    channel.postMessage({ threadId, runsStarted, heapUsed, arrayBuffers, heapLimit: getHeapStatistics().heap_size_limit });
  }
};

await import('../../dist/worker.mjs');

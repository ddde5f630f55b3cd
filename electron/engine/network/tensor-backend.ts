import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { findShippedFile } from '../shipped-file';

export type TensorBackend = 'wasm' | 'cpu';

/** Whether the WASM backend started, decided once per process. */
let wasmStarted: Promise<boolean> | undefined;

/**
 * Makes `preferred` tfjs's backend — WASM (SIMD; threads do not work in Node) unless it cannot
 * start, then the plain-JS CPU backend — and says which one runs.
 */
export async function useTensorBackend(preferred: TensorBackend = 'wasm'): Promise<TensorBackend> {
  // PROD skips tfjs's debug checks and its "install tfjs-node" notice, which cannot apply here.
  tf.env().set('PROD', true);
  if (preferred === 'wasm' && (await (wasmStarted ??= startWasm()))) {
    if (tf.getBackend() !== 'wasm') await tf.setBackend('wasm');
    return 'wasm';
  }
  if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
  return 'cpu';
}

async function startWasm(): Promise<boolean> {
  try {
    setWasmPaths(`${wasmDirectory()}/`);
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

/** The build's copy of the .wasm binaries (dist/wasm, also in a packaged app), else the package's own (sources). */
function wasmDirectory(): string {
  const shipped = findShippedFile(import.meta.url, 'wasm/tfjs-backend-wasm.wasm');
  return dirname(shipped ?? createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
}

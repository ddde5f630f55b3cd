import type { H5Dataset, H5Datasets } from './loss-landscape-h5';

/**
 * HDF5 bytes ↔ root datasets through h5wasm (the HDF5 C library compiled to WebAssembly), in
 * its in-memory file system, so Node and the browser run the same code. h5wasm loads on first use:
 * its module embeds the WASM binary (about 4 MB).
 */

type H5Wasm = typeof import('h5wasm').default;
type H5Module = Awaited<H5Wasm['ready']>;
let loading: Promise<{ h5: H5Wasm; fs: H5Module['FS'] }> | undefined;
let sequence = 0;

async function h5wasm(): Promise<{ h5: H5Wasm; fs: H5Module['FS'] }> {
  loading ??= import('h5wasm').then(async ({ default: h5 }) => {
    const module = await h5.ready;
    // HDF5 errors become exceptions instead of pages of diagnostics printed to stderr.
    module.activate_throwing_error_handler();
    return { h5, fs: module.FS };
  });
  return loading;
}

/** Starts loading h5wasm, e.g. while files are dragged over the window, so a drop opens sooner. */
export function preloadH5(): void {
  void h5wasm();
}

/** The root datasets of an HDF5 file, numbers as float64; null when the bytes are not HDF5. */
export async function readH5(bytes: Uint8Array): Promise<H5Datasets | null> {
  const { h5, fs } = await h5wasm();
  const path = `/read-${++sequence}.h5`;
  fs.writeFile(path, bytes);
  let file: InstanceType<H5Wasm['File']> | undefined;
  try {
    try {
      file = new h5.File(path, 'r');
    } catch {
      return null;
    }
    const datasets = new Map<string, H5Dataset>();
    for (const name of file.keys()) {
      const entity = file.get(name);
      if (!(entity instanceof h5.Dataset)) continue;
      const shape = entity.shape ?? [];
      const value = entity.value;
      if (typeof value === 'string') datasets.set(name, { shape, text: value });
      else if (ArrayBuffer.isView(value) && !(value instanceof BigInt64Array || value instanceof BigUint64Array))
        datasets.set(name, { shape, values: Float64Array.from(value as ArrayLike<number>) });
      else if (typeof value === 'number') datasets.set(name, { shape, values: Float64Array.of(value) });
    }
    return datasets;
  } finally {
    file?.close();
    fs.unlink(path);
  }
}

/** An HDF5 file holding these datasets at its root: numbers as little-endian float64, text as a string. */
export async function writeH5(datasets: H5Datasets): Promise<Uint8Array> {
  const { h5, fs } = await h5wasm();
  const path = `/write-${++sequence}.h5`;
  const file = new h5.File(path, 'w');
  try {
    for (const [name, dataset] of datasets) {
      if ('text' in dataset) file.create_dataset({ name, data: dataset.text });
      else file.create_dataset({ name, data: dataset.values, shape: dataset.shape, dtype: '<d' });
    }
  } finally {
    file.close();
  }
  try {
    return fs.readFile(path);
  } finally {
    fs.unlink(path);
  }
}

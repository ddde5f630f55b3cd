// Frame-time benchmark of the renderer (tests/support/frame-bench.ts) on the current build:
// `npm run build && node scripts/bench-frames.mjs`. The module is TypeScript, so it is bundled
// into dist/ first (beside the build, so its packages resolve from node_modules).
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve('dist');
const bundle = join(dist, 'frame-bench.mjs');
try {
  await build({
    entryPoints: ['tests/support/frame-bench.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
  const { benchFrames } = await import(pathToFileURL(bundle).href);
  await benchFrames({
    rendererDir: join(dist, 'renderer'),
    workerPath: join(dist, 'worker.mjs'),
    print: (line) => console.log(line),
  });
} finally {
  await rm(bundle, { force: true });
}

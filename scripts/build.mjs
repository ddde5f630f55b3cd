// Builds everything the app runs: the Node side with esbuild (CLI, worker, Electron main and
// preload) and the renderer with Vite, into dist/.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { build as viteBuild } from 'vite';

await rm('dist', { recursive: true, force: true });

const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };
await Promise.all([
  build({
    ...node,
    entryPoints: { cli: 'electron/cli.ts', worker: 'electron/worker.ts' },
    outdir: 'dist',
    format: 'esm',
    // Real dynamic imports: tfjs loads only when a network is asked for.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
  }),
  build({
    ...node,
    entryPoints: { main: 'electron/main.ts' },
    outdir: 'dist/electron',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
  }),
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  build({
    ...node,
    entryPoints: { preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });

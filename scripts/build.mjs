// Builds everything the app runs into dist/: the Node side with esbuild (CLI, worker, Electron
// main and preload) and the renderer with Vite. dist/ needs no node_modules: the packaged app
// loads its worker from app.asar.unpacked, where no node_modules can be found (build/README.md).
import asc from 'assemblyscript/asc';
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build as viteBuild } from 'vite';

await rm('dist', { recursive: true, force: true });

// Bundled CommonJS dependencies (tfjs's WASM backend) call require() and read __dirname, which
// an ES module lacks: every ESM output file defines them for itself.
const esmGlobals = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { dirname as __pathDirname } from 'node:path';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  'const __dirname = __pathDirname(__filename);',
].join('\n');

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
    banner: { js: esmGlobals },
  }),
  // Each bundled whole (CommonJS has no shared chunks): a sandboxed preload may require only 'electron'.
  build({
    ...node,
    entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
    outdir: 'dist/electron',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
  copyDataFiles(),
  compileKernel(),
]);
await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });

/** Files the engine reads at run time, where it looks first: dist/wasm and dist/data. */
async function copyDataFiles() {
  const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
  const binaries = (await readdir(wasmDir)).filter((name) => name.endsWith('.wasm'));
  await mkdir('dist/wasm', { recursive: true });
  await mkdir('dist/data', { recursive: true });
  await Promise.all([
    ...binaries.map((name) => copyFile(join(wasmDir, name), join('dist/wasm', name))),
    copyFile('electron/engine/network/data/iris.csv', 'dist/data/iris.csv'),
  ]);
}

/**
 * The MLP kernel (electron/engine/kernel/assembly) compiled twice with 128-bit SIMD: with relaxed
 * SIMD, whose fused multiply-add its products and polynomials use, into mlp-kernel-fma.wasm, and
 * without it into mlp-kernel.wasm for engines that lack relaxed SIMD. No runtime beyond a stub,
 * since it allocates nothing and the host lays out its memory.
 */
async function compileKernel() {
  await mkdir('dist/wasm', { recursive: true });
  const builds = [
    ['dist/wasm/mlp-kernel.wasm', []],
    ['dist/wasm/mlp-kernel-fma.wasm', ['--enable', 'relaxed-simd']],
  ];
  for (const [outFile, features] of builds) {
    const { error, stderr } = await asc.main([
      'electron/engine/kernel/assembly/mlp.ts',
      '--outFile',
      outFile,
      '--optimizeLevel',
      '3',
      '--runtime',
      'stub',
      '--noAssert',
      '--enable',
      'simd',
      ...features,
      '--use',
      'abort=',
    ]);
    if (error) throw new Error(`the MLP kernel (${outFile}) did not compile: ${error.message}\n${stderr.toString()}`);
  }
}

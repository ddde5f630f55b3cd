import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = join(repoRoot, 'dist');
export const workerPath = join(distDir, 'worker.mjs');
export const rendererDir = join(distDir, 'renderer');
export const cliPath = join(repoRoot, 'bin', 'gradscape.mjs');

/** Integration and e2e tests run the built app; `npm test` builds it first. */
export function assertBuilt(): void {
  if (!existsSync(workerPath) || !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  }
}

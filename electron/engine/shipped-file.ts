import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest `relativePath` at or above the folder of the module at `moduleUrl`, or undefined.
 * The build copies the files the engine reads into dist/ (dist/wasm, dist/data), so a bundled
 * chunk in dist/chunks — in the checkout, or in a packaged app's app.asar.unpacked — finds
 * them one level up, and a source module finds its own copy beside it.
 */
export function findShippedFile(moduleUrl: string, relativePath: string): string | undefined {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The text of a file shipped with the app (see findShippedFile); the engine reads no other file. */
export async function readShippedText(moduleUrl: string, relativePath: string): Promise<string> {
  const path = findShippedFile(moduleUrl, relativePath);
  if (!path) throw new Error(`the shipped ${relativePath} is missing`);
  return readFile(path, 'utf8');
}

/** The bytes of a shipped file at the first of `relativePaths` found, or null when none is. */
export function readShippedBytes(moduleUrl: string, ...relativePaths: string[]): Uint8Array | null {
  for (const relativePath of relativePaths) {
    const path = findShippedFile(moduleUrl, relativePath);
    if (path) return readFileSync(path);
  }
  return null;
}

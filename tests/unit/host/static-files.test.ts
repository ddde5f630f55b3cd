import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../electron/host/static-files';

// The renderer folder, with a secret beside it that no path may reach.
const base = mkdtempSync(join(tmpdir(), 'gradscape-static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(base, 'gradscape-secret.txt'), 'secret');
// Windows reads a backslash as a separator, so a name holding one is refused even where it exists.
writeFileSync(join(root, 'x\\gradscape-secret.txt'), 'secret');

describe('readStaticFile', () => {
  it('serves index.html for / and files with their content type', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toMatch(/text\/html/);
    expect((await readStaticFile(root, '/assets/app.js'))?.contentType).toMatch(/javascript/);
  });

  // Paths as callers pass them, leading "/" or not: a copy of readStaticFile that joins the
  // decoded path to root with no guard reads the secret for each but the last two.
  it.each([
    '../gradscape-secret.txt',
    '/../gradscape-secret.txt',
    'assets/../../gradscape-secret.txt',
    '/assets/../../gradscape-secret.txt',
    '%2e%2e/gradscape-secret.txt',
    '/%2e%2e/gradscape-secret.txt',
    '..%2fgradscape-secret.txt',
    '/..%2fgradscape-secret.txt',
    '/x%5cgradscape-secret.txt',
    'x\\gradscape-secret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    expect(await readStaticFile(root, path)).toBeNull();
  });

  it('answers null for a missing file', async () => {
    expect(await readStaticFile(root, '/nope.js')).toBeNull();
  });
});

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../electron/host/static-files';

const root = mkdtempSync(join(tmpdir(), 'gradscape-static-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(tmpdir(), 'gradscape-secret.txt'), 'secret');

describe('readStaticFile', () => {
  it('serves index.html for / and files with their content type', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toMatch(/text\/html/);
    expect((await readStaticFile(root, '/assets/app.js'))?.contentType).toMatch(/javascript/);
  });

  it.each(['/../gradscape-secret.txt', '/assets/../../gradscape-secret.txt', '/%2e%2e/gradscape-secret.txt', '/..%2fgradscape-secret.txt', '/assets%5c..%5c..%5cgradscape-secret.txt', '/index.html%00.js', '/%E0%A4%A'])(
    'refuses %s',
    async (path) => {
      expect(await readStaticFile(root, path)).toBeNull();
    },
  );

  it('answers null for a missing file', async () => {
    expect(await readStaticFile(root, '/nope.js')).toBeNull();
  });
});

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAppRequest } from '../../../electron/host/app-protocol';
import { contentSecurityPolicy } from '../../../electron/host/content-security-policy';
import { outsideAsar } from '../../../electron/host/packaged-paths';

const parent = mkdtempSync(join(tmpdir(), 'gradscape-protocol-'));
const root = join(parent, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(parent, 'secret.txt'), 'secret');

describe('the app:// protocol', () => {
  it('serves the UI with the CSP and nosniff on every file', async () => {
    for (const url of ['app://gradscape/', 'app://gradscape/index.html', 'app://gradscape/assets/app.js']) {
      const response = await answerAppRequest(url, root);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await answerAppRequest('app://gradscape/', root)).text()).toContain('id="root"');
  });

  it.each([
    'app://evil/index.html',
    'app://gradscape.evil/index.html',
    'https://gradscape/index.html',
    'app://gradscape/../secret.txt',
    'app://gradscape/%2e%2e/secret.txt',
    'app://gradscape/assets/..%2f..%2fsecret.txt',
    'app://gradscape/missing.js',
    'not a url',
  ])('answers 404 to %s', async (url) => {
    const response = await answerAppRequest(url, root);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });
});

describe('outsideAsar', () => {
  it('points app.asar paths at app.asar.unpacked and leaves others alone', () => {
    expect(outsideAsar('/opt/Gradscape/resources/app.asar/dist/worker.mjs')).toBe(
      '/opt/Gradscape/resources/app.asar.unpacked/dist/worker.mjs',
    );
    expect(outsideAsar('C:\\Program Files\\Gradscape\\resources\\app.asar\\dist\\worker.mjs')).toBe(
      'C:\\Program Files\\Gradscape\\resources\\app.asar.unpacked\\dist\\worker.mjs',
    );
    for (const path of [
      '/work/gradscape/dist/worker.mjs',
      '/x/app.asar.unpacked/dist/worker.mjs',
      '/x/my-app.asarx/worker.mjs',
    ]) {
      expect(outsideAsar(path)).toBe(path);
    }
  });
});

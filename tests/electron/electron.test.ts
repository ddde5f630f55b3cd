import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Where the electron package can give us its binary; it downloads it on first use, which fails offline. */
function electronBinary(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    'electron tests skipped: the Electron binary is not installed on this machine (it cannot be downloaded here)',
  );
}

describe.skipIf(!binary)('Electron shell', () => {
  it('starts, loads the UI from app://gradscape and quits', () => {
    const result = spawnSync(binary!, ['.', '--smoke-test'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
  });
});

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

/**
 * The layer rules of eslint.config.js (docs/architecture.md), each shown to fail on a planted
 * import and to let a clean one through. The code is linted as if it were the named file, which
 * need not exist.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

/** The layer rules' messages for `code` placed at `filePath`, relative to the repository. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: `${repoRoot}/${filePath}` });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

/** `code` at `filePath` is refused by one layer rule, with this message. */
async function expectRefused(filePath: string, code: string, message: RegExp): Promise<void> {
  const errors = await layerErrors(filePath, code);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(message);
}

describe('electron/engine imports neither the host, nor electron, nor the file system', () => {
  const file = 'electron/engine/landscape/planted.ts';

  it.each([
    ['the host', "import { RunHost } from '../../host/run-host';", /the engine must not import the host/],
    ['electron', "import { app } from 'electron';", /the engine must not import electron/],
    ['node:fs', "import { readFileSync } from 'node:fs';", /the engine must not use the file system/],
    ['node:fs/promises', "import { readFile } from 'node:fs/promises';", /the engine must not use the file system/],
    ['fs', "import { readFileSync } from 'fs';", /the engine must not use the file system/],
    ['a re-export of fs', "export { readFileSync } from 'fs';", /the engine must not use the file system/],
  ])('refuses %s', (_, code, message) => expectRefused(file, code, message));

  it('lets through shared/, its own modules, linalg/ and node:path', async () => {
    const code = [
      "import { createRandom } from '../../../shared/random';",
      "import { dot } from '../linalg/vectors';",
      "import { PlaneEvaluator } from './plane-evaluator';",
      "import { join } from 'node:path';",
    ].join('\n');
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it('lets the named file-system modules read files, but not import the host', async () => {
    expect(await layerErrors('electron/engine/shipped-file.ts', "import { existsSync } from 'node:fs';")).toEqual([]);
    const errors = await layerErrors('electron/engine/shipped-file.ts', "import { RunHost } from '../host/run-host';");
    expect(errors).toEqual([expect.stringMatching(/the engine must not import the host/)]);
  });
});

describe('electron/host imports no electron', () => {
  it('refuses electron and its subpaths', async () => {
    for (const code of ["import { app } from 'electron';", "import { ipcMain } from 'electron/main';"]) {
      expect(await layerErrors('electron/host/planted.ts', code)).toEqual([
        expect.stringMatching(/the host must not import electron/),
      ]);
    }
  });

  it('lets the host use node: and the engine, and main.ts and preload.ts import electron', async () => {
    const hostCode =
      "import { readFile } from 'node:fs/promises';\nimport { chooseSlicePlane } from '../engine/landscape/compute-landscape';";
    expect(await layerErrors('electron/host/planted.ts', hostCode)).toEqual([]);
    expect(await layerErrors('electron/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(await layerErrors('electron/preload.ts', "import { contextBridge } from 'electron';")).toEqual([]);
  });
});

describe('renderer imports neither electron/, nor electron, nor node built-ins', () => {
  const file = 'renderer/src/store/planted.ts';

  it.each([
    [
      'the Node side',
      "import { RunHost } from '../../../electron/host/run-host';",
      /the renderer must not import the Node side/,
    ],
    ['electron', "import { ipcRenderer } from 'electron';", /the renderer must not import electron or node:/],
    ['node:fs', "import { readFileSync } from 'node:fs';", /the renderer must not import electron or node:/],
    ['a bare built-in', "import { join } from 'path';", /the renderer must not import node built-ins/],
    ['a built-in subpath', "import { readFile } from 'fs/promises';", /the renderer must not import node built-ins/],
    ['events', "import { EventEmitter } from 'events';", /the renderer must not import node built-ins/],
  ])('refuses %s', (_, code, message) => expectRefused(file, code, message));

  it('lets through shared/ (events.ts is not the built-in "events"), its own modules and its libraries', async () => {
    const code = [
      "import type { RunEvent } from '../../../shared/events';",
      "import { formatNumber } from '../plot/format-number';",
      "import * as THREE from 'three';",
      "import { create } from 'zustand';",
    ].join('\n');
    expect(await layerErrors(file, code)).toEqual([]);
  });
});

describe('the store imports no UI code', () => {
  const file = 'renderer/src/store/planted.ts';
  const message = /the store must not import UI code/;

  it.each([
    ['a component', "import { RunList } from '../sidebar/RunList';"],
    ['a .tsx module without a capital', "import { PresentationToggle } from '../presentation/presentation';"],
    ['App', "import { App } from '../App';"],
    ['a .tsx module named by its extension', "import { Planted } from '../sidebar/Planted.tsx';"],
    ['the command registry', "import { runCommand } from '../commands/command-registry';"],
  ])('refuses %s', (_, code) => expectRefused(file, code, message));

  it('still refuses what the renderer refuses', () =>
    expectRefused(file, "import { join } from 'path';", /the renderer must not import node built-ins/));

  it('lets through the model, the other stores and the views’ plain modules, and lets a view import the store and the commands', async () => {
    const code = [
      "import type { RunEntry } from './app-model';",
      "import { usePlaybackStore } from './playback-store';",
      "import { slicePlaneFields } from '../network/slice-choices';",
      "import type { AppCommand } from '../../../shared/app-commands';",
    ].join('\n');
    expect(await layerErrors(file, code)).toEqual([]);
    const view =
      "import { useAppStore } from '../store/app-store';\nimport { runCommand } from '../commands/command-registry';\nimport { Legend } from './Legend';";
    expect(await layerErrors('renderer/src/sidebar/planted.tsx', view)).toEqual([]);
  });
});

describe('shared/ stays pure', () => {
  const file = 'shared/planted.ts';

  it.each([
    ['electron', "import { app } from 'electron';", /shared\/ must not import electron, node: or the DOM layer/],
    [
      'node:crypto',
      "import { createHash } from 'node:crypto';",
      /shared\/ must not import electron, node: or the DOM layer/,
    ],
    ['a bare built-in', "import { join } from 'path';", /shared\/ must not import node built-ins/],
    ['react', "import { useState } from 'react';", /shared\/ must not import electron, node: or the DOM layer/],
    ['three', "import * as THREE from 'three';", /shared\/ must not import electron, node: or the DOM layer/],
    [
      'the engine',
      "import { dot } from '../electron/engine/linalg/vectors';",
      /shared\/ must not import the Node side or the renderer/,
    ],
    [
      'the renderer',
      "import { useAppStore } from '../renderer/src/store/app-store';",
      /shared\/ must not import the Node side or the renderer/,
    ],
  ])('refuses %s', (_, code, message) => expectRefused(file, code, message));

  it('refuses the DOM and Node globals', async () => {
    const errors = await layerErrors(file, 'export const width = window.innerWidth + process.pid;');
    expect(errors).toHaveLength(2);
  });

  it('lets through zod and its own modules', async () => {
    expect(await layerErrors(file, "import { z } from 'zod';\nimport type { RunEvent } from './events';")).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeH5 } from '../../shared/h5-files';
import type { H5Dataset } from '../../shared/loss-landscape-h5';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { canvasImage, canvasPixels, saveSession, screenshotDir, settledCanvasImage } from '../support/browser';
import { h5Fixture } from '../support/loss-landscape-fixtures';
import { probeVideo } from '../support/video-probe';

let app: AppInBrowser;
let page: Page;
const SHOWN = { timeout: 30_000 };

beforeAll(async () => {
  app = await openAppInBrowser({ width: 1400, height: 860 });
  page = app.page;
  await page.locator('main[aria-busy="false"]').waitFor();
});
afterAll(() => app?.close());

/** A 101 × 101 surface in loss-landscape's layout: a tilted bowl with ripples, flat element j·101 + i at (x[i], y[j]). */
async function generatedSurface(): Promise<Uint8Array> {
  const n = 101;
  const axis = Float64Array.from({ length: n }, (_, k) => -1 + (2 * k) / (n - 1));
  const loss = new Float64Array(n * n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++)
      loss[j * n + i] = 0.05 + axis[i]! ** 2 + 2 * axis[j]! ** 2 + 0.1 * Math.sin(6 * axis[i]!);
  const datasets = new Map<string, H5Dataset>([
    ['xcoordinates', { shape: [n], values: axis }],
    ['ycoordinates', { shape: [n], values: axis }],
    ['train_loss', { shape: [n, n], values: loss }],
  ]);
  return writeH5(datasets);
}

/**
 * Drops files on the window as a user does, then waits in the page for the first picture: the
 * canvas named `name` (or, for the 3D view, the canvas inside the element so named) with a pixel
 * drawn that is neither transparent nor the 3D scene's background. Returns milliseconds from the drop.
 */
async function dropAndTimeFirstPicture(files: { name: string; bytes: Uint8Array }[], name: string): Promise<number> {
  const payload = files.map(({ name, bytes }) => ({ name, base64: Buffer.from(bytes).toString('base64') }));
  return page.evaluate(
    async ({ payload, name, background }) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of payload)
        transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
      const start = performance.now();
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      for (;;) {
        await new Promise(requestAnimationFrame);
        const target = document.querySelector(`[aria-label^="${name}"]`);
        const canvas = target instanceof HTMLCanvasElement ? target : target?.querySelector('canvas');
        if (canvas && canvas.width > 0) {
          // A WebGL canvas is read through a 2D copy of its (preserved) drawing buffer.
          const copy = document.createElement('canvas');
          copy.width = canvas.width;
          copy.height = canvas.height;
          const context = copy.getContext('2d')!;
          context.drawImage(canvas, 0, 0);
          const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
          for (let k = 0; k < pixels.length; k += 4) {
            const off =
              Math.abs(pixels[k]! - background[0]) +
              Math.abs(pixels[k + 1]! - background[1]) +
              Math.abs(pixels[k + 2]! - background[2]);
            if (pixels[k + 3]! > 0 && off > 30) return performance.now() - start;
          }
        }
        if (performance.now() - start > 30_000) throw new Error(`no picture of ${name}`);
      }
    },
    { payload, name, background: BACKGROUND },
  );
}

/** The 3D scene's background, #0d1117. */
const BACKGROUND: [number, number, number] = [13, 17, 23];
const CORAL: [number, number, number] = [255, 127, 80];
const scene3d = (file: string) =>
  page.getByRole('img', { name: new RegExp(`^Loss landscape in 3D, ${file.replace('.', '\\.')},`) });
const webgl = (file: string) => scene3d(file).locator('canvas');

/** Pixels of a canvas that are not the scene's background colour. */
async function nonBackground(canvas: Locator): Promise<number> {
  const total = await canvas.evaluate((element: HTMLCanvasElement) => element.width * element.height);
  return total - (await canvasPixels(canvas, BACKGROUND, 4));
}

/** Drags across a 3D view, turning its camera about the vertical (the elevation stays). */
async function orbit(target: Locator): Promise<void> {
  const box = (await target.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height * 0.6];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 25, y, { steps: 3 });
  await page.mouse.move(x + 50, y, { steps: 3 });
  await page.mouse.up();
}

const fixture = (name: string): { name: string; bytes: Uint8Array } => ({ name, bytes: readFileSync(h5Fixture(name)) });

const LABEL = /^Loss landscape in 3D, (\S+), (\d+) × (\d+), (.+) (\S+) to (\S+) \((log|linear)\)$/;
/** A number as the app prints it: a true minus sign. */
const parse = (text: string): number => Number(text.replaceAll('\u2212', '-'));

describe('loss-landscape .h5 files in the app (gradscape serve in Chromium)', () => {
  it('opens a generated 101 × 101 surface to its first picture in 3D, and prints the time', async () => {
    const cold = await dropAndTimeFirstPicture(
      [{ name: 'generated-101.h5', bytes: await generatedSurface() }],
      'Loss landscape in 3D, generated-101.h5',
    );
    await page.getByRole('button', { name: 'Close generated-101.h5' }).click();
    const warm = await dropAndTimeFirstPicture(
      [{ name: 'generated-101b.h5', bytes: await generatedSurface() }],
      'Loss landscape in 3D, generated-101b.h5',
    );
    console.log(
      `101 × 101 surface to first picture in 3D: ${cold.toFixed(0)} ms with h5wasm's first load, ${warm.toFixed(0)} ms after`,
    );
    const panel = page.getByRole('region', { name: 'Surface generated-101b.h5' });
    expect(await panel.locator('.imported-title').textContent()).toBe('generated-101b.h5 · 101 × 101 grid');
    // 0.05 + x² + 2y² + 0.1 sin 6x over [−1, 1]²: from 0.05 − 0.1·sin(…) near the bottom up to 3.05 − 0.1 sin 6 at x = −1, y = ±1.
    const [, , columns, rows, quantity, low, high] = LABEL.exec(
      (await scene3d('generated-101b.h5').getAttribute('aria-label'))!,
    )!;
    expect([columns, rows, quantity]).toEqual(['101', '101', 'train loss']);
    expect(parse(high!)).toBeCloseTo(3.05 - 0.1 * Math.sin(6), 2);
    expect(parse(low!)).toBeLessThan(0.05);
    // 2x + 0.6 cos 6x = 0 has one root and 4y = 0 one: the bowl has one minimum and nothing else.
    expect(await panel.locator('.imported-critical').textContent()).toBe(
      'on this slice: 1 minima, 0 saddles, 0 maxima',
    );
    await page.getByRole('button', { name: 'Close generated-101b.h5' }).click();
  });

  it('shows points an interrupted job never reached (−1 in the file) as not computed, and counts them', async () => {
    const axis = Float64Array.from([-1, 0, 1]);
    const loss = Float64Array.from([2, 1, 2, 1, 0.5, -1, 2, -1, 2]);
    const bytes = await writeH5(
      new Map<string, H5Dataset>([
        ['xcoordinates', { shape: [3], values: axis }],
        ['ycoordinates', { shape: [3], values: axis }],
        ['train_loss', { shape: [3, 3], values: loss }],
      ]),
    );
    await dropAndTimeFirstPicture([{ name: 'unfinished.h5', bytes }], 'Loss landscape in 3D, unfinished.h5');
    const panel = page.getByRole('region', { name: 'Surface unfinished.h5' });
    expect(await panel.locator('.imported-title').textContent()).toBe(
      'unfinished.h5 · 3 × 3 grid · 2 points not computed (−1 in the file)',
    );
    // The range is the computed points' own: 0.5 to 2, no loss of −1.
    const [, , , , , low, high] = LABEL.exec((await scene3d('unfinished.h5').getAttribute('aria-label'))!)!;
    expect([parse(low!), parse(high!)]).toEqual([0.5, 2]);
    await page.getByRole('button', { name: 'Close unfinished.h5' }).click();
  });

  it('shows a dropped 2-D surface with its trajectory in 3D: the path on the surface, colour bar, critical points, quantity picker', async () => {
    await dropAndTimeFirstPicture(
      [fixture('surface_pca.h5'), fixture('surface_pca_proj.h5')],
      'Loss landscape in 3D, surface_pca.h5',
    );
    const panel = page.getByRole('region', { name: 'Surface surface_pca.h5' });
    expect(await panel.locator('.imported-title').textContent()).toBe(
      'surface_pca.h5 · 8 × 7 grid · path from surface_pca_proj.h5 (41 points)',
    );
    // 3D is the default, its button pressed.
    expect(await page.getByRole('button', { name: '3D', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const [file, columns, rows, quantity] = LABEL.exec(
      (await scene3d('surface_pca.h5').getAttribute('aria-label'))!,
    )!.slice(1);
    expect([file, columns, rows, quantity]).toEqual(['surface_pca.h5', '8', '7', 'train loss']);
    expect(await panel.locator('.imported-critical').textContent()).toMatch(
      /^on this slice: \d+ minima, \d+ saddles, \d+ maxima$/,
    );
    // The coral path lies on the surface, which covers thousands of pixels.
    await expect.poll(() => canvasPixels(webgl('surface_pca.h5'), CORAL, 30), SHOWN).toBeGreaterThan(50);
    expect(await nonBackground(webgl('surface_pca.h5'))).toBeGreaterThan(10_000);
    expect(await panel.getByRole('img', { name: /train loss colour scale/ }).isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'h5-surface-3d.png') });

    // The toolbar's contour lines come and go on the 3D surface.
    const withContours = await settledCanvasImage(webgl('surface_pca.h5'));
    await page.getByLabel('Contour lines').uncheck();
    await expect.poll(() => canvasImage(webgl('surface_pca.h5')), SHOWN).not.toBe(withContours);
    await page.getByLabel('Contour lines').check();

    // 2D: the heat map with the path; side by side: both.
    await page.getByRole('button', { name: '2D', exact: true }).click();
    const map = panel.locator('canvas[aria-label^="train loss of surface_pca.h5"]');
    await map.waitFor();
    expect(await scene3d('surface_pca.h5').count()).toBe(0);
    expect(await map.getAttribute('aria-label')).toMatch(/on this slice: \d+ minima, \d+ saddles, \d+ maxima/);
    await expect.poll(() => canvasPixels(map, CORAL, 30), SHOWN).toBeGreaterThan(50);
    await page.screenshot({ path: join(screenshotDir, 'h5-surface-trajectory.png') });
    await page.getByRole('button', { name: 'Side by side', exact: true }).click();
    await expect.poll(() => scene3d('surface_pca.h5').count(), SHOWN).toBe(1);
    expect(await map.count()).toBe(1);
    await expect.poll(() => canvasPixels(webgl('surface_pca.h5'), CORAL, 30), SHOWN).toBeGreaterThan(20);
    await page.screenshot({ path: join(screenshotDir, 'h5-surface-side-by-side.png') });
    await page.getByRole('button', { name: '3D', exact: true }).click();
    await expect.poll(() => map.count(), SHOWN).toBe(0);

    const before = await settledCanvasImage(webgl('surface_pca.h5'));
    await panel.getByLabel('Quantity of surface_pca.h5').selectOption('train_acc');
    await expect
      .poll(() => scene3d('surface_pca.h5').getAttribute('aria-label'), SHOWN)
      .toMatch(/, train accuracy \(%\) \S+ to \S+ \((log|linear)\)$/);
    await expect.poll(() => canvasImage(webgl('surface_pca.h5')), SHOWN).not.toBe(before);
    await panel.getByLabel('Quantity of surface_pca.h5').selectOption('train_loss');
    expect(app.pageErrors).toEqual([]);
  });

  it('saves the 3D view of an opened surface as a PNG and records an orbit video of it', async () => {
    await page.getByText('Export', { exact: true }).click();
    await page.getByLabel('Image of').selectOption('3d');
    await page.getByLabel('Image width (px)').fill('320');
    await page.getByLabel('Image height (px)').fill('240');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save PNG', exact: true }).click(),
    ]);
    const pngPath = join(screenshotDir, 'h5-surface-3d-export.png');
    await png.saveAs(pngPath);
    const bytes = readFileSync(pngPath);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([320, 240]);
    await page.getByLabel('Frames per second').fill('10');
    await page.getByLabel('Length (s)').fill('2');
    await page.getByLabel('Camera', { exact: true }).selectOption('orbit');
    const [video] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Record video' }).click(),
    ]);
    const path = join(screenshotDir, '..', `h5-surface-${video.suggestedFilename()}`);
    await video.saveAs(path);
    await expect.poll(() => page.getByRole('button', { name: 'Record video' }).isVisible(), SHOWN).toBe(true);
    const probe = probeVideo(path);
    console.log(`ffprobe ${path}: ${JSON.stringify(probe)}`);
    expect(['h264', 'vp9', 'vp8']).toContain(probe.codec_name);
    expect([probe.width, probe.height, Number(probe.nb_read_frames)]).toEqual([320, 240, 20]);
    await page.getByText('Export', { exact: true }).click();
    expect(app.pageErrors).toEqual([]);
  });

  it('saves a session with the surface’s camera turned, and opens it with the same camera', async () => {
    await orbit(scene3d('surface_pca.h5'));
    await settledCanvasImage(webgl('surface_pca.h5'));
    const saved = await saveSession(page, 'h5-surface-3d');
    expect(saved.view.camera).toBeDefined();
    await page.getByLabel('Session file').setInputFiles(saved.path);
    await expect.poll(() => nonBackground(webgl('surface_pca.h5')), SHOWN).toBeGreaterThan(10_000);
    const { camera } = (await saveSession(page, 'h5-surface-3d-reopened')).view;
    expect(camera!.target).toEqual(saved.view.camera!.target);
    camera!.position.forEach((value: number, k: number) =>
      expect(value).toBeCloseTo(saved.view.camera!.position[k]!, 9),
    );
    expect(await page.locator('.imported-landscape').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });

  it('puts a second surface, opened with Open, beside the first in 3D, their cameras locked', async () => {
    await page.getByLabel('Session file').setInputFiles(h5Fixture('surface_2d.h5'));
    const second = page.getByRole('region', { name: 'Surface surface_2d.h5' });
    await expect.poll(() => second.locator('.imported-title').textContent(), SHOWN).toBe('surface_2d.h5 · 9 × 6 grid');
    const boxes = await Promise.all(
      ['surface_pca.h5', 'surface_2d.h5'].map((file) =>
        page.getByRole('region', { name: `Surface ${file}` }).boundingBox(),
      ),
    );
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width - 1);
    expect(await page.getByLabel('Lock cameras').isChecked()).toBe(true);
    await expect.poll(() => nonBackground(webgl('surface_2d.h5')), SHOWN).toBeGreaterThan(5000);
    // Orbiting the first turns the second.
    const still = await settledCanvasImage(webgl('surface_2d.h5'), 1000, 20);
    await orbit(scene3d('surface_pca.h5'));
    await expect.poll(() => canvasImage(webgl('surface_2d.h5')), SHOWN).not.toBe(still);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(screenshotDir, 'h5-two-surfaces-3d.png') });
    // Unlocked, orbiting the first leaves the second where it is.
    await page.getByLabel('Lock cameras').uncheck();
    const unlocked = await settledCanvasImage(webgl('surface_2d.h5'), 1000, 20);
    await orbit(scene3d('surface_pca.h5'));
    await settledCanvasImage(webgl('surface_pca.h5'));
    expect(await canvasImage(webgl('surface_2d.h5'))).toBe(unlocked);
    await page.getByLabel('Lock cameras').check();

    // The opened surfaces' PNG holds both: 1200 px wide, its height following their shape.
    await page.getByText('Export', { exact: true }).click();
    await page.getByLabel('Image of').selectOption('opened');
    await page.getByLabel('Image width (px)').fill('1200');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save PNG' }).click(),
    ]);
    const pngPath = join(screenshotDir, 'h5-two-surfaces-export.png');
    await png.saveAs(pngPath);
    const bytes = readFileSync(pngPath);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const panels = await page
      .locator('.imported-landscapes canvas')
      .evaluateAll((canvases) => canvases.map((canvas) => canvas.getBoundingClientRect()));
    const span = Math.max(...panels.map((box) => box.right)) - Math.min(...panels.map((box) => box.left));
    const tall = Math.max(...panels.map((box) => box.bottom)) - Math.min(...panels.map((box) => box.top));
    expect(width).toBe(1200);
    expect(height).toBe(Math.round((tall * 1200) / span));
    await page.getByText('Export', { exact: true }).click();
  });

  it('draws a 1-D surface as a curve along α', async () => {
    await dropAndTimeFirstPicture([fixture('surface_1d.h5')], 'train loss of surface_1d.h5 along α');
    expect(await page.locator('.imported-title', { hasText: 'surface_1d.h5' }).textContent()).toBe(
      'surface_1d.h5 · 11 points (1-D)',
    );
    await page.getByRole('button', { name: 'Close surface_1d.h5' }).click();
  });

  it('refuses a file that is not HDF5 with one message naming it, leaving the surfaces shown', async () => {
    await dropAndTimeFirstPicture([fixture('not_hdf5.h5')], 'Loss landscape in 3D, surface_2d.h5');
    await expect
      .poll(() => page.getByRole('alert').textContent(), SHOWN)
      .toContain('Could not open not_hdf5.h5: not an HDF5 file');
    expect(await page.locator('.imported-landscape').count()).toBe(2);
    expect(app.pageErrors).toEqual([]);
  });
});

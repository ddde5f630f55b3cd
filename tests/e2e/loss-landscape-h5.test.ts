import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeH5 } from '../../shared/h5-files';
import type { H5Dataset } from '../../shared/loss-landscape-h5';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { canvasPixels, screenshotDir } from '../support/browser';
import { h5Fixture } from '../support/loss-landscape-fixtures';

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
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) loss[j * n + i] = 0.05 + axis[i]! ** 2 + 2 * axis[j]! ** 2 + 0.1 * Math.sin(6 * axis[i]!);
  const datasets = new Map<string, H5Dataset>([
    ['xcoordinates', { shape: [n], values: axis }],
    ['ycoordinates', { shape: [n], values: axis }],
    ['train_loss', { shape: [n, n], values: loss }],
  ]);
  return writeH5(datasets);
}

/**
 * Drops files on the window as a user does, then waits in the page for the first picture: the
 * canvas of `canvasName` with a pixel drawn. Returns milliseconds from the drop.
 */
async function dropAndTimeFirstPicture(files: { name: string; bytes: Uint8Array }[], canvasName: string): Promise<number> {
  const payload = files.map(({ name, bytes }) => ({ name, base64: Buffer.from(bytes).toString('base64') }));
  return page.evaluate(
    async ({ payload, canvasName }) => {
      const transfer = new DataTransfer();
      for (const { name, base64 } of payload) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
      const start = performance.now();
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      for (;;) {
        await new Promise(requestAnimationFrame);
        const canvas = document.querySelector<HTMLCanvasElement>(`canvas[aria-label^="${canvasName}"]`);
        if (canvas && canvas.width > 0) {
          const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          if (pixels.some((value, k) => k % 4 === 3 && value > 0)) return performance.now() - start;
        }
        if (performance.now() - start > 30_000) throw new Error(`no picture of ${canvasName}`);
      }
    },
    { payload, canvasName },
  );
}

const fixture = (name: string): { name: string; bytes: Uint8Array } => ({ name, bytes: readFileSync(h5Fixture(name)) });

describe('loss-landscape .h5 files in the app (gradscape serve in Chromium)', () => {
  it('opens a generated 101 × 101 surface to its first picture, and prints the time', async () => {
    const cold = await dropAndTimeFirstPicture([{ name: 'generated-101.h5', bytes: await generatedSurface() }], 'train loss of generated-101.h5');
    await page.getByRole('button', { name: 'Close generated-101.h5' }).click();
    const warm = await dropAndTimeFirstPicture([{ name: 'generated-101b.h5', bytes: await generatedSurface() }], 'train loss of generated-101b.h5');
    console.log(`101 × 101 surface to first picture: ${cold.toFixed(0)} ms with h5wasm's first load, ${warm.toFixed(0)} ms after`);
    expect(await page.locator('.imported-title', { hasText: 'generated-101b.h5' }).textContent()).toContain('101 × 101 grid');
    // 2x + 0.6 cos 6x = 0 has one root and 4y = 0 one: the bowl has one minimum and nothing else.
    expect(await page.locator('canvas[aria-label^="train loss of generated-101b.h5"]').getAttribute('aria-label')).toMatch(/on this slice: 1 minima, 0 saddles, 0 maxima$/);
    await page.getByRole('button', { name: 'Close generated-101b.h5' }).click();
  });

  it('shows a dropped 2-D surface with its trajectory: header, path, colour bar, critical points, quantity picker', async () => {
    await dropAndTimeFirstPicture([fixture('surface_pca.h5'), fixture('surface_pca_proj.h5')], 'train loss of surface_pca.h5');
    const panel = page.getByRole('region', { name: 'Surface surface_pca.h5' });
    expect(await panel.locator('.imported-title').textContent()).toBe('surface_pca.h5 · 8 × 7 grid · path from surface_pca_proj.h5 (41 points)');
    const canvas = panel.locator('canvas[aria-label^="train loss of surface_pca.h5"]');
    expect(await canvas.getAttribute('aria-label')).toMatch(/on this slice: \d+ minima, \d+ saddles, \d+ maxima/);
    // The path is drawn in coral over the viridis map.
    expect(await canvasPixels(canvas, [255, 127, 80], 30)).toBeGreaterThan(50);
    expect(await panel.getByRole('img', { name: /train loss colour scale/ }).isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'h5-surface-trajectory.png') });

    // The toolbar's contour lines come and go on the slice.
    const withContours = await canvas.evaluate((element: HTMLCanvasElement) => element.toDataURL());
    await page.getByLabel('Contour lines').uncheck();
    await expect.poll(() => canvas.evaluate((element: HTMLCanvasElement) => element.toDataURL()), SHOWN).not.toBe(withContours);
    await page.getByLabel('Contour lines').check();
    await expect.poll(() => canvas.evaluate((element: HTMLCanvasElement) => element.toDataURL()), SHOWN).toBe(withContours);

    const before = await canvas.evaluate((element: HTMLCanvasElement) => element.toDataURL());
    await panel.getByLabel('Quantity of surface_pca.h5').selectOption('train_acc');
    await panel.locator('canvas[aria-label^="train accuracy (%) of surface_pca.h5"]').waitFor();
    await expect.poll(() => panel.locator('canvas').evaluate((element: HTMLCanvasElement) => element.toDataURL()), SHOWN).not.toBe(before);
  });

  it('puts a second surface, opened with Open, beside the first', async () => {
    await page.getByLabel('Session file').setInputFiles(h5Fixture('surface_2d.h5'));
    const second = page.getByRole('region', { name: 'Surface surface_2d.h5' });
    await expect.poll(() => second.locator('.imported-title').textContent(), SHOWN).toBe('surface_2d.h5 · 9 × 6 grid');
    const boxes = await Promise.all(['surface_pca.h5', 'surface_2d.h5'].map((file) => page.getByRole('region', { name: `Surface ${file}` }).boundingBox()));
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width - 1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshotDir, 'h5-two-surfaces.png') });

    // The opened surfaces' PNG holds both: 1200 px wide, its height following their shape.
    await page.getByText('Export', { exact: true }).click();
    await page.getByLabel('Image of').selectOption('opened');
    await page.getByLabel('Image width (px)').fill('1200');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save PNG' }).click()]);
    const pngPath = join(screenshotDir, 'h5-two-surfaces-export.png');
    await png.saveAs(pngPath);
    const bytes = readFileSync(pngPath);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const panels = await page.locator('.imported-landscapes canvas').evaluateAll((canvases) => canvases.map((canvas) => canvas.getBoundingClientRect()));
    const span = Math.max(...panels.map((box) => box.right)) - Math.min(...panels.map((box) => box.left));
    const tall = Math.max(...panels.map((box) => box.bottom)) - Math.min(...panels.map((box) => box.top));
    expect(width).toBe(1200);
    expect(height).toBe(Math.round((tall * 1200) / span));
  });

  it('draws a 1-D surface as a curve along α', async () => {
    await dropAndTimeFirstPicture([fixture('surface_1d.h5')], 'train loss of surface_1d.h5 along α');
    expect(await page.locator('.imported-title', { hasText: 'surface_1d.h5' }).textContent()).toBe('surface_1d.h5 · 11 points (1-D)');
    await page.getByRole('button', { name: 'Close surface_1d.h5' }).click();
  });

  it('refuses a file that is not HDF5 with one message naming it, leaving the surfaces shown', async () => {
    await dropAndTimeFirstPicture([fixture('not_hdf5.h5')], 'train loss of surface_2d.h5');
    await expect.poll(() => page.getByRole('alert').textContent(), SHOWN).toContain('Could not open not_hdf5.h5: not an HDF5 file');
    expect(await page.locator('.imported-landscape').count()).toBe(2);
    expect(app.pageErrors).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { canvasPixels, screenshotDir } from '../support/browser';

let app: AppInBrowser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openAppInBrowser({ width: 1400, height: 900 });
  ({ page, pageErrors } = app);
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.getByText('Export', { exact: true }).click();
});
afterAll(() => app?.close());

/** Saves a PNG of `view` at 800 × 500 into the screenshots; returns its path. */
async function savePng(view: string, file: string): Promise<string> {
  await page.getByLabel('Image of').selectOption({ label: view });
  await page.getByLabel('Image width (px)').fill('800');
  await page.getByLabel('Image height (px)').fill('500');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Save PNG' }).click(),
  ]);
  const path = join(screenshotDir, file);
  await download.saveAs(path);
  const bytes = readFileSync(path);
  // The IHDR chunk holds width and height.
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([800, 500]);
  return path;
}

/** Pixels of a saved PNG within `tolerance` of an RGB colour: the file is drawn on a canvas of the page, then counted there. */
async function pngPixels(path: string, rgb: [number, number, number], tolerance: number): Promise<number> {
  await page.evaluate(
    async (url) => {
      const picture = new Image();
      picture.src = url;
      await picture.decode();
      document.querySelector('#saved-png')?.remove();
      const canvas = Object.assign(document.createElement('canvas'), {
        id: 'saved-png',
        width: picture.width,
        height: picture.height,
        hidden: true,
      });
      canvas.getContext('2d')!.drawImage(picture, 0, 0);
      document.body.append(canvas);
    },
    `data:image/png;base64,${readFileSync(path).toString('base64')}`,
  );
  return canvasPixels(page.locator('#saved-png'), rgb, tolerance);
}

/** "rgb(0, 114, 178)" as numbers. */
const rgbOf = (css: string): [number, number, number] =>
  css.match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number];

describe('PNG export of every view, shown or not', () => {
  it('saves a function’s 2D map while only the 3D view is shown', async () => {
    expect(await page.locator('.contour-map').count()).toBe(0);
    const path = await savePng('2D map', 'export-function-2d-offscreen.png');
    // Viridis fills the map (its dark purple end in the basins) and the critical points are marked in white.
    expect(await pngPixels(path, [68, 1, 84], 30)).toBeGreaterThan(500);
    expect(await pngPixels(path, [255, 255, 255], 10)).toBeGreaterThan(50);
    expect(pageErrors).toEqual([]);
  });

  it('saves a function’s 3D view while only the 2D map is shown, drawn off screen', async () => {
    await page.getByRole('button', { name: '2D', exact: true }).click();
    await expect.poll(() => page.getByRole('img', { name: '3D loss surface' }).count()).toBe(0);
    const path = await savePng('3D view', 'export-function-3d-offscreen.png');
    // The surface in viridis over the app's background; the view mounted for it is gone again.
    expect(await pngPixels(path, [13, 17, 23], 4)).toBeGreaterThan(800 * 500 * 0.2);
    expect(await pngPixels(path, [68, 1, 84], 40)).toBeGreaterThan(2000);
    expect(await page.locator('canvas[aria-label^="3D loss surface"]').count()).toBe(0);
    await page.getByRole('button', { name: '3D', exact: true }).click();
    expect(pageErrors).toEqual([]);
  });

  it('a network has its own views and threshold, and an image that cannot be made yet says why', async () => {
    await page.getByLabel('Kind').selectOption('network');
    expect(await page.getByLabel('Image of').locator('option').allTextContents()).toEqual([
      'Dataset and decision boundary',
      '3D view',
      'Loss landscape (2D map)',
      'Landscape panels',
      'Charts',
    ]);
    await page.getByLabel('Image of').selectOption({ label: 'Loss landscape (2D map)' });
    await page.getByRole('button', { name: 'Save PNG' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^Export failed: the loss landscape appears once a network run has completed/);
    await page.screenshot({ path: join(screenshotDir, 'export-failure-shown.png') });
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await page.getByLabel('Image of').selectOption({ label: '3D view' });
    await page.getByRole('button', { name: 'Save PNG' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^Export failed: the loss landscape appears once a network run has completed/);
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    expect(pageErrors).toEqual([]);
  });

  it('saves a network run’s Dataset view and its loss landscape from either tab', async () => {
    await page.getByLabel('Dataset', { exact: true }).selectOption('moons');
    await page.getByLabel('Steps', { exact: true }).fill('300');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const row = page.locator('li.run').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    // The summary's threshold is the network's, not the function default 0.001.
    expect(await page.getByLabel('Threshold T').inputValue()).toBe('0.1');

    // On the Dataset tab: the landscape was never shown, so it is computed for the image.
    const landscape = await savePng('Loss landscape (2D map)', 'export-network-landscape-offscreen.png');
    const runColor = rgbOf(
      await row.locator('.swatch').evaluate((element) => getComputedStyle(element).backgroundColor),
    );
    expect(await pngPixels(landscape, [68, 1, 84], 40)).toBeGreaterThan(1000);
    expect(await pngPixels(landscape, runColor, 20)).toBeGreaterThan(30);

    await page.getByRole('button', { name: 'Loss landscape' }).click();
    const dataset = await savePng('Dataset and decision boundary', 'export-network-dataset-offscreen.png');
    // The boundary in white and both classes in their Okabe–Ito colours, as the view draws them.
    expect(await pngPixels(dataset, [255, 255, 255], 10)).toBeGreaterThan(100);
    expect(await pngPixels(dataset, [0, 114, 178], 12)).toBeGreaterThan(50);
    expect(await pngPixels(dataset, [230, 159, 0], 12)).toBeGreaterThan(50);

    // The Landscape panels, never shown: four panels, the first the run's own slice, the others all runs'.
    const panels = await savePng('Landscape panels', 'export-network-panels-offscreen.png');
    expect(await pngPixels(panels, runColor, 20)).toBeGreaterThan(4 * 30);
    expect(await pngPixels(panels, [68, 1, 84], 40)).toBeGreaterThan(4 * 100);
    expect(pageErrors).toEqual([]);
  });

  it('saves a network’s 3D landscape from the Dataset tab, drawn off screen as the Loss landscape tab draws it', async () => {
    const runColor = rgbOf(
      await page
        .locator('li.run .swatch')
        .first()
        .evaluate((element) => getComputedStyle(element).backgroundColor),
    );
    const shown = await savePng('3D view', 'export-network-3d-shown.png');
    await page.getByRole('button', { name: 'Dataset', exact: true }).click();
    await expect.poll(() => page.locator('canvas[aria-label^="Loss landscape in 3D"]').count()).toBe(0);
    const offscreen = await savePng('3D view', 'export-network-3d-offscreen.png');
    // Not blank: the slice in viridis over the app's background and the run's whole path on it
    // (a path drawn only as its marker would be a few dozen pixels), in both alike.
    for (const path of [shown, offscreen]) {
      expect(await pngPixels(path, [13, 17, 23], 4)).toBeGreaterThan(800 * 500 * 0.2);
      expect(await pngPixels(path, [68, 1, 84], 40)).toBeGreaterThan(1000);
      expect(await pngPixels(path, runColor, 20)).toBeGreaterThan(300);
    }
    // The view mounted for the picture is gone again.
    expect(await page.locator('canvas[aria-label^="Loss landscape in 3D"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchHeadlessChromium } from './chromium';
import { repoRoot } from './paths';

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/** Headless Chromium for the e2e tests, with the screenshot folder ready. */
export async function launchChromium(): Promise<Browser> {
  const browser = await launchHeadlessChromium();
  mkdirSync(screenshotDir, { recursive: true });
  return browser;
}

/**
 * Counts a canvas's pixels within `tolerance` of an RGB colour, reading it through a 2D copy so
 * WebGL canvases count too (the app keeps its drawing buffer so recordings and tests can read it).
 */
export const canvasPixels = (
  canvas: Locator,
  rgb: readonly [number, number, number],
  tolerance = 40,
): Promise<number> =>
  canvas.evaluate(
    (source: HTMLCanvasElement, [[r, g, b], t]) => {
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const context = copy.getContext('2d')!;
      context.drawImage(source, 0, 0);
      const data = context.getImageData(0, 0, copy.width, copy.height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - r) <= t && Math.abs(data[i + 1]! - g) <= t && Math.abs(data[i + 2]! - b) <= t) count++;
      }
      return count;
    },
    [rgb, tolerance] as const,
  );

/** A canvas as a PNG data URL, read through a 2D copy (the app keeps its drawing buffer). */
export const canvasImage = (canvas: Locator): Promise<string> =>
  canvas.evaluate((source: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    copy.getContext('2d')!.drawImage(source, 0, 0);
    return copy.toDataURL('image/png');
  });

/**
 * A canvas's image once two reads `interval` ms apart agree: the orbit controls glide on after a
 * drag, and software WebGL draws slowly.
 */
export async function settledCanvasImage(canvas: Locator, interval = 500, tries = 40): Promise<string> {
  let previous = '';
  for (let k = 0; k < tries; k++) {
    const image = await canvasImage(canvas);
    if (image === previous) return image;
    previous = image;
    await canvas.page().waitForTimeout(interval);
  }
  throw new Error('the canvas did not settle');
}

/** Saves the app's session to test-results/NAME.gradscape.json: its path and its view (the camera, if a 3D view was shown). */
export async function saveSession(
  page: Page,
  name: string,
): Promise<{ path: string; view: { camera?: { position: number[]; target: number[] } } }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save session' }).click(),
  ]);
  const path = join(screenshotDir, '..', `${name}.gradscape.json`);
  await download.saveAs(path);
  return { path, view: JSON.parse(readFileSync(path, 'utf8')).view };
}

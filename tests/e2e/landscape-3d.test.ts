import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
});
afterAll(() => app?.close());

/** Okabe–Ito orange and sky blue: the first two runs' colours. */
const ORANGE: [number, number, number] = [230, 159, 0];
const BLUE: [number, number, number] = [86, 180, 233];
const BACKGROUND: [number, number, number] = [13, 17, 23];
const LABEL = /^Loss landscape in 3D, (.+), (\d+) × (\d+), loss (\S+) to (\S+) \((log|linear)\)$/;

const scene = (within: Page | ReturnType<Page['locator']> = page) => within.getByRole('img', { name: /^Loss landscape in 3D/ });
const webgl = (within: Page | ReturnType<Page['locator']> = page) => scene(within).locator('canvas');
const status = () => page.locator('.landscape-status');

/** Pixels of a canvas that are not the scene's background colour. */
async function nonBackground(canvas: ReturnType<Page['locator']>): Promise<number> {
  const total = await canvas.evaluate((element: HTMLCanvasElement) => element.width * element.height);
  return total - (await canvasPixels(canvas, BACKGROUND, 4));
}

/** A number as the app prints it: a true minus sign, exponents as 1e−6. */
const parse = (text: string): number => Number(text.replaceAll('\u2212', '-'));

async function completed(count: number): Promise<void> {
  await expect.poll(() => page.locator('li.run[data-status="completed"]').count(), { timeout: 120_000 }).toBe(count);
}

describe('network loss landscapes in 3D', () => {
  it('shows a moons run’s PCA slice as a 3D surface with its path at true loss, the slice’s minimum, and the final point’s curvature in words', async () => {
    await page.getByLabel('Kind').selectOption('network');
    await page.getByLabel('Dataset', { exact: true }).selectOption('moons');
    await page.getByLabel('Steps', { exact: true }).fill('150');
    await page.getByLabel(/^Live pace/).fill('0');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await completed(1);
    const name = (await page.locator('li.run .run-name').first().textContent())!;
    await page.getByRole('button', { name: 'Loss landscape', exact: true }).click();
    // 3D is the default, its button pressed.
    expect(await page.getByRole('button', { name: '3D', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => status().textContent(), { timeout: 90_000 }).toMatch(/: 1681\/1681 points computed/);
    const label = (await scene().getAttribute('aria-label'))!;
    const [, plane, columns, rows, low, high] = LABEL.exec(label)!;
    expect(plane).toBe(`PCA of ${name}’s path`);
    expect([columns, rows]).toEqual(['41', '41']);
    expect(parse(low!)).toBeLessThan(parse(high!));
    // The run's orange path is on it, and the surface covers thousands of pixels that are not the background.
    await expect.poll(() => canvasPixels(webgl(), ORANGE, 12), { timeout: 20_000 }).toBeGreaterThan(100);
    expect(await nonBackground(webgl())).toBeGreaterThan(10_000);
    // The slice's own critical points, found on its grid, with its minimum among them.
    expect(await page.locator('.landscape-critical').textContent()).toMatch(/^On this slice: (\d+) minim(um|a)\b.* · lowest minimum \S+ at α \S+, β \S+$/);
    // The Hessian at the final point says what the network is at, in words.
    expect(await page.locator('.landscape-curvature').textContent()).toMatch(
      new RegExp(`${name}: At step 150 \\(final point\\) the Hessian's eigenvalues run from \\S+ to \\S+: (a minimum|a saddle|flat along some direction) of the full loss`),
    );
    await page.screenshot({ path: join(screenshotDir, 'landscape-3d.png') });
    expect(pageErrors).toEqual([]);
  });
});

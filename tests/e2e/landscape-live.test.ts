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

/** Okabe–Ito sky blue: the second run's colour. */
const BLUE: [number, number, number] = [86, 180, 233];
const webgl = () => page.getByRole('img', { name: /^Loss landscape in 3D/ }).locator('canvas');
const map = () => page.getByRole('img', { name: /^Loss landscape slice/ });
const status = () => page.locator('.landscape-status');
const runsWithStatus = (value: string) => page.locator(`li.run[data-status="${value}"]`).count();

describe('a network run training over a slice shown', () => {
  it('grows its path on the plane while it trains, before it completes', async () => {
    await page.getByLabel('Kind').selectOption('network');
    await page.getByLabel('Dataset', { exact: true }).selectOption('moons');
    await page.getByLabel('Steps', { exact: true }).fill('150');
    await page.getByLabel(/^Live pace/).fill('0');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => runsWithStatus('completed'), { timeout: 120_000 }).toBe(1);
    await page.getByRole('button', { name: 'Loss landscape', exact: true }).click();
    await expect.poll(() => status().textContent(), { timeout: 90_000 }).toMatch(/: 1681\/1681 points computed/);
    expect(await canvasPixels(webgl(), BLUE, 12)).toBe(0);
    await page.getByRole('button', { name: '2D', exact: true }).click();
    await expect.poll(() => map().count()).toBe(1);
    expect(await canvasPixels(map(), BLUE, 12)).toBe(0);
    await page.getByRole('button', { name: '3D', exact: true }).click();

    // A second, paced run: long enough to be watched while it trains.
    await page.getByLabel('Steps', { exact: true }).fill('3000');
    await page.getByLabel(/^Live pace/).fill('60');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => runsWithStatus('running'), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => canvasPixels(webgl(), BLUE, 12), { timeout: 30_000 }).toBeGreaterThan(20);
    const early = await canvasPixels(webgl(), BLUE, 12);
    // The path grows while the run is still training.
    await expect.poll(() => canvasPixels(webgl(), BLUE, 12), { timeout: 30_000 }).toBeGreaterThan(early + 30);
    expect(await runsWithStatus('running')).toBe(1);
    await page.screenshot({ path: join(screenshotDir, 'landscape-3d-live.png') });
    // The 2D map draws it too.
    await page.getByRole('button', { name: '2D', exact: true }).click();
    await expect.poll(() => canvasPixels(map(), BLUE, 12), { timeout: 15_000 }).toBeGreaterThan(10);
    await page.getByRole('button', { name: '3D', exact: true }).click();
    // The first run's slice stays shown: the training run adds to it, asks for nothing new.
    expect(await status().textContent()).toMatch(/: 1681\/1681 points computed/);
    expect(pageErrors).toEqual([]);
  });

  it('answers the curvature at a checkpoint the user picks, beyond those the run measured', async () => {
    const picker = page.getByLabel('Curvature at');
    const unmeasured = picker.locator('option', { hasText: 'computed when chosen' }).first();
    const value = (await unmeasured.getAttribute('value'))!;
    await picker.selectOption(value);
    await expect
      .poll(() => page.locator('.landscape-curvature .hint').textContent(), { timeout: 60_000 })
      .toMatch(
        new RegExp(
          `: At step ${value} the Hessian's eigenvalues run from \\S+ to \\S+: (a minimum|a saddle|flat along some direction|a maximum) of the full loss`,
        ),
      );
    await page.screenshot({ path: join(screenshotDir, 'landscape-3d-live-curvature.png') });
    expect(pageErrors).toEqual([]);
  });
});

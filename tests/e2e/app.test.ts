import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { canvasPixels, screenshotDir } from '../support/browser';

let app: AppInBrowser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openAppInBrowser({ width: 1400, height: 860 });
  ({ page, pageErrors } = app);
});
afterAll(() => app?.close());

/** Orange, the first run colour (Okabe–Ito #E69F00); absent from every colour map we use. */
const RUN_ORANGE = [230, 159, 0] as const;
const orangePixels = (): Promise<number> => canvasPixels(page.locator('canvas').first(), RUN_ORANGE);

describe('the app in a browser (gradscape serve)', () => {
  it('shows the surface, runs gradient descent in the worker, and draws the path live', async () => {
    await page.goto(app.server.url);
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.waitForTimeout(500);
    const before = await orangePixels();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const row = page.locator('li.run').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('running');
    // Paced at 120 steps/s, the path appears within a frame or two and then keeps growing.
    let midway = 0;
    await expect.poll(async () => (midway = await orangePixels()), { interval: 50 }).toBeGreaterThan(0);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('completed');
    await page.waitForTimeout(300);
    const after = await orangePixels();
    await page.screenshot({ path: join(screenshotDir, 'himmelblau-adam.png') });
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(midway);
    await expect.poll(() => row.textContent()).toMatch(/step 300\/300/);
    expect(pageErrors).toEqual([]);
  });

  it('pauses, resumes and cancels, and a reload cancels the page’s runs', async () => {
    await page.getByLabel('Steps', { exact: true }).fill('100000');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // Pin the row by its id: a later run becomes the last row.
    const runId = (await page.locator('li.run').last().getAttribute('data-run-id'))!;
    const row = page.locator(`li.run[data-run-id="${runId}"]`);
    const name = (await row.locator('.run-name').textContent())!;
    await expect.poll(() => row.getAttribute('data-status')).toBe('running');
    await page.getByRole('button', { name: `Pause ${name}` }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('paused');
    await page.getByRole('button', { name: `Resume ${name}` }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('running');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => app.host.activeRunCount).toBe(2);
    await page.getByRole('button', { name: `Cancel ${name}` }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('cancelled');
    expect(app.host.activeRunCount).toBe(1);
    await page.reload();
    await expect.poll(() => app.host.activeRunCount, { timeout: 10_000 }).toBe(0);
  });

  it('switches to Rosenbrock and reports a broken expression without losing the picture', async () => {
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.getByLabel('Function').selectOption('rosenbrock');
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.getByLabel('Function').selectOption('__expression__');
    await page.getByLabel('f(x, y) =').fill('y +* 2');
    await page.getByRole('button', { name: 'Plot' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/char|position/i);
    await page.getByLabel('f(x, y) =').fill('x^2 - y^2');
    await page.getByRole('button', { name: 'Plot' }).click();
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(screenshotDir, 'saddle-expression.png') });
    expect(pageErrors).toEqual([]);
  });
});

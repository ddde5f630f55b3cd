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

/** Pixels of the dataset canvas near an RGB colour. */
const datasetPixels = (rgb: [number, number, number], tolerance: number): Promise<number> =>
  canvasPixels(page.locator('canvas[aria-label="Dataset and decision boundary"]'), rgb, tolerance);

describe('a network in the app', () => {
  it('trains live and shows the decision boundary, the test loss and per-layer gradient norms', async () => {
    await page.goto(app.server.url);
    await page.getByLabel('Kind').selectOption('network');
    await page.getByLabel('Dataset', { exact: true }).selectOption('moons');
    await page.getByLabel('Test fraction').fill('0.25');
    await page.getByLabel('Steps', { exact: true }).fill('400');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const row = page.locator('li.run').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    await expect
      .poll(() => page.getByText(/at step 400 \((SIMD kernel|wasm backend|cpu backend)\)/).count(), { timeout: 10_000 })
      .toBe(1);
    await page.screenshot({ path: join(screenshotDir, 'network-moons.png') });
    // The white boundary line and both class colours (Okabe–Ito blue and orange) are drawn.
    expect(await datasetPixels([255, 255, 255], 10)).toBeGreaterThan(100);
    expect(await datasetPixels([0, 114, 178], 12)).toBeGreaterThan(50);
    expect(await datasetPixels([230, 159, 0], 12)).toBeGreaterThan(50);
    await expect.poll(() => page.getByRole('figure', { name: 'Test loss chart' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('figure', { name: 'Layer gradient norms chart' }).count()).toBe(1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshotDir, 'network-moons.png') });
    expect(pageErrors).toEqual([]);
  });

  it('trains with the L2 penalty and dropout typed in the sidebar', async () => {
    await page.goto(app.server.url);
    await page.getByLabel('Kind').selectOption('network');
    await page.getByLabel('L2 penalty (0 = none)').fill('0.01');
    await page.getByLabel('Dropout (0 = none)').fill('0.2');
    await page.getByLabel('Steps', { exact: true }).fill('60');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const row = page.locator('li.run').first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    await page.locator('.sidebar').screenshot({ path: join(screenshotDir, 'network-regularization.png') });
    expect(pageErrors).toEqual([]);
  });

  it('slices the loss over the run’s PCA plane, with its checkpoints and their distance from the plane', async () => {
    await page.getByRole('button', { name: 'Loss landscape' }).click();
    await expect
      .poll(() => page.locator('.landscape-status', { hasText: /points computed/ }).count(), { timeout: 60_000 })
      .toBe(1);
    expect(await page.locator('.landscape-status').textContent()).toMatch(
      /: (\d+)\/\1 points computed · checkpoints lie up to/,
    );
    expect(await page.locator('.landscape-axes').textContent()).toMatch(
      /^α · PC1 \(\d+\.\d% of variance\)β · PC2 \(\d+\.\d% of variance\)$/,
    );
    // 3D is the default (tests/e2e/landscape-3d.test.ts); the flat map reads the same checkpoints.
    await page.getByRole('button', { name: '2D', exact: true }).click();
    const canvas = page.getByRole('img', { name: /^Loss landscape slice: α · PC1/ });
    const box = (await canvas.boundingBox())!;
    await canvas.hover({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /true loss/ })
          .count(),
      )
      .toBe(1);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /true loss/ })
        .textContent(),
    ).toMatch(/ · step \d+ · true loss [\d.e−-]+ · [\d.e−-]+ from the plane/);
    await page.screenshot({ path: join(screenshotDir, 'network-landscape.png') });
    await page.getByRole('button', { name: 'Dataset', exact: true }).click();
    expect(pageErrors).toEqual([]);
  });

  it('shows zero initialization’s symmetry event, and a sine fit', async () => {
    await page.getByLabel('Initialization', { exact: true }).selectOption('zeros');
    await page.getByLabel('Steps', { exact: true }).fill('150');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const row = page.locator('li.run').last();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
    await expect.poll(() => page.getByText(/stayed identical/).count()).toBeGreaterThan(0);
    await page.getByLabel('Dataset', { exact: true }).selectOption('sine');
    await page.getByLabel('Initialization', { exact: true }).selectOption('glorot_uniform');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('li.run').first().getAttribute('data-status'), { timeout: 60_000 })
      .toBe('completed');
    await expect.poll(() => page.getByText(/the orange curve is the fit/).count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshotDir, 'network-sine.png') });
    expect(pageErrors).toEqual([]);
  });

  it('trains on a CSV file chosen with the file input: its content is sent, never a path', async () => {
    const sent: string[] = [];
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) =>
        sent.push(typeof payload === 'string' ? payload : payload.toString('latin1')),
      ),
    );
    await page.reload();
    await page.getByLabel('Kind').selectOption('network');
    await page.getByLabel('Dataset', { exact: true }).selectOption('csv');
    // Two rings, quoted header names with a comma, CRLF and a BOM: RFC 4180 as spreadsheets write it.
    const rows = Array.from({ length: 120 }, (_, i) => {
      const [angle, radius] = [(i * 2.4) % (2 * Math.PI), i % 2 ? 1 : 0.4];
      return `${(radius * Math.cos(angle)).toFixed(4)},${(radius * Math.sin(angle)).toFixed(4)},${i % 2}`;
    });
    const csv = `\uFEFF"x, cm","y, cm",ring\r\n${rows.join('\r\n')}\r\n`;
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'rings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.getByText(/^rings\.csv: /).count()).toBe(1);
    await page.getByLabel('Target column').fill('ring');
    await page.getByLabel('Loss', { exact: true }).selectOption('bce');
    await page.getByLabel('Steps', { exact: true }).fill('200');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('li.run').first().getAttribute('data-status'), { timeout: 60_000 })
      .toBe('completed');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshotDir, 'network-csv.png') });
    expect(await datasetPixels([0, 114, 178], 12)).toBeGreaterThan(50);
    const start = sent.find((frame) => frame.includes('"type":"start"'));
    expect(start).toContain('"csvText":');
    expect(start).toContain(String.raw`\"x, cm\",\"y, cm\",ring\r\n`);
    expect(start).toContain('"file":"rings.csv"');
    expect(sent.some((frame) => frame.includes('"csv":'))).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});

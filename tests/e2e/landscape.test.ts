import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { canvasPixels, screenshotDir } from '../support/browser';

let app: AppInBrowser;
let page: Page;
let pageErrors: string[];

const SHOTS = screenshotDir;

beforeAll(async () => {
  app = await openAppInBrowser({ width: 1400, height: 900 });
  ({ page, pageErrors } = app);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => app?.close());

const status = () => page.locator('.landscape-status');
const axes = () => page.locator('.landscape-axes');
const slice = () => page.getByRole('img', { name: /^Loss landscape slice/ });

/** Waits for a slice with these axes to be computed to its last point. */
async function computed(axesText: RegExp): Promise<void> {
  const state = async (): Promise<string> => {
    const [shownAxes, shownStatus] = [
      (await axes().allTextContents()).join(''),
      (await status().allTextContents()).join(''),
    ];
    return axesText.test(shownAxes) && /: (\d+)\/\1 points computed/.test(shownStatus)
      ? 'computed'
      : `${shownAxes} | ${shownStatus}`;
  };
  await expect.poll(state, { timeout: 90_000 }).toBe('computed');
}

/** Pixels of the landscape canvas near an RGB colour. */
const slicePixels = (rgb: [number, number, number], tolerance: number): Promise<number> =>
  canvasPixels(slice(), rgb, tolerance);

/** A number as the app prints it: a true minus sign, exponents as 1e−6. */
const parse = (text: string): number => Number(text.replaceAll('\u2212', '-'));

/** The colour bar's scale, tick labels and the slice's own range, read from its accessible name. */
async function colorBar(
  within: Page | Locator,
): Promise<{ mode: string; ticks: number[]; min: number; max: number; shown: string[] }> {
  const bar = within.getByRole('img', { name: /^loss colour scale/ });
  const name = (await bar.getAttribute('aria-label'))!;
  const [, mode, ticks, min, max] = /^loss colour scale, (linear|log): (.+); values (\S+) to (\S+)$/.exec(name)!;
  const shown = await bar.locator('.color-bar-tick').allTextContents();
  return { mode: mode!, ticks: ticks!.split(', ').map(parse), min: parse(min!), max: parse(max!), shown };
}

/** The bar's labels are round, increasing, and bracket every value of the slice. */
function expectBracketing({ ticks, min, max, shown }: Awaited<ReturnType<typeof colorBar>>): void {
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  expect(ticks.every(Number.isFinite)).toBe(true);
  expect(ticks.every((tick, k) => k === 0 || tick > ticks[k - 1]!)).toBe(true);
  expect(ticks[0]).toBeLessThanOrEqual(min);
  expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
  // Round numbers: three significant digits at most.
  expect(ticks.every((tick) => Number(tick.toPrecision(3)) === tick)).toBe(true);
  expect(shown.map(parse)).toEqual(ticks);
}

const curveStatus = (within: Page | Locator) => within.locator('.landscape-curve-status');
const BARRIER = /^(\d+)\/\1 points computed · barrier [\d.e−]+(: | \()/;

describe('loss landscape slices of network runs', () => {
  it('trains two runs, slices the newest run’s PCA plane, and reads a checkpoint’s true loss and distance from the plane', async () => {
    await page.getByLabel('Kind').selectOption('network');
    await page.getByLabel('Dataset', { exact: true }).selectOption('moons');
    await page.getByLabel('Steps', { exact: true }).fill('150');
    await page.getByLabel(/^Live pace/).fill('0');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('li.run').first().getAttribute('data-status'), { timeout: 60_000 })
      .toBe('completed');
    await page.getByLabel('Init seed').fill('7');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('li.run').nth(1).getAttribute('data-status'), { timeout: 60_000 })
      .toBe('completed');
    const [first, second] = await page.locator('li.run .run-name').allTextContents();

    await page.getByRole('button', { name: 'Loss landscape', exact: true }).click();
    await computed(/^α · PC1 \(\d+\.\d% of variance\)β · PC2 \(\d+\.\d% of variance\)$/);
    expect(await status().textContent()).toContain(`${second}: 1681/1681 points computed · checkpoints lie up to`);
    // 3D is the default (landscape-3d.test.ts); these tests read the flat map.
    await page.getByRole('button', { name: '2D', exact: true }).click();
    const box = (await slice().boundingBox())!;
    await slice().hover({ position: { x: box.width / 2, y: box.height / 2 } });
    const readout = page.getByRole('status').filter({ hasText: /true loss/ });
    await expect.poll(() => readout.count()).toBe(1);
    expect(await readout.textContent()).toMatch(
      new RegExp(`^(${first}|${second}) · step \\d+ · true loss [\\d.e−]+ · [\\d.e−]+ from the plane$`),
    );
    await page.screenshot({ path: `${SHOTS}/landscape-pca.png` });
    expect(pageErrors).toEqual([]);
  });

  it('reads the slice through a colour bar whose labels bracket its values', async () => {
    expectBracketing(await colorBar(page));
  });

  it('computes the loss from this run’s initial to its final point, and from its final point to the other run’s, each with its barrier', async () => {
    const [first, second] = await page.locator('li.run .run-name').allTextContents();
    const chart = page.getByRole('img', { name: `Loss along the line ${second} initial → ${second} final` });
    await expect.poll(() => curveStatus(page).textContent(), { timeout: 60_000 }).toMatch(BARRIER);
    // The newest run's colour (Okabe–Ito sky blue) draws the curve.
    expect(await canvasPixels(chart, [86, 180, 233], 10)).toBeGreaterThan(100);
    await page.screenshot({ path: `${SHOTS}/landscape-curve-initial.png` });

    await page.getByLabel('Line', { exact: true }).selectOption({ label: `${second} final → ${first} final` });
    const between = page.getByRole('img', { name: `Loss along the line ${second} final → ${first} final` });
    await expect.poll(() => between.count()).toBe(1);
    await expect.poll(() => curveStatus(page).textContent(), { timeout: 60_000 }).toMatch(BARRIER);
    expect(await canvasPixels(between, [86, 180, 233], 10)).toBeGreaterThan(100);
    await page.screenshot({ path: `${SHOTS}/landscape-curve.png` });
    expect(pageErrors).toEqual([]);
  });

  it('switches directions, each computed to the end with axes that say what they are', async () => {
    const directions = page.getByLabel('Directions', { exact: true });
    const expected: [string, RegExp][] = [
      [
        'Random, filter-normalised',
        /^α · random, filter-normalised \(biases zero\)β · random, filter-normalised \(biases zero\)$/,
      ],
      [
        'Through this run’s initial and final points',
        /^α · .+ initial → .+ finalβ · random, filter-normalised \(biases zero\)$/,
      ],
      ['Through the runs’ final points', /^α · .+ final → .+ finalβ · random, filter-normalised \(biases zero\)$/],
      ['Hessian extreme eigenvectors', /^α · Hessian λ = −?[\d.e−]+β · Hessian λ = [\d.e−]+$/],
      ['PCA of this run’s path', /^α · PC1 \(\d+\.\d% of variance\)β · PC2.*/],
    ];
    for (const [label, axesText] of expected) {
      await directions.selectOption({ label });
      await computed(axesText);
    }
    await directions.selectOption({ label: 'Random, filter-normalised' });
    await page.getByLabel('Biases', { exact: true }).selectOption('filter');
    await computed(/^α · random, filter-normalised \(biases filter\)/);
    await page.getByLabel('Seed', { exact: true }).fill('5');
    await computed(/^α · random, filter-normalised \(biases filter\)/);
    expect(pageErrors).toEqual([]);
  });

  it('cancels a large grid part-way: the status says so and the partial picture stays', async () => {
    await page.getByLabel('Resolution', { exact: true }).selectOption('201');
    await expect.poll(() => status().textContent(), { timeout: 30_000 }).toMatch(/ [1-9]\d*\/40401 points so far/);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const text = (await status().textContent())!;
    const [, done] = /cancelled at (\d+)\/40401 points/.exec(text)!;
    expect(Number(done)).toBeGreaterThan(0);
    expect(Number(done)).toBeLessThan(40401);
    expect(await page.getByRole('button', { name: 'Cancel', exact: true }).count()).toBe(0);
    // The points computed before the cancel are still drawn (viridis's dark purple end, or its green middle).
    expect((await slicePixels([68, 1, 84], 40)) + (await slicePixels([33, 145, 140], 40))).toBeGreaterThan(100);
    await page.screenshot({ path: `${SHOTS}/landscape-cancelled.png` });
    expect(pageErrors).toEqual([]);
  });

  it('puts both runs on one shared PCA plane, each in its colour', async () => {
    await page.getByLabel('Resolution', { exact: true }).selectOption('41');
    await page.getByLabel('Directions', { exact: true }).selectOption({ label: 'PCA of all runs’ paths' });
    await computed(/^α · PC1 of all paths \(\d+\.\d% of variance\)β · PC2 of all paths.*/);
    // The first two run colours (Okabe–Ito orange and sky blue).
    expect(await slicePixels([230, 159, 0], 10)).toBeGreaterThan(30);
    expect(await slicePixels([86, 180, 233], 10)).toBeGreaterThan(30);
    await page.screenshot({ path: `${SHOTS}/landscape-pca-all.png` });
    expect(pageErrors).toEqual([]);
  });

  it('shows each run’s own slice in its panel in 3D, with the path drawn as far as the panel’s timeline', async () => {
    await page.getByRole('button', { name: 'Landscape panels', exact: true }).click();
    await page.getByLabel('Panels', { exact: true }).selectOption('2');
    expect(await page.getByLabel('Lock cameras').isChecked()).toBe(true);
    const panels = [page.getByRole('region', { name: 'Panel 1' }), page.getByRole('region', { name: 'Panel 2' })];
    const names = await page.locator('li.run .run-name').allTextContents();
    for (const [k, panel] of panels.entries()) {
      await expect
        .poll(() => panel.locator('.landscape-status').textContent(), { timeout: 90_000 })
        .toMatch(new RegExp(`^${names[k]}: 1681/1681 points computed`));
      expect(await panel.locator('.landscape-axes').textContent()).toMatch(/^α · PC1 \(\d+\.\d% of variance\)β · PC2/);
    }
    // The first run's colour along its path in panel 1, counted before and after that panel goes back to step 0.
    const runPixels = (): Promise<number> =>
      canvasPixels(panels[0]!.getByRole('img', { name: /^Loss landscape in 3D/ }).locator('canvas'), [230, 159, 0], 10);
    // The scene draws the path a few frames after the grid completes: read it once two reads agree.
    let whole = -1;
    await expect
      .poll(
        async () => {
          const now = await runPixels();
          const settled = now > 0 && now === whole;
          whole = now;
          return settled;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.getByLabel('Lock timeline').uncheck();
    await page.getByLabel('Step of panel 1', { exact: true }).fill('0');
    await expect.poll(runPixels, { timeout: 15_000 }).toBeLessThan(whole / 3);
    await page.screenshot({ path: `${SHOTS}/landscape-panels.png` });
    await page.getByLabel('Lock timeline').check();
    await expect.poll(runPixels, { timeout: 15_000 }).toBe(whole);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the colour bar legible in narrow side-by-side panels', async () => {
    await page.getByRole('button', { name: 'Landscape panels', exact: true }).click();
    await page.getByLabel('Panels', { exact: true }).selectOption('3');
    for (const index of [1, 2, 3]) {
      const panel = page.getByRole('region', { name: `Panel ${index}` });
      await expect
        .poll(() => panel.locator('.landscape-status').textContent(), { timeout: 90_000 })
        .toMatch(/: (\d+)\/\1 points computed/);
      const bar = await colorBar(panel);
      expectBracketing(bar);
      // The labels keep inside the panel and clear of one another, once the panels have their new widths.
      const labelsFit = async (): Promise<boolean> => {
        const boxes = await Promise.all(
          (await panel.locator('.color-bar-tick').all()).map(async (tick) => (await tick.boundingBox())!),
        );
        const panelBox = (await panel.boundingBox())!;
        const tops = boxes.map((box) => box.y).sort((a, b) => a - b);
        return (
          boxes.every((box) => box.x + box.width <= panelBox.x + panelBox.width) &&
          tops.every((top, k) => k === 0 || top - tops[k - 1]! >= boxes[0]!.height)
        );
      };
      await expect.poll(labelsFit, { timeout: 15_000 }).toBe(true);
    }
    await page.screenshot({ path: `${SHOTS}/landscape-panels-bar.png` });
    expect(pageErrors).toEqual([]);
  });
});

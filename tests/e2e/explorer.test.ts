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
  await page.locator('main[aria-busy="false"]').waitFor();
});
afterAll(() => app?.close());

const RUN_ORANGE = [230, 159, 0] as const;
const orangePixels = (): Promise<number> => canvasPixels(page.locator('canvas').first(), RUN_ORANGE);
const counter = () => page.getByLabel('Current step');
const stepShown = async (): Promise<number> => Number((await counter().textContent())!.match(/step (\d+)/)![1]);
const live = () => page.getByRole('button', { name: 'Live' });
const shot = (name: string) => page.screenshot({ path: join(screenshotDir, name) });
/** The views update in animation frames, which software WebGL on a busy machine can stretch past a second. */
const FRAMES = { timeout: 10_000 };

/** Sets up the next run in the sidebar and starts it. */
async function startRun(options: {
  algorithm?: string;
  lr?: number;
  momentum?: number;
  steps?: number;
  start?: [number, number];
  pace?: number;
}) {
  if (options.algorithm) await page.getByLabel('Algorithm').selectOption(options.algorithm);
  if (options.lr !== undefined) await page.getByLabel('lr', { exact: true }).fill(String(options.lr));
  if (options.momentum !== undefined) await page.getByLabel('momentum', { exact: true }).fill(String(options.momentum));
  if (options.steps !== undefined) await page.getByLabel('Steps', { exact: true }).fill(String(options.steps));
  if (options.start) {
    await page.getByLabel('Start x').fill(String(options.start[0]));
    await page.getByLabel('Start y').fill(String(options.start[1]));
  }
  if (options.pace !== undefined) await page.getByLabel(/Live pace/).fill(String(options.pace));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

const allCompleted = async (count: number): Promise<boolean> => {
  const statuses = await page
    .locator('li.run')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
  return statuses.length === count && statuses.every((status) => status === 'completed' || status === 'diverged');
};

describe('the explorer (gradscape serve in Chromium)', () => {
  it('follows a live run, then scrubs, steps, plays and pauses the timeline', async () => {
    // Adam from beside Himmelblau's maximum slides down into a basin.
    await startRun({ start: [-0.4, -0.6] });
    await expect
      .poll(() => page.locator('li.run').first().getAttribute('data-status'), { timeout: 30_000 })
      .toBe('running');
    // Following live: the counter climbs with the run and the Live button is on.
    await expect.poll(stepShown, FRAMES).toBeGreaterThan(10);
    expect(await live().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => allCompleted(1), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => counter().textContent(), FRAMES).toBe('step 300 / 300');
    await page.waitForTimeout(300);
    const wholePath = await orangePixels();
    await shot('explorer-3d-live.png');

    // Scrubbing back leaves live mode and cuts the drawn path at that step.
    await page.getByLabel('Timeline step').fill('20');
    await expect.poll(() => counter().textContent(), FRAMES).toBe('step 20 / 300');
    expect(await live().getAttribute('aria-pressed')).toBe('false');
    await expect.poll(orangePixels, FRAMES).toBeLessThan(wholePath);
    const readout = page.getByLabel(/adam #1 at the playback step/);
    await expect.poll(() => readout.textContent(), FRAMES).toMatch(/^at step20loss/);

    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(stepShown, FRAMES).toBe(21);
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect.poll(stepShown, FRAMES).toBe(20);
    // Keyboard: ← and → step (Shift: ten), Space plays and pauses.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    await expect.poll(stepShown, FRAMES).toBe(21);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(stepShown, FRAMES).toBe(31);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(stepShown, FRAMES).toBe(30);
    expect(await page.getByRole('button', { name: 'Play', exact: true }).getAttribute('aria-keyshortcuts')).toBe(
      'Space',
    );

    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Pause', exact: true }).count(), FRAMES).toBe(1);
    await expect.poll(stepShown, FRAMES).toBeGreaterThan(35);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('button', { name: 'Play', exact: true }).count(), FRAMES).toBe(1);
    // Paused: once the counter has caught up with the clock, it stays put.
    let previous = -1;
    const settled = async (): Promise<boolean> => {
      const now = await stepShown();
      const same = now === previous;
      previous = now;
      return same;
    };
    await expect.poll(settled, { ...FRAMES, interval: 400 }).toBe(true);
    expect(previous).toBeGreaterThan(35);
    expect(previous).toBeLessThan(300);

    // At 10× (600 steps/s) playback reaches the end, stops and goes back to following live.
    await page.getByLabel('Speed', { exact: true }).selectOption('10');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => live().getAttribute('aria-pressed'), FRAMES).toBe('true');
    await expect.poll(() => counter().textContent(), FRAMES).toBe('step 300 / 300');
    await page.getByLabel('Speed', { exact: true }).selectOption('1');

    // A trail shows only the last steps behind the marker, in both views.
    await page.getByLabel('Trail (steps, 0 = all)').fill('15');
    await page.getByLabel('Timeline step').fill('40');
    await page.getByRole('button', { name: 'Side by side' }).click();
    await expect.poll(stepShown, FRAMES).toBe(40);
    await page.waitForTimeout(500);
    await shot('explorer-split-trail.png');
    await page.getByRole('button', { name: '3D', exact: true }).click();
    await page.getByLabel('Trail (steps, 0 = all)').fill('0');
    expect(pageErrors).toEqual([]);
  });

  it('lists each run’s events with their messages; clicking one moves the timeline to its step', async () => {
    await page.getByLabel('Function').selectOption('quadratic');
    await page.locator('main[aria-busy="false"]').waitFor();
    await startRun({ algorithm: 'sgd', lr: 0.19, steps: 300, start: [-3, 2], pace: 0 });
    await startRun({ lr: 0.01, momentum: 0.9 });
    await startRun({ lr: 0.21, momentum: 0, steps: 2000 });
    await expect.poll(() => allCompleted(3), { timeout: 30_000 }).toBe(true);
    const legend = page.getByRole('region', { name: 'Legend' });
    await expect.poll(() => legend.textContent()).toMatch(/exploding gradient.*oscillation.*converged/);
    const events = page.getByRole('region', { name: 'Events' });
    await expect.poll(() => events.getByRole('button').count()).toBe(5);
    const converged = events.getByRole('button', { name: /^Go to step \d+: converged, sgd #3$/ });
    const target = Number((await converged.getAttribute('aria-label'))!.match(/step (\d+)/)![1]);
    await expect.poll(() => converged.textContent()).toMatch(/converged to a minimum/);
    await converged.click();
    await expect.poll(() => counter().textContent(), FRAMES).toBe(`step ${target} / 2000`);
    expect(await live().getAttribute('aria-pressed')).toBe('false');
    await events.getByRole('button', { name: /exploding gradient/ }).click();
    await page.waitForTimeout(300);
    await shot('explorer-events.png');
    expect(pageErrors).toEqual([]);
  });

  it('shows the 2D contour map alone and beside the 3D view, with a hover read-out in each', async () => {
    await page.getByRole('button', { name: '2D', exact: true }).click();
    const map = page.getByRole('img', { name: '2D contour map of the loss' });
    await map.waitFor();
    await page.getByLabel('Descent arrows').check();
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.getByLabel('Point under the pointer');
    await expect.poll(() => hover.textContent(), FRAMES).toMatch(/^x.+y.+f.+∇f.+‖∇f‖/);
    await page.waitForTimeout(200);
    await shot('explorer-2d.png');

    await page.getByRole('button', { name: 'Side by side' }).click();
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.waitForTimeout(500);
    const scene = page.getByLabel('3D loss surface');
    const sceneBox = (await scene.boundingBox())!;
    await page.mouse.move(sceneBox.x + sceneBox.width / 2, sceneBox.y + sceneBox.height * 0.55);
    await expect.poll(() => hover.count(), FRAMES).toBe(1);
    await shot('explorer-split.png');
    await page.getByLabel('Descent arrows').uncheck();
    await page.getByRole('button', { name: '3D', exact: true }).click();
    expect(pageErrors).toEqual([]);
  });

  it('charts loss and gradient norm per run, with a cursor that follows the timeline and scrubs it', async () => {
    const charts = page.getByRole('region', { name: 'Charts' });
    const lossChart = charts.getByRole('img', { name: /^Loss of each run/ });
    await lossChart.waitFor();
    const cursorX = async (): Promise<number> =>
      page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.chart-cursor')!).transform).m41);
    await page.getByLabel('Timeline step').fill('100');
    await expect.poll(stepShown, FRAMES).toBe(100);
    await expect.poll(cursorX, FRAMES).toBeGreaterThan(56);
    const early = await cursorX();
    await page.getByLabel('Timeline step').fill('1500');
    await expect.poll(cursorX, FRAMES).toBeGreaterThan(early);
    // Pressing in the middle of the chart moves the timeline to about half the steps.
    const box = (await lossChart.boundingBox())!;
    await page.mouse.click(box.x + 56 + (box.width - 66) / 2, box.y + box.height / 2);
    await expect.poll(async () => Math.abs((await stepShown()) - 1000), FRAMES).toBeLessThan(60);
    await charts.getByLabel('log scale').first().check();
    await expect.poll(() => charts.getByRole('img', { name: /^Loss of each run.*log scale$/ }).count()).toBe(1);
    await page.waitForTimeout(200);
    await charts.screenshot({ path: join(screenshotDir, 'explorer-charts.png') });
    expect(pageErrors).toEqual([]);
  });
});

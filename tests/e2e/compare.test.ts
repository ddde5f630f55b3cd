import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { canvasImage, screenshotDir, settledCanvasImage } from '../support/browser';

let app: AppInBrowser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openAppInBrowser({ width: 1500, height: 950 });
  ({ page, pageErrors } = app);
  await page.getByLabel('Live pace (steps/s, 0 = full speed)').fill('0');
});
afterAll(() => app?.close());

/** Waits until every run has ended, then reads the run list and the summary table. */
async function settle(runCount: number) {
  const rows = page.locator('li.run');
  await expect.poll(() => rows.count()).toBe(runCount);
  await expect
    .poll(
      async () =>
        (await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).every((s) =>
          ['completed', 'diverged', 'failed'].includes(s!),
        ),
      { timeout: 120_000 },
    )
    .toBe(true);
  const listed = await rows.evaluateAll((items) =>
    Object.fromEntries(
      items.map((item) => [item.querySelector('.run-name')!.textContent, item.getAttribute('data-status')]),
    ),
  );
  const table = await page
    .locator('.summary tbody tr')
    .evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) => [tr.children[0]!.textContent, tr.children[5]!.textContent])),
    );
  return { listed, table };
}

describe('side-by-side comparisons', () => {
  it('learning rates: stable, oscillating and diverging, the list and the table agreeing', async () => {
    await page.getByRole('button', { name: 'Compare learning rates' }).click();
    const { listed, table } = await settle(4);
    expect(table).toEqual(listed);
    expect(listed).toMatchObject({ 'lr 0.05': 'completed', 'lr 0.15': 'completed', 'lr 0.3': 'diverged' });
    await expect
      .poll(() => page.locator('.summary').textContent())
      .toMatch(/differ in: optimizer\.lr \(0\.05, 0\.15, 0\.19, 0\.3\)\./);
    const events = await page.locator('.events').textContent();
    expect(events).toMatch(/oscillation/i);
    await page.screenshot({ path: join(screenshotDir, 'compare-learning-rates.png') });
  });

  it('optimizers on Rosenbrock from one start', async () => {
    await page.getByRole('button', { name: 'Compare optimizers' }).click();
    const { listed, table } = await settle(8);
    expect(table).toEqual(listed);
    await expect
      .poll(() => page.locator('.summary').textContent())
      .toMatch(/differ in: optimizer \(sgd lr=0\.001, sgd lr=0\.001 momentum=0\.9, .*, rmsprop, adam lr=0\.05, .*\)\./);
    // The table starts sorted by final loss, best first; a click on the header reverses it.
    const finals = async () =>
      (await page.locator('.summary tbody tr td:nth-child(2)').allTextContents()).map((text) =>
        Number(text.replace('−', '-')),
      );
    const ascending = await finals();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.getByRole('button', { name: 'Sort by final loss' }).click();
    expect(await finals()).toEqual([...ascending].reverse());
    expect(Object.values(listed).every((status) => status === 'completed')).toBe(true);
  });

  it('initializations: zeros stay symmetric and small normal weights starve the early layers', async () => {
    await page.getByRole('button', { name: 'Compare initializations' }).click();
    const { listed, table } = await settle(5);
    expect(table).toEqual(listed);
    const events = await page.locator('.events').textContent();
    expect(events).toMatch(/symmetry|stayed identical/i);
    expect(events).toMatch(/vanishing|fell below/i);
    await expect
      .poll(() => page.locator('.summary').textContent())
      .toMatch(/differ in: init \(zeros, normal, glorot_uniform, he_normal, orthogonal\)\./);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(screenshotDir, 'compare-initializations.png') });
    expect(pageErrors).toEqual([]);
  });
});

const FRAMES = { timeout: 15_000 };

/** A panel's header: the run it shows, and its step and loss as written on the panel's clock. */
async function panelHeader(k: number) {
  const panel = page.getByRole('region', { name: `Panel ${k}`, exact: true });
  const name = await panel
    .getByLabel(`Panel ${k} shows`, { exact: true })
    .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]!.textContent);
  const [step, loss] = await panel.locator('.step-readout dd').allTextContents();
  return { name, step, loss };
}

/** What the overlay's run list and the summary table say of each run, by name. */
async function listedAndTabled() {
  const listed = await page.locator('li.run').evaluateAll((items) =>
    items.map((item) => ({
      name: item.querySelector('.run-name')!.textContent,
      step: item.querySelectorAll('.step-readout dd')[0]!.textContent,
      loss: item.querySelectorAll('.step-readout dd')[1]!.textContent,
      progress: item.querySelector('.run-progress')!.textContent,
    })),
  );
  const finals = await page
    .locator('.summary tbody tr')
    .evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) => [tr.children[0]!.textContent, tr.children[1]!.textContent])),
    );
  return { listed, finals };
}

/** Panel k (default: run k) agrees with the run list and the table: same run, its final step and loss. */
async function expectPanelsAgree(count: number): Promise<void> {
  // The run list's read-outs are written in the playback loop: wait until each is at its run's final step.
  const atFinalSteps = async () =>
    (await listedAndTabled()).listed.every((run) => run.progress!.startsWith(`step ${run.step}/`));
  await expect.poll(atFinalSteps, FRAMES).toBe(true);
  const { listed, finals } = await listedAndTabled();
  for (let k = 1; k <= count; k++) {
    const run = listed[k - 1]!;
    await expect.poll(() => panelHeader(k), FRAMES).toEqual({ name: run.name, step: run.step, loss: run.loss });
    expect(finals[run.name!]).toBe(run.loss);
  }
}

const panelCanvas = (k: number) => page.getByLabel(`3D loss surface, panel ${k}`, { exact: true }).locator('canvas');
const panelImage = (k: number): Promise<string> => canvasImage(panelCanvas(k));
/** Two reads a second apart: software WebGL draws four panels slowly. */
const settledPanelImage = (k: number): Promise<string> => settledCanvasImage(panelCanvas(k), 1000, 20);

async function dragPanel(k: number, dx: number): Promise<void> {
  const box = (await page.getByLabel(`3D loss surface, panel ${k}`, { exact: true }).boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height * 0.7];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y, { steps: 4 });
  await page.mouse.move(x + dx, y, { steps: 4 });
  await page.mouse.up();
}

describe('panels: one synchronized 3D view per run', () => {
  it("optimizers: each panel's header agrees with the run list and the table; cameras and timeline lock and unlock", async () => {
    await page.getByRole('button', { name: 'Compare optimizers' }).click();
    await settle(8);
    await page.getByRole('button', { name: 'Panels', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: /^Panel \d$/ }).count()).toBe(4);
    await expectPanelsAgree(4);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(screenshotDir, 'panels-optimizers.png') });

    // Locked (the default), orbiting panel 1 turns panel 2 too. (Panel 1 glides on for a
    // while after the drag: the orbit controls are damped.)
    const [first, second] = [await settledPanelImage(1), await settledPanelImage(2)];
    await dragPanel(1, 160);
    await expect.poll(() => panelImage(1), FRAMES).not.toBe(first);
    await expect.poll(() => panelImage(2), FRAMES).not.toBe(second);
    // Unlocked, panel 2 stops where it is while panel 1 turns on alone.
    await page.getByLabel('Lock cameras').uncheck();
    const kept = await settledPanelImage(2);
    const turning = await panelImage(1);
    await dragPanel(1, -160);
    await expect.poll(() => panelImage(1), FRAMES).not.toBe(turning);
    await page.waitForTimeout(1500);
    expect(await panelImage(2)).toBe(kept);
    // Locked again, panel 2 takes panel 1's camera.
    await page.getByLabel('Lock cameras').check();
    await expect.poll(() => panelImage(2), FRAMES).not.toBe(kept);

    // Unlocked, the timeline splits: panel 1 is scrubbed back, panel 2 stays at its end.
    const end = await panelHeader(2);
    await page.getByLabel('Lock timeline').uncheck();
    // Its own timeline starts where the global one is (at the end).
    await expect
      .poll(() => page.getByLabel('Current step of panel 1', { exact: true }).textContent(), FRAMES)
      .toBe('step 1500 / 1500');
    await page.getByLabel('Step of panel 1', { exact: true }).fill('100');
    await expect.poll(async () => (await panelHeader(1)).step, FRAMES).toBe('100');
    expect(await panelHeader(2)).toEqual(end);
    await expect
      .poll(() => page.getByLabel('Current step of panel 1', { exact: true }).textContent(), FRAMES)
      .toBe('step 100 / 1500');
    expect(await page.getByLabel('Current step', { exact: true }).textContent()).toBe('step 1500 / 1500');
    // Relocked, panel 1 follows the global timeline again and its own controls go.
    await page.getByLabel('Lock timeline').check();
    await expectPanelsAgree(4);
    expect(await page.getByLabel('Step of panel 1', { exact: true }).count()).toBe(0);

    // Export renders one view, the first panel's, and says so.
    await page.getByText('Export', { exact: true }).click();
    await expect.poll(() => page.locator('.export-panel').textContent()).toMatch(/video are of panel 1/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save PNG', exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(/-3d\.png$/);
    await page.getByText('Export', { exact: true }).click();
    expect(pageErrors).toEqual([]);
  });

  it('learning rates: panels agree with the table, and a panel of all runs shows the lowest loss', async () => {
    await page.getByRole('button', { name: 'Compare learning rates' }).click();
    await settle(4);
    await expectPanelsAgree(4);
    await page.getByLabel('Panels', { exact: true }).selectOption('2');
    await expect.poll(() => page.getByRole('region', { name: /^Panel \d$/ }).count()).toBe(2);
    await page.getByLabel('Panel 2 shows', { exact: true }).selectOption({ label: 'All runs' });
    const { listed, finals } = await listedAndTabled();
    const [bestName, bestLoss] = Object.entries(finals).reduce((low, row) =>
      Number(row[1]!.replace('−', '-')) < Number(low[1]!.replace('−', '-')) ? row : low,
    );
    const best = `${bestLoss} (${bestName})`;
    const steps = listed.map((run) => Number(run.step));
    await expect
      .poll(() => panelHeader(2), FRAMES)
      .toEqual({ name: 'All runs', step: String(Math.max(...steps)), loss: best });
    await page.getByRole('button', { name: '3D', exact: true }).click();
    expect(pageErrors).toEqual([]);
  });
});

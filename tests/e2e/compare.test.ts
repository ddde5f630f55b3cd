import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { screenshotDir } from '../support/browser';

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
    .poll(async () => (await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))).every((s) => ['completed', 'diverged', 'failed'].includes(s!)), { timeout: 120_000 })
    .toBe(true);
  const listed = await rows.evaluateAll((items) =>
    Object.fromEntries(items.map((item) => [item.querySelector('.run-name')!.textContent, item.getAttribute('data-status')])),
  );
  const table = await page.locator('.summary tbody tr').evaluateAll((trs) =>
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
    await expect.poll(() => page.locator('.summary').textContent()).toMatch(/differ in: optimizer\.lr/);
    const events = await page.locator('.events').textContent();
    expect(events).toMatch(/oscillation/i);
    await page.screenshot({ path: join(screenshotDir, 'compare-learning-rates.png') });
  });

  it('optimizers on Rosenbrock from one start', async () => {
    await page.getByRole('button', { name: 'Compare optimizers' }).click();
    const { listed, table } = await settle(8);
    expect(table).toEqual(listed);
    await expect.poll(() => page.locator('.summary').textContent()).toMatch(/differ in: .*optimizer\.name/);
    // The table starts sorted by final loss, best first; a click on the header reverses it.
    const finals = async () => (await page.locator('.summary tbody tr td:nth-child(2)').allTextContents()).map((text) => Number(text.replace('−', '-')));
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
    await expect.poll(() => page.locator('.summary').textContent()).toMatch(/differ in: init\./);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(screenshotDir, 'compare-initializations.png') });
    expect(pageErrors).toEqual([]);
  });
});

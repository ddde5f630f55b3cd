import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEACHING_SCENARIOS } from '../../renderer/src/teaching/scenarios';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { screenshotDir } from '../support/browser';

let app: AppInBrowser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openAppInBrowser({ width: 1500, height: 950 });
  ({ page, pageErrors } = app);
});
afterAll(() => app?.close());

const FINAL = ['completed', 'diverged', 'failed', 'cancelled'];

/** The run list once every run has ended: name → status, in list order. */
async function settledRuns(count: number): Promise<[string, string][]> {
  const rows = page.locator('li.run');
  await expect.poll(() => rows.count()).toBe(count);
  const read = () =>
    rows.evaluateAll((items) =>
      items.map(
        (item) =>
          [item.querySelector('.run-name')!.textContent!, item.getAttribute('data-status')!] as [string, string],
      ),
    );
  await expect
    .poll(async () => (await read()).every(([, status]) => FINAL.includes(status)), { timeout: 120_000 })
    .toBe(true);
  return read();
}

const caption = (title: string) => page.getByRole('note', { name: title, exact: true });
const open = (title: string) =>
  page.getByRole('group', { name: 'Teaching scenarios' }).getByRole('button', { name: title, exact: true });

describe('teaching scenarios', () => {
  it.each(TEACHING_SCENARIOS.map((scenario) => [scenario.title, scenario] as const))(
    '%s: opens with its caption and its runs complete',
    async (title, scenario) => {
      await page.getByLabel('Live pace (steps/s, 0 = full speed)').fill('0');
      await open(title).click();
      await expect.poll(() => caption(title).isVisible()).toBe(true);
      expect(await caption(title).textContent()).toContain(scenario.caption);
      expect(await open(title).getAttribute('aria-current')).toBe('true');
      const runs = await settledRuns(scenario.comparison.runs.length);
      // In the scenario's order, so its colours follow the palette's.
      expect(runs.map(([name]) => name)).toEqual(scenario.comparison.runs.map((run) => run.name));
      const expected =
        scenario.id === 'learning-rate-diverges'
          ? ['completed', 'completed', 'diverged', 'completed']
          : runs.map(() => 'completed');
      expect(runs.map(([, status]) => status)).toEqual(expected);
      await page.screenshot({ path: join(screenshotDir, `scenario-${scenario.id}.png`) });
    },
  );

  it('a diverged run goes off the top of the charts, marked, while the others keep their shape on a log scale the user can turn off', async () => {
    await page.getByLabel('Live pace (steps/s, 0 = full speed)').fill('0');
    await open('Too high a learning rate diverges').click();
    await settledRuns(4);
    const charts = page.getByRole('region', { name: 'Charts' });
    const lossName = () => charts.getByRole('img', { name: /^Loss of each run/ }).getAttribute('aria-label');
    await expect
      .poll(lossName)
      .toMatch(/^Loss of each run over the steps, lr 0\.003 goes off the chart up to 2\.\d+e109, log scale$/);
    expect(await charts.getByRole('img', { name: /^Gradient norm/ }).getAttribute('aria-label')).toMatch(
      /lr 0\.003 goes off the chart/,
    );
    await charts.screenshot({ path: join(screenshotDir, 'scenario-diverged-charts.png') });
    // The user's choice wins over the data's, also for the runs that come after.
    await charts.getByLabel('log scale').first().uncheck();
    await expect.poll(lossName).toMatch(/off the chart up to 2\.\d+e109$/);
    await open('Too high a learning rate diverges').click();
    await settledRuns(4);
    await page.waitForTimeout(300);
    expect(await lossName()).not.toMatch(/log scale/);
    expect(await charts.getByLabel('log scale').first().isChecked()).toBe(false);
  });

  it('the caption stays, enlarged, in presentation mode, and can be dismissed', async () => {
    const title = 'Saddle: GD crawls, Adam escapes';
    await page.getByLabel('Live pace (steps/s, 0 = full speed)').fill('0');
    await open(title).click();
    await settledRuns(2);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(screenshotDir, 'scenario.png') });
    const textSize = () =>
      caption(title)
        .locator('p')
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const normal = await textSize();

    await page.getByRole('button', { name: 'Present' }).click();
    await expect.poll(() => page.getByRole('complementary', { name: 'Controls' }).isVisible()).toBe(false);
    expect(await caption(title).isVisible()).toBe(true);
    expect(await textSize()).toBeGreaterThan(normal * 1.3);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(screenshotDir, 'scenario-presenting.png') });
    await page.getByRole('button', { name: 'Exit presentation' }).click();

    await page.getByRole('button', { name: 'Dismiss caption' }).click();
    expect(await page.getByRole('note').count()).toBe(0);
  });

  it('choosing another problem by hand clears the caption', async () => {
    const title = 'Rastrigin’s local minima trap GD';
    await open(title).click();
    await expect.poll(() => caption(title).isVisible()).toBe(true);
    await page.getByLabel('Function', { exact: true }).selectOption('himmelblau');
    await expect.poll(() => page.getByRole('note').count()).toBe(0);
    expect(await open(title).getAttribute('aria-current')).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

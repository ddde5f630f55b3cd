import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConnection } from '../../electron/host/run-host';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { screenshotDir } from '../support/browser';

let app: AppInBrowser;
let page: Page;
const FRAMES = { timeout: 10_000 };
const LANDSCAPE = { timeout: 60_000 };

beforeAll(async () => {
  app = await openAppInBrowser({ width: 1400, height: 900 });
  page = app.page;
});
afterAll(() => app?.close());

/** The type of every message clients send the host from now on, so a test can tell nothing was trained. */
function watchClientMessages(): string[] {
  const types: string[] = [];
  const connect = app.host.connect.bind(app.host);
  app.host.connect = (send): HostConnection => {
    const connection = connect(send);
    return {
      receive: (raw) => {
        types.push(String((raw as { type?: unknown }).type));
        connection.receive(raw);
      },
      close: () => connection.close(),
    };
  };
  return types;
}

/** A 2D canvas's pixels as a PNG data URL, by the start of its accessible name. */
const canvasImage = (name: string): Promise<string> =>
  page.locator(`canvas[aria-label^="${name}"]`).evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL('image/png'));
const DATASET = 'Dataset and decision boundary';
const LANDSCAPE_CANVAS = 'Loss landscape slice';
const header = (): Promise<string | null> => page.locator('.dataset-header .hint').textContent();
const landscapeTab = () => page.getByRole('button', { name: 'Loss landscape', exact: true });

/** The Loss landscape view once every grid point is in (shown first, unless it is already): its header and its picture. */
async function completedLandscape({ click = true } = {}): Promise<{ text: string; image: string }> {
  if (click) {
    await landscapeTab().click();
    // The flat map (3D is the default): its pixels are compared exactly.
    await page.getByRole('button', { name: '2D', exact: true }).click();
  }
  await expect.poll(() => page.locator('.landscape-status', { hasText: /points computed/ }).count(), LANDSCAPE).toBe(1);
  // One frame for the canvas to draw the last values.
  await page.waitForTimeout(300);
  return { text: (await header())!, image: await canvasImage(LANDSCAPE_CANVAS) };
}

async function datasetView(): Promise<{ text: string; image: string }> {
  await page.getByRole('button', { name: 'Dataset', exact: true }).click();
  await expect.poll(header, FRAMES).toMatch(/at step 120/);
  await page.waitForTimeout(300);
  return { text: (await header())!, image: await canvasImage(DATASET) };
}

describe('a network session (gradscape serve in Chromium)', () => {
  it('saves a trained network, and opens it after a reload with the same picture and no training', async () => {
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.getByLabel('Kind').selectOption('network');
    await page.getByLabel('Dataset', { exact: true }).selectOption('moons');
    await page.getByLabel('Samples').fill('120');
    await page.getByLabel('Test fraction').fill('0.25');
    await page.getByLabel('Steps', { exact: true }).fill('120');
    await page.getByLabel(/Live pace/).fill('0');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.locator('li.run').first().getAttribute('data-status'), LANDSCAPE).toBe('completed');
    const dataset = await datasetView();
    // Saved with the landscape tab shown, and three panels on their own timelines: the first showing every run, the second the run.
    await page.getByRole('button', { name: 'Landscape panels', exact: true }).click();
    await page.getByLabel('Panels', { exact: true }).selectOption('3');
    await page.getByLabel('Lock timeline').uncheck();
    await page.getByLabel('Panel 1 shows').selectOption('all');
    await page.getByLabel('Panel 2 shows').selectOption({ index: 0 });
    const runName = await page.getByLabel('Panel 2 shows').locator('option:checked').textContent();
    const landscape = await completedLandscape();
    await page.screenshot({ path: join(screenshotDir, 'network-session-saved.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save session' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^moons-.*\.gradscape\.json$/);
    const sessionPath = join(screenshotDir, '..', 'network.gradscape.json');
    await download.saveAs(sessionPath);
    const text = readFileSync(sessionPath, 'utf8');
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'gradscape.session',
      version: 2,
      problem: { mlp: { dataset: { name: 'moons', samples: 120 } } },
    });
    const { checkpoints } = file.runs[0];
    expect(checkpoints.steps).toMatch(/^f(32|64):/);
    expect(checkpoints.params.length).toBeGreaterThan(1);
    for (const vector of checkpoints.params) expect(vector).toMatch(/^f32:/);
    expect(file.runs[0].plane).toBeUndefined();
    expect(file.view).toMatchObject({
      networkView: 'landscape',
      panels: { count: 3, lockTimeline: false, choices: ['all', 0] },
      draft: { steps: 120, pace: 0 },
    });
    const checkpointCharacters =
      checkpoints.steps.length + checkpoints.params.reduce((sum: number, vector: string) => sum + vector.length, 0);
    console.log(`network session: ${text.length} characters, checkpoints ${checkpointCharacters} of them`);
    // Autosave has run by now.
    await page.waitForTimeout(4500);

    const sent = watchClientMessages();
    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    await expect
      .poll(() => page.getByRole('dialog', { name: 'Restore the last session' }).isVisible(), FRAMES)
      .toBe(true);
    await page.getByRole('button', { name: 'Start fresh' }).click();
    await page.getByLabel('Session file').setInputFiles(sessionPath);
    await expect.poll(() => page.getByLabel('Kind').inputValue(), FRAMES).toBe('network');
    await expect.poll(() => page.locator('li.run').count(), FRAMES).toBe(1);
    expect(await page.locator('li.run').first().getAttribute('data-status')).toBe('completed');

    // The landscape tab comes back as it was shown, with the form's steps and pace and the panels' settings.
    expect(await landscapeTab().getAttribute('aria-pressed')).toBe('true');
    const reopenedLandscape = await completedLandscape({ click: false });
    await page.screenshot({ path: join(screenshotDir, 'network-session-landscape.png') });
    expect(reopenedLandscape.text).toBe(landscape.text);
    expect(reopenedLandscape.image).toBe(landscape.image);
    expect(await page.getByLabel('Steps', { exact: true }).inputValue()).toBe('120');
    expect(await page.getByLabel(/Live pace/).inputValue()).toBe('0');
    await page.getByRole('button', { name: 'Landscape panels', exact: true }).click();
    expect(await page.getByLabel('Panels', { exact: true }).inputValue()).toBe('3');
    expect(await page.getByLabel('Lock timeline').isChecked()).toBe(false);
    expect(await page.getByLabel('Panel 1 shows').inputValue()).toBe('all');
    expect(await page.getByLabel('Panel 2 shows').locator('option:checked').textContent()).toBe(runName);
    expect(await page.getByLabel('Panel 3 shows').inputValue()).toBe('all');
    await page.screenshot({ path: join(screenshotDir, 'network-session-panels.png') });
    const reopened = await datasetView();
    await page.screenshot({ path: join(screenshotDir, 'network-session-reopened.png') });
    expect(reopened.text).toBe(dataset.text);
    expect(reopened.image).toBe(dataset.image);
    await expect
      .poll(() =>
        page
          .getByRole('combobox', { name: 'Recent sessions' })
          .locator('option', { hasText: 'network.gradscape.json' })
          .count(),
      )
      .toBe(1);

    // The autosave holds the network picture too (once its next tick has run): a new start offers it back, and it opens the same.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('gradscape.autosave')?.includes('"mlp"') ?? false), FRAMES)
      .toBe(true);
    await page.reload();
    await page.locator('main[aria-busy="false"]').waitFor();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    expect(await datasetView()).toEqual(dataset);

    // The landscape grid was computed again from the saved checkpoints; no run was started.
    expect(sent).toContain('landscape');
    expect(sent).not.toContain('start');
    expect(app.pageErrors).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSessionText } from '../../shared/session-file';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { screenshotDir } from '../support/browser';

let app: AppInBrowser;
const FRAMES = { timeout: 10_000 };

beforeAll(async () => {
  app = await openAppInBrowser();
  await app.page.locator('main[aria-busy="false"]').waitFor();
});
afterAll(async () => {
  await app?.close();
});

describe('menu commands as keyboard shortcuts in the browser', () => {
  it('saves the session on Ctrl+S and opens the session picker on Ctrl+O', async () => {
    const { page } = app;
    await page.getByLabel('Steps', { exact: true }).fill('40');
    await page.getByLabel(/Live pace/).fill('0');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('li.run').first().getAttribute('data-status'), { timeout: 30_000 })
      .toBe('completed');

    // As in a desktop app, the shortcut saves even while a field has the focus.
    await page.getByLabel('Steps', { exact: true }).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
    expect(download.suggestedFilename()).toMatch(/^himmelblau-.*\.gradscape\.json$/);
    const sessionPath = join(screenshotDir, '..', 'shortcut.gradscape.json');
    await download.saveAs(sessionPath);
    const session = parseSessionText(readFileSync(sessionPath, 'utf8'));
    expect(session.runs).toHaveLength(1);
    expect(session.runs[0]!.loss).toHaveLength(41);

    // Ctrl+O: the command registry clicks the session file input, so the browser shows its picker.
    await page.getByRole('button', { name: 'Remove adam #1' }).click();
    await expect.poll(() => page.locator('li.run').count(), FRAMES).toBe(0);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', FRAMES),
      page.locator('body').press('Control+o'),
    ]);
    expect(await chooser.element().getAttribute('aria-label')).toBe('Session file');
    await chooser.setFiles(sessionPath);
    await expect.poll(() => page.locator('li.run').count(), FRAMES).toBe(1);
    await expect.poll(() => page.getByLabel('Current step').textContent(), FRAMES).toBe('step 40 / 40');

    // F1 shows what each file holds; Close hides it again.
    await page.locator('body').press('F1');
    const formats = page.getByRole('dialog', { name: 'File formats' });
    await expect.poll(() => formats.isVisible(), FRAMES).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'formats-dialog.png') });
    await formats.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => formats.isVisible(), FRAMES).toBe(false);
    expect(app.pageErrors).toEqual([]);
  });
});

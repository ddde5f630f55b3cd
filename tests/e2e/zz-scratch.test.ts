import { join } from 'node:path';
import { it } from 'vitest';
import { RunHost } from '../../electron/host/run-host';
import { serve } from '../../electron/serve';
import { launchChromium, screenshotDir } from '../support/browser';
import { rendererDir, workerPath } from '../support/paths';

it('scratch', async () => {
  const host = new RunHost({ workerPath, log: () => {} });
  const server = await serve({ host, rendererDir });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(server.url);
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.getByLabel('Function').selectOption('quadratic');
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.getByLabel('Algorithm').selectOption('sgd');
  await page.getByLabel('lr', { exact: true }).fill('0.01');
  await page.getByLabel('momentum', { exact: true }).fill('0.9');
  await page.getByLabel('Start x').fill('-3');
  await page.getByLabel(/Live pace/).fill('0');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByLabel('Steps', { exact: true }).fill('2000');
  await page.getByLabel('lr', { exact: true }).fill('0.21');
  await page.getByLabel('momentum', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForTimeout(3000);
  const events = page.getByRole('region', { name: 'Events' });
  console.log(await events.getByRole('button').evaluateAll((b) => b.map((x) => x.getAttribute('aria-label'))));
  const converged = events.getByRole('button', { name: /converged/ });
  await converged.click();
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(300);
    console.log('counter', await page.getByLabel('Current step').textContent(), await page.getByRole('button', { name: 'Live' }).getAttribute('aria-pressed'));
  }
  await page.screenshot({ path: join(screenshotDir, 'scratch.png') });
  await browser.close();
  await server.close();
  await host.close();
}, 120_000);

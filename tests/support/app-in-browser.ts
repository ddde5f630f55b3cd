import type { Browser, Page } from 'playwright-core';
import { RunHost } from '../../electron/host/run-host';
import { serve, type RunningServer } from '../../electron/serve';
import { launchChromium } from './browser';
import { assertBuilt, rendererDir, workerPath } from './paths';

export interface AppInBrowser {
  host: RunHost;
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Uncaught page errors and console errors, for tests to assert there are none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** `gradscape serve` in this process (so tests can watch its host) and a Chromium page on it. */
export async function openAppInBrowser(viewport = { width: 1400, height: 860 }): Promise<AppInBrowser> {
  assertBuilt();
  const host = new RunHost({ workerPath, log: () => {} });
  const server = await serve({ host, rendererDir });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(server.url);
  return {
    host,
    server,
    browser,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
      await host.close();
    },
  };
}

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captionSchedule } from '../../renderer/src/export/video-captions';
import { parseSessionText } from '../../shared/session-file';
import { RunHost } from '../../electron/host/run-host';
import { serve, type RunningServer } from '../../electron/serve';
import { launchChromium, screenshotDir, settledCanvasImage } from '../support/browser';
import { assertBuilt, rendererDir, workerPath } from '../support/paths';
import { probeVideo } from '../support/video-probe';

let host: RunHost;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];
const FRAMES = { timeout: 10_000 };

beforeAll(async () => {
  assertBuilt();
  host = new RunHost({ workerPath, log: () => {} });
  server = await serve({ host, rendererDir });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await host?.close();
});

async function openApp(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(server.url);
  await page.locator('main[aria-busy="false"]').waitFor();
  return page;
}

/** The 3D canvas once it has stopped changing. */
const settledImage = (page: Page): Promise<string> => settledCanvasImage(page.locator('canvas').first());

/** The share of pixels of the page's 3D canvas that differ from `image` by more than `tolerance` in a channel. */
const differingShare = (page: Page, image: string, tolerance: number): Promise<number> =>
  page.evaluate(
    async ([url, tol]) => {
      const source = document.querySelector('canvas')!;
      const picture = new Image();
      picture.src = url;
      await picture.decode();
      if (picture.width !== source.width || picture.height !== source.height) return 1;
      const read = (draw: CanvasImageSource): Uint8ClampedArray => {
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const context2d = copy.getContext('2d')!;
        context2d.drawImage(draw, 0, 0);
        return context2d.getImageData(0, 0, copy.width, copy.height).data;
      };
      const a = read(source);
      const b = read(picture);
      let differing = 0;
      for (let k = 0; k < a.length; k += 4) {
        if (
          Math.abs(a[k]! - b[k]!) > tol ||
          Math.abs(a[k + 1]! - b[k + 1]!) > tol ||
          Math.abs(a[k + 2]! - b[k + 2]!) > tol
        )
          differing++;
      }
      return differing / (a.length / 4);
    },
    [image, tolerance] as const,
  );

const stepShown = (page: Page) => page.getByLabel('Current step').textContent();

/** Frame `index` of a video decoded by ffmpeg: as RGB bytes, or written to `png`. */
function decodeFrame(path: string, index: number, png?: string): Buffer {
  const select = ['-v', 'error', '-i', path, '-vf', `select=eq(n\\,${index})`, '-frames:v', '1'];
  return execFileSync(
    '/usr/bin/ffmpeg',
    png ? [...select, '-y', png] : [...select, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { maxBuffer: 64 << 20 },
  );
}

/** The share of pixels of two RGB frames that differ by more than `tolerance` in a channel. */
function frameDifference(a: Buffer, b: Buffer, tolerance: number): number {
  let differing = 0;
  for (let k = 0; k < a.length; k += 3) {
    if (
      Math.abs(a[k]! - b[k]!) > tolerance ||
      Math.abs(a[k + 1]! - b[k + 1]!) > tolerance ||
      Math.abs(a[k + 2]! - b[k + 2]!) > tolerance
    )
      differing++;
  }
  return differing / (a.length / 3);
}

async function recordVideoFile(page: Page, name: string): Promise<string> {
  const [video] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name: 'Record video' }).click(),
  ]);
  const path = join(screenshotDir, '..', `${name}-${video.suggestedFilename()}`);
  await video.saveAs(path);
  await expect.poll(() => page.getByRole('button', { name: 'Record video' }).isVisible(), FRAMES).toBe(true);
  return path;
}

describe('sessions and exports (gradscape serve in Chromium)', () => {
  it('saves a session, opens it in a new window, and shows the same picture', async () => {
    const page = await openApp();
    await page.getByLabel('Steps', { exact: true }).fill('60');
    await page.getByLabel(/Live pace/).fill('0');
    await page.getByLabel('Start x').fill('-0.4');
    await page.getByLabel('Start y').fill('-0.6');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('li.run').first().getAttribute('data-status'), { timeout: 30_000 })
      .toBe('completed');
    await expect.poll(() => stepShown(page), FRAMES).toBe('step 60 / 60');
    await page.getByLabel('Timeline step').fill('30');
    await expect.poll(() => stepShown(page), FRAMES).toBe('step 30 / 60');
    // Turn the camera, so the session has to carry it.
    const box = (await page.locator('canvas').first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    const before = await settledImage(page);
    await page.screenshot({ path: join(screenshotDir, 'session-saved.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save session' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^himmelblau-.*\.gradscape\.json$/);
    const sessionPath = join(screenshotDir, '..', 'session.gradscape.json');
    await download.saveAs(sessionPath);
    expect(JSON.parse(readFileSync(sessionPath, 'utf8'))).toMatchObject({
      format: 'gradscape.session',
      view: { step: 30, follow: false },
    });
    // Autosave has run by now; a new window offers it back.
    await page.waitForTimeout(4500);

    const second = await openApp();
    await expect(second.getByRole('dialog', { name: 'Restore the last session' }).isVisible()).resolves.toBe(true);
    await second.getByRole('button', { name: 'Start fresh' }).click();
    await second.getByLabel('Session file').setInputFiles(sessionPath);
    await expect.poll(() => second.locator('li.run').count(), FRAMES).toBe(1);
    await expect.poll(() => stepShown(second), FRAMES).toBe('step 30 / 60');
    await settledImage(second);
    await second.screenshot({ path: join(screenshotDir, 'session-reopened.png') });
    expect(await differingShare(second, before, 24)).toBeLessThan(0.01);

    // A damaged file says which field is wrong and leaves the picture as it was.
    const session = JSON.parse(readFileSync(sessionPath, 'utf8'));
    session.runs[0].gradNorm = [1];
    const damagedPath = join(screenshotDir, '..', 'damaged.gradscape.json');
    writeFileSync(damagedPath, JSON.stringify(session));
    await second.getByLabel('Session file').setInputFiles(damagedPath);
    await expect
      .poll(() => second.getByRole('alert').textContent(), FRAMES)
      .toMatch(/Could not open damaged\.gradscape\.json: runs\[0\]\.gradNorm: must hold one value per loss value/);
    expect(await second.locator('li.run').count()).toBe(1);
    expect(await stepShown(second)).toBe('step 30 / 60');
    await second.screenshot({ path: join(screenshotDir, 'session-damaged.png') });

    // A PNG of the 3D view at the size asked for: the IHDR chunk holds width and height.
    await second.getByText('Export', { exact: true }).click();
    await second.getByLabel('Image width (px)').fill('320');
    await second.getByLabel('Image height (px)').fill('240');
    const [png] = await Promise.all([
      second.waitForEvent('download'),
      second.getByRole('button', { name: 'Save PNG' }).click(),
    ]);
    const pngPath = join(screenshotDir, 'export-3d-320x240.png');
    await png.saveAs(pngPath);
    const bytes = readFileSync(pngPath);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([320, 240]);
    await second.screenshot({ path: join(screenshotDir, 'export-panel.png') });

    // A video of 30 frames at 320 × 240, rendered frame by frame.
    await second.getByLabel('Frames per second').fill('30');
    await second.getByLabel('Length (s)').fill('1');
    await second.getByLabel('Camera', { exact: true }).selectOption('orbit');
    const [video] = await Promise.all([
      second.waitForEvent('download', { timeout: 90_000 }),
      second.getByRole('button', { name: 'Record video' }).click(),
    ]);
    const videoPath = join(screenshotDir, '..', video.suggestedFilename());
    await video.saveAs(videoPath);
    const probe = probeVideo(videoPath);
    console.log(`ffprobe ${video.suggestedFilename()}: ${JSON.stringify(probe)}`);
    expect(['h264', 'vp9', 'vp8']).toContain(probe.codec_name);
    expect([probe.width, probe.height, Number(probe.nb_read_frames)]).toEqual([320, 240, 30]);
    await expect.poll(() => second.getByRole('button', { name: 'Record video' }).isVisible(), FRAMES).toBe(true);
    await second.screenshot({ path: join(screenshotDir, 'export-video-done.png') });

    // Presentation mode: F hides the side panels; the button (with an accessible name) brings them back.
    await second.locator('body').press('f');
    await expect.poll(() => second.getByRole('complementary', { name: 'Controls' }).isVisible(), FRAMES).toBe(false);
    await second.waitForTimeout(1000);
    await second.screenshot({ path: join(screenshotDir, 'presentation-mode.png') });
    await second.getByRole('button', { name: 'Exit presentation' }).click();
    await expect.poll(() => second.getByRole('complementary', { name: 'Controls' }).isVisible(), FRAMES).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('records a fly-to video whose overlay captions an event as the run reaches it', async () => {
    const page = await openApp();
    // Plain gradient descent from here settles into a minimum from step 18 on: a "converged" event.
    await page.getByLabel('Algorithm').selectOption('sgd');
    await page.getByLabel('lr', { exact: true }).fill('0.01');
    await page.getByLabel('Steps', { exact: true }).fill('150');
    await page.getByLabel(/Live pace/).fill('0');
    await page.getByLabel('Start x').fill('-0.4');
    await page.getByLabel('Start y').fill('-0.6');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('li.run').first().getAttribute('data-status'), { timeout: 30_000 })
      .toBe('completed');
    await expect.poll(() => stepShown(page), FRAMES).toBe('step 150 / 150');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save session' }).click(),
    ]);
    const session = parseSessionText(readFileSync((await download.path())!, 'utf8'));
    expect(session.runs[0]!.events.length).toBeGreaterThan(0);

    await page.getByText('Export', { exact: true }).click();
    await page.getByLabel('Image width (px)').fill('320');
    await page.getByLabel('Image height (px)').fill('240');
    await page.getByLabel('Frames per second').fill('15');
    await page.getByLabel('Length (s)').fill('4');
    await page.getByLabel('Camera', { exact: true }).selectOption('fly-to');
    await expect.poll(() => page.getByText(/glides in to a close-up of the runs/).isVisible(), FRAMES).toBe(true);
    await page.getByLabel('Step counter and run names').check();
    await page.getByLabel('Event captions').check();
    await page.getByRole('button', { name: 'Record video' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'export-video-fly-to.png') });
    const captioned = await recordVideoFile(page, 'captioned');
    await page.getByLabel('Event captions').uncheck();
    const plain = await recordVideoFile(page, 'plain');

    const frames = 60;
    for (const path of [captioned, plain]) {
      const probe = probeVideo(path);
      console.log(`ffprobe ${path}: ${JSON.stringify(probe)}`);
      expect(['h264', 'vp9', 'vp8']).toContain(probe.codec_name);
      expect([probe.width, probe.height, Number(probe.nb_read_frames)]).toEqual([320, 240, frames]);
    }
    // The first caption shows from the frame whose step reaches its event, for 2.5 s (37 frames at 15 fps).
    const runs = session.runs.map((run) => ({
      name: run.spec.name ?? '',
      color: run.color,
      events: run.events,
      series: { count: run.loss.length },
    }));
    const first = captionSchedule(runs, frames, 150)[0]!.frame;
    expect(first).toBeGreaterThan(2);
    const during = first + 5;
    const before = first - 2;
    decodeFrame(captioned, during, join(screenshotDir, 'video-caption-frame.png'));
    decodeFrame(plain, during, join(screenshotDir, 'video-no-caption-frame.png'));
    decodeFrame(captioned, frames - 1, join(screenshotDir, 'video-fly-to-last-frame.png'));
    const shownShare = frameDifference(decodeFrame(captioned, during), decodeFrame(plain, during), 24);
    const beforeShare = frameDifference(decodeFrame(captioned, before), decodeFrame(plain, before), 24);
    console.log(
      `pixels differing with captions: ${(100 * shownShare).toFixed(2)}% at frame ${during}, ${(100 * beforeShare).toFixed(2)}% at frame ${before}`,
    );
    expect(shownShare).toBeGreaterThan(0.02);
    expect(beforeShare).toBeLessThan(0.002);
    // The fly-to moved the camera: the last frame is not the first.
    expect(frameDifference(decodeFrame(plain, 0), decodeFrame(plain, frames - 1), 24)).toBeGreaterThan(0.2);
    expect(pageErrors).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppInBrowser, type AppInBrowser } from '../support/app-in-browser';
import { canvasImage, canvasPixels, saveSession, screenshotDir, settledCanvasImage } from '../support/browser';
import { probeVideo } from '../support/video-probe';

let app: AppInBrowser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await openAppInBrowser({ width: 1400, height: 900 });
  ({ page, pageErrors } = app);
});
afterAll(() => app?.close());

/** Okabe–Ito orange and sky blue: the first two runs' colours. */
const ORANGE: [number, number, number] = [230, 159, 0];
const BLUE: [number, number, number] = [86, 180, 233];
const BACKGROUND: [number, number, number] = [13, 17, 23];
const LABEL = /^Loss landscape in 3D, (.+), (\d+) × (\d+), loss (\S+) to (\S+) \((log|linear)\)$/;

const scene = (within: Page | ReturnType<Page['locator']> = page) =>
  within.getByRole('img', { name: /^Loss landscape in 3D/ });
const webgl = (within: Page | ReturnType<Page['locator']> = page) => scene(within).locator('canvas');
const status = () => page.locator('.landscape-status');

/** Pixels of a canvas that are not the scene's background colour. */
async function nonBackground(canvas: ReturnType<Page['locator']>): Promise<number> {
  const total = await canvas.evaluate((element: HTMLCanvasElement) => element.width * element.height);
  return total - (await canvasPixels(canvas, BACKGROUND, 4));
}

/** A number as the app prints it: a true minus sign, exponents as 1e−6. */
const parse = (text: string): number => Number(text.replaceAll('\u2212', '-'));

const FRAMES = { timeout: 15_000 };

async function completed(count: number): Promise<void> {
  await expect.poll(() => page.locator('li.run[data-status="completed"]').count(), { timeout: 120_000 }).toBe(count);
}

describe('network loss landscapes in 3D', () => {
  it('shows a moons run’s PCA slice as a 3D surface with its path at true loss, the slice’s minimum, and the final point’s curvature in words', async () => {
    await page.getByLabel('Kind').selectOption('network');
    await page.getByLabel('Dataset', { exact: true }).selectOption('moons');
    await page.getByLabel('Steps', { exact: true }).fill('150');
    await page.getByLabel(/^Live pace/).fill('0');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await completed(1);
    const name = (await page.locator('li.run .run-name').first().textContent())!;
    await page.getByRole('button', { name: 'Loss landscape', exact: true }).click();
    // 3D is the default, its button pressed.
    expect(await page.getByRole('button', { name: '3D', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => status().textContent(), { timeout: 90_000 }).toMatch(/: 1681\/1681 points computed/);
    const label = (await scene().getAttribute('aria-label'))!;
    const [, plane, columns, rows, low, high] = LABEL.exec(label)!;
    expect(plane).toBe(`PCA of ${name}’s path`);
    expect([columns, rows]).toEqual(['41', '41']);
    expect(parse(low!)).toBeLessThan(parse(high!));
    // The run's orange path is on it, and the surface covers thousands of pixels that are not the background.
    await expect.poll(() => canvasPixels(webgl(), ORANGE, 12), { timeout: 20_000 }).toBeGreaterThan(100);
    expect(await nonBackground(webgl())).toBeGreaterThan(10_000);
    // The slice's own critical points, found on its grid, with its minimum among them.
    expect(await page.locator('.landscape-critical').textContent()).toMatch(
      /^On this slice: (\d+) minim(um|a)\b.* · lowest minimum \S+ at α \S+, β \S+$/,
    );
    // The Hessian at the final point says what the network is at, in words.
    expect(await page.locator('.landscape-curvature').textContent()).toMatch(
      new RegExp(
        `${name}: At step 150 \\(final point\\) the Hessian's eigenvalues run from \\S+ to \\S+: (a minimum|a saddle|flat along some direction) of the full loss`,
      ),
    );
    await page.screenshot({ path: join(screenshotDir, 'landscape-3d.png') });
    // Hovering the surface reads (α, β) and the slice's loss there.
    const box = (await scene().boundingBox())!;
    await scene().hover({ position: { x: box.width / 2, y: box.height * 0.6 } });
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /slice loss/ })
            .count(),
        FRAMES,
      )
      .toBe(1);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /slice loss/ })
        .textContent(),
    ).toMatch(/^α \S+ · β \S+ · slice loss [\d.e−]+/);
    // A line or two in the scene's lower left corner, not a box over the scene.
    const readout = (await page.locator('.landscape-readout-3d').boundingBox())!;
    expect(readout.height).toBeLessThan(box.height / 4);
    expect(readout.y + readout.height).toBeGreaterThan(box.y + box.height * 0.75);
    await page.screenshot({ path: join(screenshotDir, 'landscape-3d-hover.png') });
    // Switched to 2D from the keyboard, the scene goes without a pointer-out: its read-out must not
    // come back with it once the pointer has left.
    await page.getByRole('button', { name: '2D', exact: true }).press('Enter');
    await expect.poll(() => scene().count()).toBe(0);
    await page.mouse.move(0, 0);
    await page.getByRole('button', { name: '3D', exact: true }).press('Enter');
    await expect.poll(() => canvasPixels(webgl(), ORANGE, 12), FRAMES).toBeGreaterThan(100);
    expect(await page.locator('.landscape-readout-3d').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('switches to the 2D map and to both side by side', async () => {
    await page.getByRole('button', { name: '2D', exact: true }).click();
    await expect.poll(() => page.getByRole('img', { name: /^Loss landscape slice/ }).count()).toBe(1);
    expect(await scene().count()).toBe(0);
    await page.getByRole('button', { name: 'Side by side', exact: true }).click();
    await expect.poll(() => scene().count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Loss landscape slice/ }).count()).toBe(1);
    await expect.poll(() => canvasPixels(webgl(), ORANGE, 12), FRAMES).toBeGreaterThan(50);
    await page.screenshot({ path: join(screenshotDir, 'landscape-3d-side-by-side.png') });
    await page.getByRole('button', { name: '3D', exact: true }).click();
    await expect.poll(() => page.getByRole('img', { name: /^Loss landscape slice/ }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('saves the network 3D view as a PNG and records it as a fly-to video with captions, frame by frame', async () => {
    await page.getByText('Export', { exact: true }).click();
    await page.getByLabel('Image of').selectOption('3d');
    await page.getByLabel('Image width (px)').fill('320');
    await page.getByLabel('Image height (px)').fill('240');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save PNG', exact: true }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/-3d\.png$/);
    await png.saveAs(join(screenshotDir, 'landscape-3d-export.png'));
    await page.getByLabel('Frames per second').fill('15');
    await page.getByLabel('Length (s)').fill('2');
    await page.getByLabel('Camera', { exact: true }).selectOption('fly-to');
    await page.getByLabel('Event captions').check();
    const [video] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Record video' }).click(),
    ]);
    const path = join(screenshotDir, '..', `landscape-3d-${video.suggestedFilename()}`);
    await video.saveAs(path);
    await expect.poll(() => page.getByRole('button', { name: 'Record video' }).isVisible(), FRAMES).toBe(true);
    const probe = probeVideo(path);
    console.log(`ffprobe ${path}: ${JSON.stringify(probe)}`);
    expect(['h264', 'vp9', 'vp8']).toContain(probe.codec_name);
    expect([probe.width, probe.height, Number(probe.nb_read_frames)]).toEqual([320, 240, 30]);
    execFileSync('/usr/bin/ffmpeg', [
      '-v',
      'error',
      '-i',
      path,
      '-vf',
      'select=eq(n\\,29)',
      '-frames:v',
      '1',
      '-y',
      join(screenshotDir, 'landscape-3d-video-last-frame.png'),
    ]);
    await page.getByText('Export', { exact: true }).click();
    expect(pageErrors).toEqual([]);
  });

  it('saves a session with the landscape’s camera turned, and opens it with the same camera', async () => {
    const box = (await scene().boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height * 0.6];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 80, y - 20, { steps: 4 });
    await page.mouse.up();
    await settledCanvasImage(webgl());
    const saved = await saveSession(page, 'landscape-3d');
    // Back to the default view, then the file opened again.
    await page.getByRole('button', { name: 'Dataset', exact: true }).click();
    await page.getByLabel('Session file').setInputFiles(saved.path);
    await expect.poll(() => status().textContent(), { timeout: 90_000 }).toMatch(/: 1681\/1681 points computed/);
    expect(await page.getByRole('button', { name: 'Loss landscape', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expect.poll(() => nonBackground(webgl()), FRAMES).toBeGreaterThan(10_000);
    // The reopened 3D view's own camera, as the next save reads it, is the one saved.
    const { camera } = (await saveSession(page, 'landscape-3d-reopened')).view;
    expect(camera!.target).toEqual(saved.view.camera!.target);
    camera!.position.forEach((value: number, k: number) =>
      expect(value).toBeCloseTo(saved.view.camera!.position[k]!, 9),
    );
    await page.screenshot({ path: join(screenshotDir, 'landscape-3d-session-reopened.png') });
    expect(pageErrors).toEqual([]);
  });

  it('a deep sigmoid network: the vanishing-gradient event stands as a glyph on its run’s path, and clicking it seeks there', async () => {
    await page.getByRole('button', { name: 'A deep sigmoid network’s gradient vanishes' }).click();
    await completed(2);
    const names = await page.locator('li.run .run-name').allTextContents();
    const starved = names.find((name) => name.startsWith('normal'))!;
    await page.getByRole('button', { name: 'Loss landscape', exact: true }).click();
    await page.getByLabel('Landscape of run').selectOption({ label: starved });
    await expect
      .poll(() => status().textContent(), { timeout: 90_000 })
      .toContain(`${starved}: 1681/1681 points computed`);
    const event = page
      .getByRole('button', {
        name: new RegExp(`^Go to step (\\d+): vanishing gradient, ${starved.replace(/[()]/g, '\\$&')}$`, 'i'),
      })
      .first();
    const [, step] = /^Go to step (\d+)/.exec((await event.getAttribute('aria-label'))!)!;
    const before = await settledCanvasImage(webgl());
    await event.click();
    await expect
      .poll(() => page.getByLabel('Current step', { exact: true }).textContent(), FRAMES)
      .toMatch(new RegExp(`^step ${step} / `));
    // The chosen event's glyph grows, so the picture changes though the path stops earlier.
    await expect.poll(() => canvasImage(webgl()), FRAMES).not.toBe(before);
    // The starved run's sky-blue path and glyph are on the surface.
    await page.screenshot({ path: join(screenshotDir, 'landscape-3d-vanishing.png') });
    expect(await canvasPixels(webgl(), BLUE, 40)).toBeGreaterThan(20);
    expect(pageErrors).toEqual([]);
  });

  for (const count of [2, 3, 4]) {
    it(`shows ${count} landscape panels in 3D with their cameras locked together`, async () => {
      await page.getByRole('button', { name: 'Landscape panels', exact: true }).click();
      await page.getByLabel('Panels', { exact: true }).selectOption(String(count));
      expect(await page.getByLabel('Lock cameras').isChecked()).toBe(true);
      const panels = Array.from({ length: count }, (_, k) => page.getByRole('region', { name: `Panel ${k + 1}` }));
      for (const panel of panels) {
        await expect
          .poll(() => panel.locator('.landscape-status').textContent(), { timeout: 90_000 })
          .toMatch(/: (\d+)\/\1 points computed/);
        expect(await scene(panel).getAttribute('aria-label')).toMatch(LABEL);
        await page.screenshot({ path: join(screenshotDir, `landscape-3d-panels-${count}.png`) });
        await expect.poll(() => nonBackground(webgl(panel)), FRAMES).toBeGreaterThan(2000);
      }
      // Orbiting panel 1 turns the last panel too.
      const last = webgl(panels.at(-1)!);
      const still = await settledCanvasImage(last, 1000, 20);
      const box = (await scene(panels[0]!).boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height * 0.6];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 60, y, { steps: 4 });
      await page.mouse.move(x + 120, y, { steps: 4 });
      await page.mouse.up();
      await expect.poll(() => canvasImage(last), FRAMES).not.toBe(still);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(screenshotDir, `landscape-3d-panels-${count}.png`) });
      expect(pageErrors).toEqual([]);
    });
  }
});

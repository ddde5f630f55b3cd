import type { Browser, CDPSession, Page } from 'playwright-core';
import { RunHost } from '../../electron/host/run-host';
import { serve } from '../../electron/serve';
import { launchHeadlessChromium } from './chromium';

export interface FrameStats {
  /** Time between animation frames: what a viewer sees as smoothness. */
  intervalMedianMs: number;
  intervalP95Ms: number;
  /** Script time per frame, summed over every requestAnimationFrame callback of that frame. */
  scriptMedianMs: number;
  scriptP95Ms: number;
  /** All main-thread work (script, style, layout, paint recording) per frame, from Chromium's counters. */
  mainThreadMsPerFrame: number;
  frames: number;
}

export interface FrameBenchResult {
  empty: FrameStats;
  scenes: { name: string; stats: FrameStats; ratio: number }[];
}

export interface FrameBenchOptions {
  /** dist/renderer and dist/worker.mjs of a build (`npm run build`). */
  rendererDir: string;
  workerPath: string;
  print(line: string): void;
  runs?: number;
  steps?: number;
  /** Length of each measurement. */
  seconds?: number;
}

const VIEWPORT = { width: 1400, height: 860 };

/**
 * Times every requestAnimationFrame callback and sums them per frame (callbacks of one frame
 * share its timestamp). Installed before the page's own scripts run.
 */
const FRAME_TIMER = `(() => {
  const raf = window.requestAnimationFrame.bind(window);
  const log = { frames: [], scripts: [], current: -1, script: 0 };
  window.__frameLog = log;
  window.requestAnimationFrame = (callback) => raf((time) => {
    if (time !== log.current) {
      if (log.current >= 0) { log.frames.push(log.current); log.scripts.push(log.script); }
      log.current = time;
      log.script = 0;
    }
    const started = performance.now();
    try { callback(time); } finally { log.script += performance.now() - started; }
  });
})()`;

/** Seconds the main thread has been busy since the session enabled Chromium's counters. */
async function mainThreadSeconds(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN;
}

/** The frame log over `seconds`, as statistics. */
async function measure(page: Page, seconds: number): Promise<FrameStats> {
  await page.evaluate(() => {
    const log = (window as unknown as { __frameLog: { frames: number[]; scripts: number[] } }).__frameLog;
    log.frames = [];
    log.scripts = [];
  });
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const busyBefore = await mainThreadSeconds(session);
  await page.waitForTimeout(seconds * 1000);
  const busy = (await mainThreadSeconds(session)) - busyBefore;
  await session.detach();
  const { frames, scripts } = await page.evaluate(
    () => (window as unknown as { __frameLog: { frames: number[]; scripts: number[] } }).__frameLog,
  );
  const intervals = frames.slice(1).map((time, k) => time - frames[k]!);
  const quantile = (values: number[], q: number): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  };
  return {
    intervalMedianMs: quantile(intervals, 0.5),
    intervalP95Ms: quantile(intervals, 0.95),
    scriptMedianMs: quantile(scripts, 0.5),
    scriptP95Ms: quantile(scripts, 0.95),
    mainThreadMsPerFrame: (1000 * busy) / Math.max(frames.length, 1),
    frames: frames.length,
  };
}

/** A page with only a WebGL canvas the size of the 3D view, cleared every frame: the floor. */
async function emptyCanvas(
  browser: Browser,
  seconds: number,
  size: { width: number; height: number },
): Promise<FrameStats> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.setContent(
    `<body style="margin:0;background:#0d1117"><canvas width="${size.width}" height="${size.height}"></canvas></body>`,
  );
  await page.evaluate(FRAME_TIMER);
  await page.evaluate(() => {
    const gl = document
      .querySelector('canvas')!
      .getContext('webgl2', { antialias: true, preserveDrawingBuffer: true })!;
    const frame = (): void => {
      gl.clearColor(0.05, 0.07, 0.09, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.waitForTimeout(500);
  const stats = await measure(page, seconds);
  await page.close();
  return stats;
}

const ALGORITHMS = [
  'sgd',
  'adam',
  'rmsprop',
  'adagrad',
  'nadam',
  'adamax',
  'radam',
  'adamw',
  'lion',
  'adadelta',
] as const;

/** Starts `runs` runs of `steps` steps on Himmelblau through the UI, at full speed, and waits for them. */
async function startRuns(page: Page, runs: number, steps: number): Promise<void> {
  await page.getByLabel('Steps', { exact: true }).fill(String(steps));
  await page.getByLabel(/Live pace/).fill('0');
  for (let k = 0; k < runs; k++) {
    const algorithm = ALGORITHMS[k % ALGORITHMS.length]!;
    await page.getByLabel('Algorithm').selectOption(algorithm);
    await page
      .getByLabel('lr', { exact: true })
      .fill(algorithm === 'adadelta' ? '1' : algorithm === 'sgd' ? '0.002' : '0.01');
    const angle = (2 * Math.PI * k) / runs;
    await page.getByLabel('Start x').fill((4 * Math.cos(angle)).toFixed(2));
    await page.getByLabel('Start y').fill((4 * Math.sin(angle)).toFixed(2));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
  }
  const done = async (): Promise<boolean> => {
    const statuses = await page
      .locator('li.run')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    return statuses.length === runs && statuses.every((status) => status === 'completed' || status === 'diverged');
  };
  const deadline = Date.now() + 120_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the benchmark runs did not finish within 2 minutes');
    await page.waitForTimeout(250);
  }
}

/** Plays the timeline from the start at `speed` (10×, or 1×: 60 steps a second) and measures while it plays. */
async function measurePlaying(page: Page, seconds: number, speed: '10' | '1' = '10'): Promise<FrameStats> {
  await page.getByLabel('Speed', { exact: true }).selectOption(speed);
  await page.getByLabel('Timeline step').fill('0');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(300);
  const stats = await measure(page, seconds);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  return stats;
}

/** Network steps: at 1× (60 steps a second) they play back for longer than a measurement. */
const NETWORK_STEPS = 600;

/**
 * Two moons network runs through the UI, then the Loss landscape tab in 3D (its default) once
 * the slice is computed: the network's 3D view, measured as the function's is but playing at 1×,
 * about a step per frame.
 */
async function openNetworkLandscape(page: Page): Promise<void> {
  await page.getByLabel('Kind').selectOption('network');
  await page.getByLabel('Dataset', { exact: true }).selectOption('moons');
  await page.getByLabel('Steps', { exact: true }).fill(String(NETWORK_STEPS));
  await page.getByLabel(/Live pace/).fill('0');
  for (const seed of ['1', '2']) {
    await page.getByLabel('Init seed').fill(seed);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
  }
  await page.locator('li.run[data-status="completed"]').nth(1).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Loss landscape', exact: true }).click();
  await page.getByRole('button', { name: '3D', exact: true }).click();
  await page.locator('.landscape-status', { hasText: /(\d+)\/\1 points computed/ }).waitFor({ timeout: 120_000 });
}

const describe = (stats: FrameStats): string =>
  `frame interval median ${stats.intervalMedianMs.toFixed(1)} ms (p95 ${stats.intervalP95Ms.toFixed(1)}), ` +
  `script ${stats.scriptMedianMs.toFixed(2)} ms/frame (p95 ${stats.scriptP95Ms.toFixed(2)}), ` +
  `main thread ${stats.mainThreadMsPerFrame.toFixed(1)} ms/frame, ${stats.frames} frames`;

/**
 * Frame times of the renderer in headless Chromium through `gradscape serve`: the full scene
 * (runs × steps playing back at 10×, contours and descent arrows on; the 3D view, then the 3D
 * view and the 2D map side by side; then two moons network runs' 3D loss landscape, 41 × 41,
 * playing back at 1×) against an empty WebGL canvas of the function view's size measured
 * in the same browser before and after. Prints one line per measurement and the ratios.
 */
export async function benchFrames(options: FrameBenchOptions): Promise<FrameBenchResult> {
  const { print, runs = 10, steps = 10_000, seconds = 5 } = options;
  const host = new RunHost({ workerPath: options.workerPath, log: () => {} });
  const server = await serve({ host, rendererDir: options.rendererDir });
  const browser = await launchHeadlessChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript(FRAME_TIMER);
    await page.goto(server.url);
    await page.locator('main[aria-busy="false"]').waitFor();
    const canvas = (await page.getByLabel('3D loss surface').boundingBox())!;
    const size = { width: Math.round(canvas.width), height: Math.round(canvas.height) };
    await startRuns(page, runs, steps);
    await page.getByLabel('Contour lines').check();
    await page.getByLabel('Descent arrows').check();

    print(
      `frames: headless Chromium (SwiftShader WebGL), ${VIEWPORT.width}×${VIEWPORT.height}, ${runs} runs × ${steps} steps playing at 10×, ${seconds} s each`,
    );
    const before = await emptyCanvas(browser, seconds, size);
    print(`  empty canvas ${size.width}×${size.height}   ${describe(before)}`);
    const scenes: FrameBenchResult['scenes'] = [];
    for (const [name, button] of [
      ['3D view', '3D'],
      ['side by side', 'Side by side'],
    ] as const) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.waitForTimeout(500);
      scenes.push({ name, stats: await measurePlaying(page, seconds), ratio: NaN });
    }
    await openNetworkLandscape(page);
    const landscape = (await page.getByRole('img', { name: /^Loss landscape in 3D/ }).boundingBox())!;
    await page.waitForTimeout(500);
    scenes.push({
      name: `network 3D ${Math.round(landscape.width)}×${Math.round(landscape.height)}`,
      stats: await measurePlaying(page, seconds, '1'),
      ratio: NaN,
    });
    const after = await emptyCanvas(browser, seconds, size);
    print(`  empty canvas again   ${describe(after)}`);
    const empty: FrameStats = {
      intervalMedianMs: (before.intervalMedianMs + after.intervalMedianMs) / 2,
      intervalP95Ms: (before.intervalP95Ms + after.intervalP95Ms) / 2,
      scriptMedianMs: (before.scriptMedianMs + after.scriptMedianMs) / 2,
      scriptP95Ms: (before.scriptP95Ms + after.scriptP95Ms) / 2,
      mainThreadMsPerFrame: (before.mainThreadMsPerFrame + after.mainThreadMsPerFrame) / 2,
      frames: before.frames + after.frames,
    };
    for (const scene of scenes) {
      scene.ratio = scene.stats.intervalMedianMs / empty.intervalMedianMs;
      print(
        `  ${scene.name.padEnd(20)} ${describe(scene.stats)}  → ${scene.ratio.toFixed(2)}× the empty canvas's frame interval`,
      );
    }
    return { empty, scenes };
  } finally {
    await browser.close();
    await server.close();
    await host.close();
  }
}

// @ts-check
// npm test's pretest: the e2e tests need Debian's Chromium and ffprobe at fixed paths. Where one is
// missing, install it with apt-get when we are root (as a CI container is), or else print the one
// command to run and stop before the suite, rather than let the e2e tests fail one by one.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** What the tests run from the system, and the Debian package that brings each. */
export const TEST_TOOLS = [
  { path: '/usr/bin/chromium', debianPackage: 'chromium', use: 'the e2e tests drive it headless' },
  { path: '/usr/bin/ffprobe', debianPackage: 'ffmpeg', use: 'it counts the frames of exported videos' },
];

const APT_GET = '/usr/bin/apt-get';

/**
 * What to do about the tools: nothing, install the missing packages, or stop with a message.
 * @param {{ exists: (path: string) => boolean, isRoot: boolean }} system
 * @returns {{ action: 'none' } | { action: 'install', packages: string[] } | { action: 'stop', message: string }}
 */
export function planTestTools({ exists, isRoot }) {
  const missing = TEST_TOOLS.filter((tool) => !exists(tool.path));
  if (!missing.length) return { action: 'none' };
  const packages = missing.map((tool) => tool.debianPackage);
  const needs = missing.map((tool) => `${tool.path} (${tool.use})`).join(' and ');
  const install = `apt-get install -y ${packages.join(' ')}`;
  if (!exists(APT_GET)) {
    return {
      action: 'stop',
      message: `npm test needs ${needs}; this system has no apt-get: install Debian's ${packages.join(' and ')} packages or their equivalents at those paths`,
    };
  }
  if (!isRoot) return { action: 'stop', message: `npm test needs ${needs}; run once: sudo ${install}` };
  return { action: 'install', packages };
}

/**
 * Carries the plan out; returns the exit code (0: the suite may run).
 * @param {{ exists: (path: string) => boolean, isRoot: boolean, run: (command: string, args: string[]) => void, log: (line: string) => void }} system
 * @returns {number}
 */
export function ensureTestTools(system) {
  const plan = planTestTools(system);
  if (plan.action === 'none') return 0;
  if (plan.action === 'stop') {
    system.log(plan.message);
    return 1;
  }
  system.log(`installing Debian's ${plan.packages.join(' and ')} for the tests`);
  try {
    system.run(APT_GET, ['update', '-qq']);
    system.run(APT_GET, ['install', '-y', '-qq', ...plan.packages]);
  } catch (error) {
    system.log(
      `apt-get could not install ${plan.packages.join(' ')}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
  const still = TEST_TOOLS.filter((tool) => !system.exists(tool.path));
  if (still.length) {
    system.log(`after apt-get, still missing: ${still.map((tool) => tool.path).join(', ')}`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = ensureTestTools({
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    run: (command, args) =>
      execFileSync(command, args, {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }),
    log: (line) => console.error(line),
  });
}

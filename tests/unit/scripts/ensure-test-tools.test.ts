import { describe, expect, it } from 'vitest';
import { ensureTestTools, planTestTools } from '../../../scripts/ensure-test-tools.mjs';

const CHROMIUM = '/usr/bin/chromium';
const FFPROBE = '/usr/bin/ffprobe';
const APT_GET = '/usr/bin/apt-get';

/** A fake system holding these files; apt-get "installs" a package by adding its tool's file. */
function fakeSystem(
  files: string[],
  { isRoot, aptInstalls = true, aptFails = false }: { isRoot: boolean; aptInstalls?: boolean; aptFails?: boolean },
) {
  const present = new Set(files);
  const commands: string[] = [];
  const lines: string[] = [];
  const provides: Record<string, string> = { chromium: CHROMIUM, ffmpeg: FFPROBE };
  return {
    commands,
    lines,
    system: {
      isRoot,
      exists: (path: string) => present.has(path),
      run: (command: string, args: string[]) => {
        commands.push([command, ...args].join(' '));
        if (aptFails) throw new Error('E: Unable to locate package chromium');
        if (aptInstalls && args[0] === 'install')
          for (const name of args.slice(1)) if (provides[name]) present.add(provides[name]);
      },
      log: (line: string) => lines.push(line),
    },
  };
}

describe('npm test’s pretest: the system tools the e2e tests need', () => {
  it('does nothing when Chromium and ffprobe are there, even without apt-get or root', () => {
    const fake = fakeSystem([CHROMIUM, FFPROBE], { isRoot: false });
    expect(ensureTestTools(fake.system)).toBe(0);
    expect(fake.commands).toEqual([]);
    expect(fake.lines).toEqual([]);
  });

  it('as root with apt-get, installs only what is missing, then lets the suite run', () => {
    const fake = fakeSystem([APT_GET, CHROMIUM], { isRoot: true });
    expect(ensureTestTools(fake.system)).toBe(0);
    expect(fake.commands).toEqual([`${APT_GET} update -qq`, `${APT_GET} install -y -qq ffmpeg`]);

    const bare = fakeSystem([APT_GET], { isRoot: true });
    expect(planTestTools(bare.system)).toEqual({ action: 'install', packages: ['chromium', 'ffmpeg'] });
    expect(ensureTestTools(bare.system)).toBe(0);
    expect(bare.commands.at(-1)).toBe(`${APT_GET} install -y -qq chromium ffmpeg`);
  });

  it('not root: prints the one command to run and stops before the suite, installing nothing', () => {
    const fake = fakeSystem([APT_GET, FFPROBE], { isRoot: false });
    expect(ensureTestTools(fake.system)).toBe(1);
    expect(fake.commands).toEqual([]);
    expect(fake.lines).toHaveLength(1);
    expect(fake.lines[0]).toContain(CHROMIUM);
    expect(fake.lines[0]).toMatch(/run once: sudo apt-get install -y chromium$/);
  });

  it('without apt-get: names what is missing and stops, running nothing', () => {
    const fake = fakeSystem([], { isRoot: true });
    expect(ensureTestTools(fake.system)).toBe(1);
    expect(fake.commands).toEqual([]);
    expect(fake.lines[0]).toMatch(/needs \/usr\/bin\/chromium .* and \/usr\/bin\/ffprobe .*no apt-get/);
  });

  it('stops when apt-get fails, or leaves a tool missing, saying which', () => {
    const failing = fakeSystem([APT_GET], { isRoot: true, aptFails: true });
    expect(ensureTestTools(failing.system)).toBe(1);
    expect(failing.lines.at(-1)).toMatch(/could not install chromium ffmpeg: E: Unable to locate package chromium/);

    const noEffect = fakeSystem([APT_GET, FFPROBE], { isRoot: true, aptInstalls: false });
    expect(ensureTestTools(noEffect.system)).toBe(1);
    expect(noEffect.lines.at(-1)).toBe(`after apt-get, still missing: ${CHROMIUM}`);
  });
});

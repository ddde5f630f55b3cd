import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

/**
 * electron-builder's config, checked without electron-builder (its packaging downloads Electron
 * and needs Node 22): its own JSON schema for names and types, our checks for what matters here.
 */
const buildDir = join(repoRoot, 'build');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const config = readJson(join(buildDir, 'electron-builder.json'));
const packageJson = readJson(join(repoRoot, 'package.json'));

describe('build/electron-builder.json', () => {
  it('is valid by app-builder-lib’s own schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(readJson(join(buildDir, 'electron-builder.schema.json')));
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(valid).toBe(true);
    // The schema does catch mistakes: a misspelt option and a wrong type are refused.
    expect(validate({ ...config, asarUnpak: [] })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } })).toBe(false);
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; asar only, with integrity checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('targets AppImage and deb, dmg, and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('ships dist/ and package.json without node_modules, and the entry point is among them', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**/*', '!node_modules']));
    expect(packageJson.main).toMatch(/^dist\//);
    expect(config.asarUnpack).toContain('dist/worker.mjs');
    expect(packageJson.scripts.dist).toContain('--config build/electron-builder.json');
  });
});

interface Png {
  width: number;
  height: number;
}

/** Reads a PNG's size from its IHDR, after checking the signature. */
function pngSize(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('icons', () => {
  it('Linux: a PNG per size, each as large as its name says, up to 1024 px', () => {
    const icons = readdirSync(join(buildDir, 'icons'));
    const sizes = icons.map((name) => {
      const size = Number(/^(\d+)x\1\.png$/.exec(name)?.[1]);
      expect(pngSize(readFileSync(join(buildDir, 'icons', name)))).toEqual({ width: size, height: size });
      return size;
    });
    expect(sizes.sort((a, b) => a - b)).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512, 1024]));
    expect(pngSize(readFileSync(join(buildDir, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it('macOS: an ICNS whose entries fill the file and include the 1024 px (512@2x) PNG', () => {
    const icns = readFileSync(join(buildDir, config.mac.icon.replace(/^build\//, '')));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries = new Map<string, Png>();
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      entries.set(icns.toString('ascii', at, at + 4), pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))));
    }
    expect(entries.get('ic10')).toEqual({ width: 1024, height: 1024 });
    expect(entries.get('ic09')).toEqual({ width: 512, height: 512 });
    expect(entries.get('ic07')).toEqual({ width: 128, height: 128 });
  });

  it('Windows: an ICO whose directory matches its PNGs and includes 256 px', () => {
    const ico = readFileSync(join(buildDir, config.win.icon.replace(/^build\//, '')));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const at = 6 + 16 * i;
      const size = ico.readUInt8(at) || 256;
      const [length, offset] = [ico.readUInt32LE(at + 8), ico.readUInt32LE(at + 12)];
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width: size, height: size });
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});

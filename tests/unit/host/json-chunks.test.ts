import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeJsonFileAtomic } from '../../../electron/host/atomic-write';
import { jsonChunks } from '../../../electron/host/json-chunks';

const directory = mkdtempSync(join(tmpdir(), 'gradscape-json-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('JSON in chunks', () => {
  it('is JSON.stringify’s text, piece by piece, none much longer than 64 K characters', () => {
    const value = {
      format: 'gradscape.run',
      quoted: 'a "b"\n\u2028é',
      skipped: undefined,
      runs: Array.from({ length: 3 }, (_, k) => ({
        name: `r${k}`,
        loss: Array.from({ length: 20_000 }, (_, i) =>
          i === 7 ? Number.NaN : i === 8 ? -Infinity : Math.sin(i * (k + 1)) * 1e-7,
        ),
        trajectory: Array.from({ length: 5000 }, (_, i) => [i, -0 * i]),
        events: [{ type: 'plateau', step: 3, endStep: undefined, flag: true, none: null }],
        holes: [undefined, () => 1, 1],
      })),
      empty: { list: [], object: {} },
      // Longer than a piece: it goes on alone, after what came before it.
      long: { before: 1, text: 'é"'.repeat(40_000), after: [2] },
    };
    const chunks = [...jsonChunks(value)];
    expect(chunks.join('')).toBe(JSON.stringify(value));
    expect(chunks.length).toBeGreaterThan(10);
    // Pieces of leaves are cut at 64 K and joined up to 64 K: at most twice that, with one short leaf.
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(2 * 65_536 + 64);
  });

  it('gives a text longer than a string can be (the 7 × 1e6-step run file’s case) in bounded pieces', () => {
    // 570 MB of JSON from 14 MB of memory: a million numbers and a 10 MB message, each referenced many times.
    const loss = Array.from({ length: 1_000_000 }, (_, i) => 0.1234567890123 + i);
    const message = 'x'.repeat(10_000_000);
    const run = { name: 'r', loss, events: Array(50).fill({ message }) };
    let [length, longest, head] = [0, 0, ''];
    for (const chunk of jsonChunks({ runs: [run, run, run, run] })) {
      if (length < 40) head += chunk.slice(0, 40 - length);
      length += chunk.length;
      longest = Math.max(longest, chunk.length);
    }
    // Longer than V8's longest string, where JSON.stringify throws "Invalid string length".
    expect(length).toBeGreaterThan(2 ** 29);
    const events = 50 * `{"message":""}`.length + 50 * message.length + 49;
    const perRun = `{"name":"r","loss":${JSON.stringify(loss)},"events":[]}`.length + events;
    expect(length).toBe('{"runs":['.length + 4 * perRun + 3 + ']}'.length);
    expect(head).toBe(`{"runs":[{"name":"r","loss":[${loss[0]},${loss[1]}`.slice(0, 40));
    // A string leaf is one piece: the 10 MB message, with its quotes and key.
    expect(longest).toBeLessThan(message.length + 2 * 65_536);
  }, 60_000);

  it('writes atomically: the file and a line break, or no file and no temporary file', async () => {
    const path = join(directory, 'missing-folder', 'run.json');
    await expect(writeJsonFileAtomic(path, { a: 1 })).rejects.toThrow(/ENOENT/);
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await writeJsonFileAtomic(join(directory, 'small.json'), { a: [1, 2] });
    expect(readFileSync(join(directory, 'small.json'), 'utf8')).toBe('{"a":[1,2]}\n');
  });
});

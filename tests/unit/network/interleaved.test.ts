import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { formatRatios, interleave, roundRatios, spread } from '../../../electron/bench/interleaved';
import { TorchReference } from '../../../electron/bench/torch-reference';

it('alternates the sides round by round, in their order, and skips a missing one', async () => {
  const calls: string[] = [];
  const side = (name: string, rates: number[]) => (seconds: number) => {
    calls.push(`${name}:${seconds}`);
    return Promise.resolve(rates[calls.filter((call) => call.startsWith(name)).length - 1]!);
  };
  const rates = await interleave(
    { ours: side('ours', [4, 6, 9]), theirs: side('theirs', [2, 2, 3]), tfjs: undefined },
    3,
    0.5,
  );
  expect(calls).toEqual(['ours:0.5', 'theirs:0.5', 'ours:0.5', 'theirs:0.5', 'ours:0.5', 'theirs:0.5']);
  expect(rates).toEqual({ ours: [4, 6, 9], theirs: [2, 2, 3] });
});

it('reports the median of the per-round ratios with their range, not the ratio of medians', () => {
  // Load rose for both sides in the last round: its ratio is as good as the others'.
  expect(roundRatios([10, 12, 3], [5, 4, 1])).toEqual({ median: 3, min: 2, max: 3 });
  expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
  expect(formatRatios({ median: 3.214, min: 2.9, max: 3.551 }, 'PyTorch')).toBe('3.21× PyTorch (2.90–3.55)');
});

it('says why PyTorch is missing when its python cannot start', async () => {
  const reference = await TorchReference.start(process.cwd(), '/nonexistent/python3');
  expect(reference).toEqual({ missing: '/nonexistent/python3 has no torch (apt-get install python3-torch)' });
});

it.runIf(existsSync('/usr/bin/python3'))(
  'keeps one PyTorch process answering rounds, or says why it cannot',
  async () => {
    const reference = await TorchReference.start(join(__dirname, '../../..'));
    if ('missing' in reference) return expect(reference.missing).toMatch(/\S/);
    try {
      const name = '2-16-16-1 tanh bce, 1000 spiral points';
      for (let round = 0; round < 2; round++)
        expect(await reference.request({ train: name, seconds: 0.05 })).toBeGreaterThan(0);
      expect(await reference.request({ landscape: name, seconds: 0.05 })).toBeGreaterThan(0);
      await expect(reference.request({ train: 'no such model', seconds: 0.05 })).rejects.toThrow(/KeyError/);
    } finally {
      reference.close();
    }
  },
  60_000,
);

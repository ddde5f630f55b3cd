import { describe, expect, it } from 'vitest';
import { clientMessageSchema, type LandscapeRequest } from '../../../shared/protocol';
import { LandscapeCache, landscapeCacheKey } from '../../../electron/host/landscape-cache';

function request(problem: unknown, d1 = Float64Array.of(1, 0, 0)): LandscapeRequest {
  return clientMessageSchema.parse({
    type: 'landscape',
    requestId: 'r',
    problem,
    center: Float64Array.of(0.5, 0.25, 1),
    d1,
    d2: Float64Array.of(0, 1, 0),
    alphas: Float64Array.of(-1, 0, 1),
    betas: Float64Array.of(-1, 1),
  }) as LandscapeRequest;
}
const named = (hidden: number[]) => ({
  mlp: { dataset: { name: 'xor', seed: 2 }, hidden, activation: 'tanh', loss: 'bce' },
});

describe('the landscape cache key', () => {
  it('is the same for the same content, whatever the key order, and changes with any input', () => {
    const key = landscapeCacheKey(request(named([1])));
    const reordered = { mlp: { loss: 'bce', activation: 'tanh', hidden: [1], dataset: { seed: 2, name: 'xor' } } };
    expect(landscapeCacheKey(request(reordered))).toBe(key);
    expect(landscapeCacheKey(request(named([2])))).not.toBe(key);
    expect(landscapeCacheKey(request(named([1]), Float64Array.of(1, 0, 1e-12)))).not.toBe(key);
  });

  it('hashes a CSV dataset by its content and the rest of the problem', () => {
    const csv = (csvText: string, target = 'y') => ({
      mlp: { dataset: { csvText, target }, hidden: [1], activation: 'tanh', loss: 'bce' },
    });
    const before = landscapeCacheKey(request(csv('x,y\n0,0\n1,1\n')));
    expect(landscapeCacheKey(request(csv('x,y\n0,0\n1,1\n')))).toBe(before);
    expect(landscapeCacheKey(request(csv('x,y\n0,1\n1,0\n')))).not.toBe(before);
    expect(landscapeCacheKey(request(csv('x,y\n0,0\n1,1\n', 'x')))).not.toBe(before);
  });
});

describe('the landscape cache', () => {
  it('keeps grids up to its byte budget, evicting the least recently used', () => {
    const cache = new LandscapeCache(3 * 8 * 10);
    const grid = (value: number) => new Float64Array(10).fill(value);
    cache.set('a', grid(1));
    cache.set('b', grid(2));
    cache.set('c', grid(3));
    expect(cache.get('a')?.[0]).toBe(1);
    cache.set('d', grid(4));
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a')?.[0], cache.get('c')?.[0], cache.get('d')?.[0]]).toEqual([1, 3, 4]);
    cache.set('huge', new Float64Array(100));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')?.[0]).toBe(1);
  });
});

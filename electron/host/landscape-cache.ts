import { createHash } from 'node:crypto';
import type { LandscapeRequest } from '../../shared/protocol';
import { separateCsvText } from '../../shared/spec/network-spec';

/**
 * Finished landscape grids by content hash, least recently used first out, up to a byte
 * budget: reopening a slice is answered from here at once.
 */
export class LandscapeCache {
  private readonly grids = new Map<string, Float64Array>();
  private bytes = 0;

  constructor(private readonly maxBytes = DEFAULT_MAX_BYTES) {}

  get(key: string): Float64Array | undefined {
    const grid = this.grids.get(key);
    if (grid) {
      this.grids.delete(key);
      this.grids.set(key, grid);
    }
    return grid;
  }

  set(key: string, grid: Float64Array): void {
    if (grid.byteLength > this.maxBytes) return;
    const old = this.grids.get(key);
    if (old) this.bytes -= old.byteLength;
    this.grids.delete(key);
    this.grids.set(key, grid);
    this.bytes += grid.byteLength;
    for (const [oldest, value] of this.grids) {
      if (this.bytes <= this.maxBytes) break;
      this.grids.delete(oldest);
      this.bytes -= value.byteLength;
    }
  }
}

/** 401 × 401 grids take 1.3 MB each. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The content hash of what a landscape's values depend on: the model and the data (the problem as
 * parsed, defaults filled — a named dataset is made from its spec, a CSV is its content), the
 * parameters and directions, and the grid.
 */
export function landscapeCacheKey(request: LandscapeRequest): string {
  const hash = createHash('sha256');
  const { csvText, problem } = splitCsvText(request.problem);
  hash.update(canonicalJson(problem));
  // A CSV's content hashed as it is: its JSON would first copy megabytes, escaped, per request.
  if (csvText !== undefined) hash.update(`|csv ${csvText.length}|`).update(csvText);
  for (const array of [request.center, request.d1, request.d2, request.alphas, request.betas]) {
    hash.update(`|${array.length}|`);
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return hash.digest('hex');
}

/** The problem without its CSV's content, and that content. */
function splitCsvText(problem: LandscapeRequest['problem']): { csvText?: string; problem: unknown } {
  if (!('mlp' in problem)) return { problem };
  const { csvText, rest } = separateCsvText(problem.mlp);
  return { csvText, problem: { ...problem, mlp: rest } };
}

/** JSON with object keys sorted, so equal values hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

import { describe, expect, it } from 'vitest';
import { encodeNpy } from '../../../renderer/src/export/npy';
import { RUN_CSV_COLUMNS, runsCsv, surfaceCsv } from '../../../renderer/src/export/tables';
import type { RunEntry, SurfaceData } from '../../../renderer/src/store/app-model';
import { RunSeries } from '../../../renderer/src/store/run-series';

/** Reads a .npy file as numpy.lib.format does, checking each rule of format version 1.0. */
function parseNpy(bytes: Uint8Array): { header: string; shape: number[]; values: number[] } {
  expect(Array.from(bytes.subarray(0, 6))).toEqual([0x93, ...Buffer.from('NUMPY')]);
  expect([bytes[6], bytes[7]]).toEqual([1, 0]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint16(8, true);
  const dataStart = 10 + headerLength;
  expect(dataStart % 64).toBe(0);
  const header = Buffer.from(bytes.subarray(10, dataStart)).toString('latin1');
  expect(header.endsWith('\n')).toBe(true);
  expect(header).toMatch(/^\{'descr': '<f8', 'fortran_order': False, 'shape': \(([\d, ]*)\), \} *\n$/);
  const shape = header
    .match(/'shape': \(([^)]*)\)/)![1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  expect(bytes.byteLength).toBe(dataStart + 8 * count);
  const values = Array.from({ length: count }, (_, k) => view.getFloat64(dataStart + 8 * k, true));
  return { header, shape, values };
}

describe('NPY export', () => {
  it('writes a version 1.0 header numpy reads, then the values in C order', () => {
    const values = Float64Array.from([0, 1.5, -2, 3e300, Number.NaN, -0.25]);
    const parsed = parseNpy(encodeNpy(values, [2, 3]));
    expect(parsed.shape).toEqual([2, 3]);
    expect(parsed.header).toContain("'shape': (2, 3), }");
    expect(parsed.values.slice(0, 4)).toEqual([0, 1.5, -2, 3e300]);
    expect(parsed.values[4]).toBeNaN();
    expect(parsed.values[5]).toBe(-0.25);
  });

  it('writes a one-element tuple for a vector and refuses a shape that does not fit', () => {
    const parsed = parseNpy(encodeNpy(Float64Array.from([1, 2, 3]), [3]));
    expect(parsed.header).toContain("'shape': (3,), }");
    expect(parsed.values).toEqual([1, 2, 3]);
    expect(() => encodeNpy(Float64Array.from([1, 2, 3]), [2, 2])).toThrow(/shape/);
  });
});

describe('CSV export', () => {
  it('writes the surface as x, y, loss rows, row-major in y', () => {
    const surface: SurfaceData = {
      x: Float64Array.from([0, 1]),
      y: Float64Array.from([10, 20]),
      z: Float64Array.from([1, 2, 3, 4]),
      zMin: 1,
      zMax: 4,
      criticalPoints: [],
    };
    expect(surfaceCsv(surface)).toBe('x,y,loss\n0,10,1\n1,10,2\n0,20,3\n1,20,4\n');
  });

  it('writes one row per run and step with the columns step, x, y, loss, gradNorm, lr', () => {
    const series = new RunSeries(3);
    series.append({
      type: 'frames',
      runId: 'a',
      fromStep: 0,
      points: Float64Array.from([1, 2, 3, 4]),
      loss: Float64Array.from([5, Number.POSITIVE_INFINITY]),
      gradNorm: Float64Array.from([6, 7]),
      lr: Float64Array.from([0.1, 0.1]),
      events: [],
    });
    const run = { name: 'sgd, "fast"', series } as RunEntry;
    const lines = runsCsv([run]).trimEnd().split('\n');
    expect(lines[0]).toBe(RUN_CSV_COLUMNS.join(','));
    expect(RUN_CSV_COLUMNS.slice(1)).toEqual(['step', 'x', 'y', 'loss', 'gradNorm', 'lr']);
    expect(lines.slice(1)).toEqual(['"sgd, ""fast""",0,1,2,5,6,0.1', '"sgd, ""fast""",1,3,4,inf,7,0.1']);
  });
});

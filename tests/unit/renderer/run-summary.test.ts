import { describe, expect, it } from 'vitest';
import {
  sortSummaries,
  summariesToCsv,
  summarizeRun,
  type RunSummary,
} from '../../../renderer/src/compare/run-summary';
import type { RunEntry } from '../../../renderer/src/store/app-model';
import { RunSeries } from '../../../renderer/src/store/run-series';

function runWithLoss(loss: number[]): RunEntry {
  const series = new RunSeries(loss.length);
  series.append({
    type: 'frames',
    runId: 'r',
    fromStep: 0,
    loss: Float64Array.from(loss),
    gradNorm: new Float64Array(loss.length),
    lr: new Float64Array(loss.length),
    events: [],
  });
  return {
    id: 'r',
    name: 'a,"b"',
    series,
    count: series.count,
    events: [],
    status: 'completed',
  } as unknown as RunEntry;
}

describe('run summary', () => {
  it('takes final and best loss and the first step at or below the threshold', () => {
    const summary = summarizeRun(runWithLoss([4, 2, 0.5, 0.9, 0.1, 0.3]), 0.5);
    expect(summary).toMatchObject({ finalLoss: 0.3, bestLoss: 0.1, stepsToThreshold: 2 });
    expect(summarizeRun(runWithLoss([4, 2]), 0.5).stepsToThreshold).toBeNull();
  });

  it('reads only the new points as frames stream in, and starts over for a new threshold', () => {
    const run = runWithLoss([4, 2, 0.5]);
    const series = new RunSeries(6);
    series.append({
      type: 'frames',
      runId: 'r',
      fromStep: 0,
      loss: Float64Array.of(4, 2, 0.9),
      gradNorm: new Float64Array(3),
      lr: new Float64Array(3),
      events: [],
    });
    const streaming = { ...run, series } as RunEntry;
    expect(summarizeRun(streaming, 0.5)).toMatchObject({ bestLoss: 0.9, stepsToThreshold: null });
    series.append({
      type: 'frames',
      runId: 'r',
      fromStep: 3,
      loss: Float64Array.of(0.4, 0.1, 0.3),
      gradNorm: new Float64Array(3),
      lr: new Float64Array(3),
      events: [],
    });
    expect(summarizeRun(streaming, 0.5)).toMatchObject({ finalLoss: 0.3, bestLoss: 0.1, stepsToThreshold: 3 });
    expect(summarizeRun(streaming, 2)).toMatchObject({ stepsToThreshold: 1 });
  });

  it('sorts either way with missing values last', () => {
    const rows = [
      { name: 'a', finalLoss: 2, stepsToThreshold: null },
      { name: 'b', finalLoss: NaN, stepsToThreshold: 5 },
      { name: 'c', finalLoss: 1, stepsToThreshold: 3 },
    ] as RunSummary[];
    expect(sortSummaries(rows, 'finalLoss', true).map((r) => r.name)).toEqual(['c', 'a', 'b']);
    expect(sortSummaries(rows, 'finalLoss', false).map((r) => r.name)).toEqual(['a', 'c', 'b']);
    expect(sortSummaries(rows, 'stepsToThreshold', true).map((r) => r.name)).toEqual(['c', 'b', 'a']);
  });

  it('writes RFC 4180 CSV, quoting what needs it and leaving missing values empty', () => {
    const csv = summariesToCsv([summarizeRun(runWithLoss([1, 0.2]), 0.01)], 0.01);
    expect(csv).toBe('name,finalLoss,bestLoss,stepsToLoss<=0.01,events,status\n"a,""b""",0.2,0.2,,0,completed\n');
  });
});

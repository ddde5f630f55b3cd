import { describe, expect, it } from 'vitest';
import {
  BASE_STEPS_PER_SECOND,
  createClock,
  currentStep,
  forkClock,
  playClock,
  seekClock,
  tickClock,
} from '../../../renderer/src/playback/playback-clock';
import { lastStepOf } from '../../../renderer/src/playback/run-step';
import type { RunEntry } from '../../../renderer/src/store/app-model';
import { tickPanelClock } from '../../../renderer/src/panels/panel-clock';
import { ALL_RUNS, panelRunId } from '../../../renderer/src/store/panel-store';

/** Runs as the clocks see them: an id and how many points have streamed in. */
const runs = (...counts: number[]) =>
  counts.map((count, k) => ({ id: `run-${k + 1}`, series: { count } }) as unknown as RunEntry);

/** One animation frame as the playback loop runs it: the global clock, then each panel's own. */
function frame(
  seconds: number,
  global: ReturnType<typeof createClock>,
  panels: [ReturnType<typeof createClock>, string | null][],
  all: RunEntry[],
): void {
  tickClock(global, seconds, lastStepOf(all));
  for (const [clock, runId] of panels) tickPanelClock(clock, seconds, all, runId);
}

describe('per-panel clocks', () => {
  it('an unlocked panel starts where the global timeline was, and then goes its own way', () => {
    const all = runs(301, 1501);
    const global = createClock();
    frame(0, global, [], all);
    seekClock(global, 120);
    const panel = forkClock(global);
    expect([currentStep(panel), panel.follow, panel.playing]).toEqual([120, false, false]);
    seekClock(global, 10);
    frame(1 / 60, global, [[panel, 'run-2']], all);
    expect([currentStep(global), currentStep(panel)]).toEqual([10, 120]);
  });

  it('ends at the newest step of its own run; following live, each panel shows its run streaming in', () => {
    let all = runs(50, 80);
    const global = createClock();
    const [first, second, both] = [forkClock(global), forkClock(global), forkClock(global)];
    const panels: [typeof first, string | null][] = [
      [first, 'run-1'],
      [second, 'run-2'],
      [both, null],
    ];
    frame(1 / 60, global, panels, all);
    expect([first, second, both, global].map(currentStep)).toEqual([49, 79, 79, 79]);
    all = runs(120, 90);
    frame(1 / 60, global, panels, all);
    expect([first, second, both, global].map(currentStep)).toEqual([119, 89, 119, 119]);
    expect(first.lastStep).toBe(119);
  });

  it('scrubbing or playing one panel moves neither the others nor the global timeline', () => {
    const all = runs(601, 601);
    const global = createClock();
    frame(0, global, [], all);
    const [first, second] = [forkClock(global), forkClock(global)];
    const panels: [typeof first, string][] = [
      [first, 'run-1'],
      [second, 'run-2'],
    ];
    seekClock(first, 100);
    playClock(first);
    for (let k = 0; k < 30; k++) frame(1 / 60, global, panels, all);
    expect(currentStep(first)).toBe(100 + 30 * (BASE_STEPS_PER_SECOND / 60));
    expect(first.playing).toBe(true);
    expect([currentStep(second), second.follow, currentStep(global), global.follow]).toEqual([600, true, 600, true]);
  });
});

describe('which run a panel shows', () => {
  const shown = runs(10, 10, 10);
  it('panel k shows run k by default, all runs past the last run, or what was chosen while it is shown', () => {
    expect([0, 1, 2, 3].map((panel) => panelRunId(undefined, shown, panel))).toEqual(['run-1', 'run-2', 'run-3', null]);
    expect(panelRunId('run-3', shown, 0)).toBe('run-3');
    expect(panelRunId(ALL_RUNS, shown, 0)).toBeNull();
    // A chosen run that was removed or hidden gives way to the default.
    expect(panelRunId('run-9', shown, 1)).toBe('run-2');
  });
});

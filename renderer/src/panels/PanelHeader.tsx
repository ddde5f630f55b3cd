import { useEffect, useRef } from 'react';
import { currentStep } from '../playback/playback-clock';
import { onPlaybackFrame } from '../store/playback-store';
import { runStepAt } from '../playback/run-step';
import { formatValue } from '../../../shared/format-number';
import { ReadoutValue, StepReadout } from '../sidebar/StepReadout';
import { useViewClock } from '../scene/view-source';
import type { RunEntry } from '../store/app-model';
import { ALL_RUNS, usePanelStore } from '../store/panel-store';

/** A panel of all runs: the step, and the lowest loss there with the run that has it. */
function GroupReadout({ runs, label }: { runs: readonly RunEntry[]; label: string }) {
  const clock = useViewClock();
  const step = useRef<HTMLElement>(null);
  const lowest = useRef<HTMLElement>(null);
  useEffect(() => {
    let shown = -1;
    let shownCount = -1;
    return onPlaybackFrame(() => {
      const now = currentStep(clock);
      let count = 0;
      for (let r = 0; r < runs.length; r++) count += runs[r]!.series.count;
      if (now === shown && count === shownCount) return;
      shown = now;
      shownCount = count;
      let best: RunEntry | null = null;
      let bestLoss = Infinity;
      for (let r = 0; r < runs.length; r++) {
        const { series } = runs[r]!;
        if (series.count === 0) continue;
        const loss = series.loss[runStepAt(series, now)]!;
        if (loss < bestLoss) {
          best = runs[r]!;
          bestLoss = loss;
        }
      }
      step.current!.textContent = String(now);
      lowest.current!.textContent = best ? `${formatValue(bestLoss)} (${best.name})` : '—';
    });
  }, [runs, clock]);
  return (
    <dl className="step-readout" aria-label={label}>
      <ReadoutValue term="at step" value={step} />
      <ReadoutValue term="lowest loss" value={lowest} />
    </dl>
  );
}

/** A panel's choice of runs, their colours, and their step and loss on the panel's clock. */
export function PanelHeader({
  index,
  run,
  shownRuns,
}: {
  index: number;
  run: RunEntry | null;
  shownRuns: readonly RunEntry[];
}) {
  const choose = usePanelStore((state) => state.choose);
  const name = `Panel ${index + 1}`;
  return (
    <header className="viewport-header">
      <span className="viewport-swatches" aria-hidden="true">
        {(run ? [run] : shownRuns).map((entry) => (
          <span key={entry.id} className="swatch" style={{ background: entry.color }} />
        ))}
      </span>
      <select
        aria-label={`${name} shows`}
        value={run?.id ?? ALL_RUNS}
        onChange={(event) => choose(index, event.target.value)}
      >
        {shownRuns.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
        <option value={ALL_RUNS}>All runs</option>
      </select>
      {run ? (
        <StepReadout run={run} label={`${name}: ${run.name} at its step`} />
      ) : (
        <GroupReadout runs={shownRuns} label={`${name}: all runs at its step`} />
      )}
    </header>
  );
}

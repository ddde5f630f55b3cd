import { useEffect, useRef, type RefObject } from 'react';
import { currentStep } from '../playback/playback-clock';
import { onPlaybackFrame } from '../store/playback-store';
import { runStepAt } from '../playback/run-step';
import { formatValue } from '../../../shared/format-number';
import { useViewClock } from '../scene/view-source';
import type { RunEntry } from '../store/app-model';

/**
 * A run's loss, gradient norm and learning rate at the step of the view's clock (the global one
 * unless inside a panel with its own), written in the playback loop.
 */
export function StepReadout({ run, label = `${run.name} at the playback step` }: { run: RunEntry; label?: string }) {
  const clock = useViewClock();
  const step = useRef<HTMLElement>(null);
  const loss = useRef<HTMLElement>(null);
  const gradNorm = useRef<HTMLElement>(null);
  const lr = useRef<HTMLElement>(null);
  useEffect(() => {
    let shown = -1;
    return onPlaybackFrame(() => {
      const { series } = run;
      const k = series.count > 0 ? runStepAt(series, currentStep(clock)) : -1;
      if (k === shown) return;
      shown = k;
      step.current!.textContent = k >= 0 ? String(k) : '—';
      loss.current!.textContent = k >= 0 ? formatValue(series.loss[k]) : '—';
      gradNorm.current!.textContent = k >= 0 ? formatValue(series.gradNorm[k]) : '—';
      lr.current!.textContent = k >= 0 ? formatValue(series.lr[k]) : '—';
    });
  }, [run, clock]);
  return (
    <dl className="step-readout" aria-label={label}>
      <ReadoutValue term="at step" value={step} />
      <ReadoutValue term="loss" value={loss} />
      <ReadoutValue term="‖∇‖" title="gradient norm" value={gradNorm} />
      <ReadoutValue term="lr" title="learning rate" value={lr} />
    </dl>
  );
}

/** One term of a read-out; the playback loop writes its value through `value`. */
export function ReadoutValue({
  term,
  title,
  value,
}: {
  term: string;
  title?: string;
  value: RefObject<HTMLElement | null>;
}) {
  return (
    <div>
      <dt title={title}>{term}</dt>
      <dd ref={value}>—</dd>
    </div>
  );
}

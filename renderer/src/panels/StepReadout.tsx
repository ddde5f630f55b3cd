import { useEffect, useRef } from 'react';
import { currentStep } from '../playback/playback-clock';
import { onPlaybackFrame, playbackClock } from '../playback/playback-store';
import { runStepAt } from '../playback/run-step';
import { formatValue } from '../plot/format-number';
import type { RunEntry } from '../store/app-store';

/** A run's loss, gradient norm and learning rate at the playback step, written in the playback loop. */
export function StepReadout({ run }: { run: RunEntry }) {
  const step = useRef<HTMLElement>(null);
  const loss = useRef<HTMLElement>(null);
  const gradNorm = useRef<HTMLElement>(null);
  const lr = useRef<HTMLElement>(null);
  useEffect(() => {
    let shown = -1;
    return onPlaybackFrame(() => {
      const { series } = run;
      const k = series.count > 0 ? runStepAt(series, currentStep(playbackClock)) : -1;
      if (k === shown) return;
      shown = k;
      step.current!.textContent = k >= 0 ? String(k) : '—';
      loss.current!.textContent = k >= 0 ? formatValue(series.loss[k]) : '—';
      gradNorm.current!.textContent = k >= 0 ? formatValue(series.gradNorm[k]) : '—';
      lr.current!.textContent = k >= 0 ? formatValue(series.lr[k]) : '—';
    });
  }, [run]);
  return (
    <dl className="step-readout" aria-label={`${run.name} at the playback step`}>
      <div>
        <dt>at step</dt>
        <dd ref={step}>—</dd>
      </div>
      <div>
        <dt>loss</dt>
        <dd ref={loss}>—</dd>
      </div>
      <div>
        <dt title="gradient norm">‖∇‖</dt>
        <dd ref={gradNorm}>—</dd>
      </div>
      <div>
        <dt title="learning rate">lr</dt>
        <dd ref={lr}>—</dd>
      </div>
    </dl>
  );
}

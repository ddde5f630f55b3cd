import { useEffect, useRef } from 'react';
import { currentStep, type PlaybackClock } from '../playback/playback-clock';
import { onPlaybackFrame } from '../store/playback-store';

/**
 * A scrubber and a step counter on `clock`: both are written in the playback loop, not rendered
 * by React per step, and moving the scrubber calls `seek` (which must keep its identity).
 */
export function ClockScrubber({
  clock,
  seek,
  scrubberLabel,
  counterLabel,
}: {
  clock: PlaybackClock;
  seek: (step: number) => void;
  scrubberLabel: string;
  counterLabel: string;
}) {
  const { scrubber, counter } = useClockScrubber(clock, seek);
  return (
    <>
      <input
        ref={scrubber}
        className="scrubber"
        type="range"
        min={0}
        max={0}
        step={1}
        defaultValue={0}
        aria-label={scrubberLabel}
      />
      <output ref={counter} className="step-counter" aria-label={counterLabel}>
        step 0 / 0
      </output>
    </>
  );
}

function useClockScrubber(clock: PlaybackClock, seek: (step: number) => void) {
  const scrubber = useRef<HTMLInputElement>(null);
  const counter = useRef<HTMLOutputElement>(null);

  useEffect(() => {
    const range = scrubber.current!;
    // A native listener: React's onChange skips values it saw this loop write into the input.
    const onInput = (): void => seek(Number(range.value));
    range.addEventListener('input', onInput);
    const shown = { step: -1, last: -1 };
    const show = (): void => {
      const now = currentStep(clock);
      const last = clock.lastStep;
      if (now === shown.step && last === shown.last) return;
      shown.step = now;
      shown.last = last;
      range.max = String(last);
      range.value = String(now);
      range.setAttribute('aria-valuetext', `step ${now} of ${last}`);
      counter.current!.textContent = `step ${now} / ${last}`;
    };
    // At once, not at the next frame: a scrubber left at max 0 would clamp the first move to 0.
    show();
    const stopListening = onPlaybackFrame(show);
    return () => {
      stopListening();
      range.removeEventListener('input', onInput);
    };
  }, [clock, seek]);

  return { scrubber, counter };
}

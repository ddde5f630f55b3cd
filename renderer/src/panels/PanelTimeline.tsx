import { PauseIcon, PlayIcon } from '../sidebar/icons';
import { useClockScrubber } from '../sidebar/use-clock-scrubber';
import type { PanelClock } from './use-panel-clock';

/** A panel's own play/pause and scrubber, shown while the timeline is unlocked. */
export function PanelTimeline({ index, panelClock }: { index: number; panelClock: PanelClock }) {
  const { clock, playing, togglePlay, seek } = panelClock;
  const { scrubber, counter } = useClockScrubber(clock, seek);
  const name = `panel ${index + 1}`;
  return (
    <div className="timeline panel-timeline" role="group" aria-label={`Playback of ${name}`}>
      <button
        type="button"
        className="play"
        onClick={togglePlay}
        aria-label={playing ? `Pause ${name}` : `Play ${name}`}
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <input
        ref={scrubber}
        className="scrubber"
        type="range"
        min={0}
        max={0}
        step={1}
        defaultValue={0}
        aria-label={`Step of ${name}`}
      />
      <output ref={counter} className="step-counter" aria-label={`Current step of ${name}`}>
        step 0 / 0
      </output>
    </div>
  );
}

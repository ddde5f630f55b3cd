import { PauseIcon, PlayIcon } from '../sidebar/icons';
import { ClockScrubber } from '../sidebar/ClockScrubber';
import type { PanelClock } from './use-panel-clock';

/** A panel's own play/pause and scrubber, shown while the timeline is unlocked. */
export function PanelTimeline({ index, panelClock }: { index: number; panelClock: PanelClock }) {
  const { clock, playing, togglePlay, seek } = panelClock;
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
      <ClockScrubber
        clock={clock}
        seek={seek}
        scrubberLabel={`Step of ${name}`}
        counterLabel={`Current step of ${name}`}
      />
    </div>
  );
}

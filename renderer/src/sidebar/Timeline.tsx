import { useId } from 'react';
import { BASE_STEPS_PER_SECOND, SPEEDS } from '../playback/playback-clock';
import { playbackClock, usePlaybackStore } from '../store/playback-store';
import { PauseIcon, PlayIcon, StepBackIcon, StepForwardIcon } from './icons';
import { ClockScrubber } from './ClockScrubber';

const seekGlobal = (step: number): void => usePlaybackStore.getState().seek(step);

/**
 * Play/pause, single steps, a scrubber, the speed and the way back to live. The scrubber and the
 * step counter are written in the playback loop, not rendered by React per step.
 */
export function Timeline() {
  const { playing, follow, speed, togglePlay, step, setSpeed, goLive } = usePlaybackStore();
  const speedId = useId();

  return (
    <div className="timeline" role="group" aria-label="Playback">
      <button
        type="button"
        onClick={() => step(-1)}
        aria-label="Step back"
        title="Step back (←; Shift+← for 10)"
        aria-keyshortcuts="ArrowLeft"
      >
        <StepBackIcon />
      </button>
      <button
        type="button"
        className="play"
        onClick={togglePlay}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        aria-keyshortcuts="Space"
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button
        type="button"
        onClick={() => step(1)}
        aria-label="Step forward"
        title="Step forward (→; Shift+→ for 10)"
        aria-keyshortcuts="ArrowRight"
      >
        <StepForwardIcon />
      </button>
      <ClockScrubber
        clock={playbackClock}
        seek={seekGlobal}
        scrubberLabel="Timeline step"
        counterLabel="Current step"
      />
      <label htmlFor={speedId} className="speed">
        Speed
      </label>
      <select
        id={speedId}
        value={speed}
        onChange={(event) => setSpeed(Number(event.target.value))}
        title={`Playback speed; 1× is ${BASE_STEPS_PER_SECOND} steps per second`}
      >
        {SPEEDS.map((value) => (
          <option key={value} value={value}>
            {value}×
          </option>
        ))}
      </select>
      <button
        type="button"
        className="live"
        onClick={goLive}
        aria-pressed={follow}
        title="Follow the newest step as runs stream in"
      >
        Live
      </button>
    </div>
  );
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import { forkClock, pauseClock, playClock, seekClock, type PlaybackClock } from '../playback/playback-clock';
import { onPlaybackFrame, playbackClock } from '../store/playback-store';
import { useAppStore } from '../store/app-store';
import { tickPanelClock } from './panel-clock';

export interface PanelClock {
  clock: PlaybackClock;
  /** Whether it is the panel's own (the timeline is unlocked). */
  own: boolean;
  playing: boolean;
  togglePlay(): void;
  seek(step: number): void;
}

/**
 * The clock a panel follows: the global one while the timeline is locked; unlocked, its own,
 * starting where the global one was and ticked in the same animation-frame loop (see
 * panel-clock.ts). Locking again drops it.
 */
export function usePanelClock(locked: boolean, runId: string | null): PanelClock {
  const own = useMemo(() => (locked ? null : forkClock(playbackClock)), [locked]);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!own) return undefined;
    setPlaying(own.playing);
    return onPlaybackFrame((seconds) => {
      tickPanelClock(own, seconds, useAppStore.getState().runs, runId);
      // React skips the render when the flag has not changed.
      setPlaying(own.playing);
    });
  }, [own, runId]);

  const seek = useCallback(
    (step: number) => {
      if (own) seekClock(own, step);
    },
    [own],
  );
  const togglePlay = useCallback(() => {
    if (!own) return;
    if (own.playing) pauseClock(own);
    else playClock(own);
    setPlaying(own.playing);
  }, [own]);

  return { clock: own ?? playbackClock, own: own !== null, playing, togglePlay, seek };
}

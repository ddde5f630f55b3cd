import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { currentStep } from '../playback/playback-clock';
import { onPlaybackFrame, usePlaybackStore } from '../store/playback-store';
import { useAppStore } from '../store/app-store';
import { useViewClock } from './view-source';

/**
 * The 3D view renders on demand (an idle scene costs nothing); this asks for a frame whenever
 * the view's playback step, the trail or the streamed data change, so paths, markers and glyphs move.
 */
export function PlaybackInvalidator() {
  const invalidate = useThree((state) => state.invalidate);
  const clock = useViewClock();
  useEffect(() => {
    const shown = { step: -1, trail: -1, points: -1 };
    return onPlaybackFrame(() => {
      const { runs } = useAppStore.getState();
      const { trail } = usePlaybackStore.getState();
      const step = currentStep(clock);
      let points = 0;
      for (let r = 0; r < runs.length; r++) points += runs[r]!.series.count;
      if (step === shown.step && trail === shown.trail && points === shown.points) return;
      shown.step = step;
      shown.trail = trail;
      shown.points = points;
      invalidate();
    });
  }, [invalidate, clock]);
  return null;
}

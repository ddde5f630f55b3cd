import { create } from 'zustand';
import { useAppStore } from './app-store';
import {
  createClock,
  goLive,
  pauseClock,
  playClock,
  seekClock,
  stepClock,
  tickClock,
  type PlaybackClock,
} from '../playback/playback-clock';
import { lastStepOf } from '../playback/run-step';

/**
 * The one playback clock. Views read it in their frame loops; React never re-renders per step.
 * Its slow-changing flags are mirrored into the store below for the controls that show them.
 */
export const playbackClock: PlaybackClock = createClock();

interface PlaybackState {
  playing: boolean;
  follow: boolean;
  speed: number;
  /** Steps of path drawn behind the current step; 0 draws the whole path. */
  trail: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(delta: number): void;
  seek(step: number): void;
  setSpeed(speed: number): void;
  setTrail(trail: number): void;
  goLive(): void;
}

/** Changes the clock, then shows the change to React. */
const act = (change: (clock: PlaybackClock) => void): void => {
  change(playbackClock);
  syncFlags();
};

export const usePlaybackStore = create<PlaybackState>()((set, get) => ({
  playing: playbackClock.playing,
  follow: playbackClock.follow,
  speed: playbackClock.speed,
  trail: 0,
  play: () => act(playClock),
  pause: () => act(pauseClock),
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  step: (delta) => act((clock) => stepClock(clock, delta)),
  seek: (step) => act((clock) => seekClock(clock, step)),
  setSpeed: (speed) => act((clock) => void (clock.speed = speed)),
  setTrail: (trail) => set({ trail }),
  goLive: () => act(goLive),
}));

/** Copies the clock's flags into the store, only when they changed (so no render otherwise). */
function syncFlags(): void {
  const { playing, follow, speed } = usePlaybackStore.getState();
  if (playing !== playbackClock.playing || follow !== playbackClock.follow || speed !== playbackClock.speed) {
    usePlaybackStore.setState({
      playing: playbackClock.playing,
      follow: playbackClock.follow,
      speed: playbackClock.speed,
    });
  }
}

/** Gets the seconds since the previous frame, to tick a clock of its own (a panel's). */
type FrameListener = (seconds: number) => void;
/** An array, not a Set: iterating it by index allocates nothing per frame. */
const listeners: FrameListener[] = [];
let frameHandle = 0;
let previousTime = 0;

function frame(time: number): void {
  // Scheduled first, so a listener that throws cannot stop playback.
  frameHandle = requestAnimationFrame(frame);
  const seconds = previousTime ? (time - previousTime) / 1000 : 0;
  // The end of the timeline: the newest step any run has reached.
  tickClock(playbackClock, seconds, lastStepOf(useAppStore.getState().runs));
  previousTime = time;
  syncFlags();
  for (let k = 0; k < listeners.length; k++) listeners[k]!(seconds);
}

/**
 * Runs `listener` once per animation frame, after the clock has moved. The loop runs while
 * anything listens; the 3D view has its own loop and reads the clock there.
 */
export function onPlaybackFrame(listener: FrameListener): () => void {
  listeners.push(listener);
  if (frameHandle === 0) {
    previousTime = 0;
    frameHandle = requestAnimationFrame(frame);
  }
  return () => {
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
    if (listeners.length === 0) {
      cancelAnimationFrame(frameHandle);
      frameHandle = 0;
    }
  };
}

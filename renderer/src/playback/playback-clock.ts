/** At 1× the timeline advances one step per frame of a 60 Hz display. */
export const BASE_STEPS_PER_SECOND = 60;
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10] as const;
/** A frame that arrives late (a hidden tab, a stall) does not make playback jump ahead. */
const MAX_FRAME_SECONDS = 0.1;

/**
 * Where the timeline is. It is mutated in place by the functions below (no allocation per
 * frame) and read by every view in its frame loop.
 */
export interface PlaybackClock {
  /** Fractional step, so slow speeds advance smoothly between whole steps. */
  position: number;
  /** The newest step any run has reached: the end of the timeline. */
  lastStep: number;
  playing: boolean;
  /** Follow live: stay on the newest step as runs stream in. */
  follow: boolean;
  speed: number;
}

export function createClock(): PlaybackClock {
  return { position: 0, lastStep: 0, playing: false, follow: true, speed: 1 };
}

/** A clock of its own that starts where `clock` is now (a panel whose timeline is unlocked). */
export function forkClock(clock: PlaybackClock): PlaybackClock {
  return { ...clock };
}

/** The step the views show. */
export function currentStep(clock: PlaybackClock): number {
  return Math.floor(clock.position);
}

/** One frame: follow the newest step, or play on; reaching the end switches to following. */
export function tickClock(clock: PlaybackClock, seconds: number, lastStep: number): void {
  clock.lastStep = lastStep;
  // With nothing to scrub (no runs, or a new problem), the next run is shown live.
  if (clock.follow || lastStep <= 0) {
    goLive(clock);
    return;
  }
  if (clock.playing) clock.position += Math.min(seconds, MAX_FRAME_SECONDS) * clock.speed * BASE_STEPS_PER_SECOND;
  if (clock.position >= lastStep) {
    clock.position = lastStep;
    if (clock.playing) goLive(clock);
  }
}

/** Scrubbing: moving back leaves follow mode, moving to the end enters it. */
export function seekClock(clock: PlaybackClock, step: number): void {
  clock.position = Math.max(0, Math.min(Math.round(step), clock.lastStep));
  clock.follow = clock.position >= clock.lastStep;
  if (clock.follow) clock.playing = false;
}

/** A single step back or forward; it pauses, as in every video player. */
export function stepClock(clock: PlaybackClock, delta: number): void {
  clock.playing = false;
  seekClock(clock, currentStep(clock) + delta);
}

/** Play from here, or from the start when already at the end. */
export function playClock(clock: PlaybackClock): void {
  if (clock.lastStep <= 0) return;
  if (currentStep(clock) >= clock.lastStep) clock.position = 0;
  clock.follow = false;
  clock.playing = true;
}

export function pauseClock(clock: PlaybackClock): void {
  clock.playing = false;
}

export function goLive(clock: PlaybackClock): void {
  clock.playing = false;
  clock.follow = true;
  clock.position = clock.lastStep;
}

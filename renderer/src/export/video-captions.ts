import type { RunEvent } from '../../../shared/events';
import { stepAtFrame } from './camera-path';

/** How long a caption stays in the video, the last part of it fading out. */
export const CAPTION_SECONDS = 2.5;
export const FADE_SECONDS = 0.6;
/** More at once would cover the picture; the newest are kept. */
export const MAX_CAPTIONS = 4;

export interface Caption {
  /** The first frame whose step has reached the event. */
  frame: number;
  runName: string;
  color: string;
  message: string;
}

export interface ShownCaption extends Caption {
  /** 1 while shown in full, falling to 0 as it fades. */
  opacity: number;
}

interface CaptionedRun {
  name: string;
  color: string;
  events: RunEvent[];
  series: { count: number };
}

/** The first frame showing `step` or later (frames show steps in ascending order). */
function firstFrameAt(step: number, frames: number, lastStep: number): number {
  let low = 0;
  let high = frames - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (stepAtFrame(middle, frames, lastStep) >= step) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * When each run's events appear in a video of `frames` frames playing steps 0 to `lastStep`:
 * the frame the run's path reaches the event (clamped to the run's last point, as the views do),
 * in order of appearance.
 */
export function captionSchedule(runs: readonly CaptionedRun[], frames: number, lastStep: number): Caption[] {
  const captions: Caption[] = [];
  for (const run of runs) {
    for (const event of run.events) {
      const reached = Math.min(event.step, run.series.count - 1);
      if (reached > lastStep) continue;
      captions.push({
        frame: firstFrameAt(reached, frames, lastStep),
        runName: run.name,
        color: run.color,
        message: event.message,
      });
    }
  }
  return captions.sort((a, b) => a.frame - b.frame);
}

/** The captions on screen at a frame, oldest first, with their opacity. */
export function captionsAt(schedule: readonly Caption[], frame: number, fps: number): ShownCaption[] {
  const shown: ShownCaption[] = [];
  for (const caption of schedule) {
    const age = (frame - caption.frame) / fps;
    if (age < 0 || age >= CAPTION_SECONDS) continue;
    const opacity = Math.min(1, (CAPTION_SECONDS - age) / FADE_SECONDS);
    shown.push({ ...caption, opacity });
  }
  return shown.slice(-MAX_CAPTIONS);
}

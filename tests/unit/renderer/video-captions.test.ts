import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/events';
import { stepAtFrame } from '../../../renderer/src/export/camera-path';
import {
  CAPTION_SECONDS,
  FADE_SECONDS,
  MAX_CAPTIONS,
  captionSchedule,
  captionsAt,
  type Caption,
} from '../../../renderer/src/export/video-captions';

const event = (step: number, message: string): RunEvent => ({ type: 'plateau', step, message });
const run = (name: string, count: number, events: RunEvent[]) => ({
  name,
  color: `#${name}`,
  events,
  series: { count },
});

describe('caption schedule', () => {
  it('starts each caption on the first frame whose step reaches the event, across runs in order', () => {
    const frames = 31;
    const lastStep = 60;
    const schedule = captionSchedule(
      [run('a', 61, [event(45, 'late'), event(0, 'at once')]), run('b', 61, [event(17, 'middle')])],
      frames,
      lastStep,
    );
    expect(schedule.map((caption) => [caption.message, caption.runName, caption.color])).toEqual([
      ['at once', 'a', '#a'],
      ['middle', 'b', '#b'],
      ['late', 'a', '#a'],
    ]);
    expect(schedule[0]!.frame).toBe(0);
    for (const [caption, step] of [
      [schedule[1]!, 17],
      [schedule[2]!, 45],
    ] as const) {
      expect(stepAtFrame(caption.frame, frames, lastStep)).toBeGreaterThanOrEqual(step);
      expect(stepAtFrame(caption.frame - 1, frames, lastStep)).toBeLessThan(step);
    }
  });

  it("shows a divergence at the run's last point, as the views do", () => {
    const [caption] = captionSchedule([run('a', 21, [event(21, 'diverged')])], 61, 60);
    expect(caption!.frame).toBe(20);
  });
});

describe('captions on screen', () => {
  const at = (frame: number): Caption => ({ frame, runName: 'a', color: '#a', message: `from ${frame}` });
  const fps = 30;

  it('shows a caption in full, then fades it out over the last part of its time', () => {
    const schedule = [at(10)];
    expect(captionsAt(schedule, 9, fps)).toEqual([]);
    expect(captionsAt(schedule, 10, fps)[0]!.opacity).toBe(1);
    const fadeStart = 10 + (CAPTION_SECONDS - FADE_SECONDS) * fps;
    expect(captionsAt(schedule, fadeStart, fps)[0]!.opacity).toBeCloseTo(1, 10);
    expect(captionsAt(schedule, fadeStart + (FADE_SECONDS * fps) / 2, fps)[0]!.opacity).toBeCloseTo(0.5, 10);
    expect(captionsAt(schedule, 10 + CAPTION_SECONDS * fps, fps)).toEqual([]);
  });

  it('stacks captions that overlap, keeping the newest few', () => {
    const schedule = [0, 1, 2, 3, 4, 5].map(at);
    const shown = captionsAt(schedule, 5, fps);
    expect(shown.map((caption) => caption.message)).toEqual(['from 2', 'from 3', 'from 4', 'from 5']);
    expect(shown).toHaveLength(MAX_CAPTIONS);
  });
});

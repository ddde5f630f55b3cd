import { describe, expect, it } from 'vitest';
import {
  BASE_STEPS_PER_SECOND,
  createClock,
  currentStep,
  goLive,
  pauseClock,
  playClock,
  seekClock,
  stepClock,
  tickClock,
} from '../../../renderer/src/playback/playback-clock';

describe('playback clock', () => {
  it('follows the newest step while runs stream in', () => {
    const clock = createClock();
    tickClock(clock, 1 / 60, 10);
    expect(currentStep(clock)).toBe(10);
    tickClock(clock, 1 / 60, 25);
    expect(currentStep(clock)).toBe(25);
    expect(clock.follow).toBe(true);
  });

  it('scrubbing back leaves follow mode; scrubbing to the end or pressing live enters it again', () => {
    const clock = createClock();
    tickClock(clock, 0, 100);
    seekClock(clock, 40);
    expect(clock.follow).toBe(false);
    tickClock(clock, 1 / 60, 120);
    expect(currentStep(clock)).toBe(40);
    seekClock(clock, 500);
    expect([currentStep(clock), clock.follow]).toEqual([120, true]);
    seekClock(clock, 3);
    goLive(clock);
    expect([currentStep(clock), clock.follow]).toEqual([120, true]);
  });

  it('plays at speed × 60 steps per second, without jumping after a long pause between frames', () => {
    const clock = createClock();
    tickClock(clock, 0, 1000);
    seekClock(clock, 0);
    clock.speed = 0.5;
    playClock(clock);
    tickClock(clock, 1, 1000); // a stalled second counts as at most 0.1 s
    expect(clock.position).toBeCloseTo(0.1 * 0.5 * BASE_STEPS_PER_SECOND, 9);
    clock.speed = 10;
    for (let frame = 0; frame < 60; frame++) tickClock(clock, 1 / 60, 1000);
    expect(currentStep(clock)).toBe(3 + 600);
  });

  it('advances less than a step per frame at 0.1×, then shows each whole step in turn', () => {
    const clock = createClock();
    tickClock(clock, 0, 50);
    seekClock(clock, 0);
    clock.speed = 0.1;
    playClock(clock);
    const seen: number[] = [];
    for (let frame = 0; frame < 60; frame++) {
      tickClock(clock, 1 / 60, 50);
      seen.push(currentStep(clock));
    }
    expect(seen[9]).toBe(0);
    expect(clock.position).toBeCloseTo(6, 9);
    expect(new Set(seen.slice(0, 59))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });

  it('reaching the end stops playing and follows; play at the end starts over', () => {
    const clock = createClock();
    tickClock(clock, 0, 30);
    seekClock(clock, 20);
    playClock(clock);
    for (let frame = 0; frame < 30; frame++) tickClock(clock, 1 / 60, 30);
    expect([currentStep(clock), clock.playing, clock.follow]).toEqual([30, false, true]);
    playClock(clock);
    expect([currentStep(clock), clock.playing, clock.follow]).toEqual([0, true, false]);
  });

  it('steps one at a time, pausing, and stays inside the timeline', () => {
    const clock = createClock();
    tickClock(clock, 0, 5);
    seekClock(clock, 2);
    playClock(clock);
    stepClock(clock, 1);
    expect([currentStep(clock), clock.playing]).toEqual([3, false]);
    stepClock(clock, -10);
    expect(currentStep(clock)).toBe(0);
    stepClock(clock, 10);
    expect([currentStep(clock), clock.follow]).toEqual([5, true]);
  });

  it('has nothing to play without runs, and shows the next run live after they are removed', () => {
    const clock = createClock();
    playClock(clock);
    expect(clock.playing).toBe(false);
    tickClock(clock, 0, 100);
    seekClock(clock, 10);
    pauseClock(clock);
    tickClock(clock, 1 / 60, 0);
    expect([currentStep(clock), clock.follow]).toEqual([0, true]);
  });
});

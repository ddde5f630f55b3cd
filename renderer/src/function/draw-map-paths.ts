import { EVENT_GLYPHS } from '../plot/event-glyphs';
import { drawGlyph, GLYPH_OUTLINE } from '../plot/draw-glyph';
import { eventReached, runStepAt } from '../playback/run-step';
import type { RunEntry } from '../store/app-model';
import type { MapFrame } from '../map/map-frame';

/** Points closer than this (in CSS pixels) to the last one drawn add nothing visible. */
const MIN_SEGMENT = 0.75;

/**
 * The runs at a timeline step: each path up to that step (or its last `trail` steps), its
 * events reached so far, and a marker on the current point. Long paths cost what they show:
 * points that would not move the pen by a pixel are skipped.
 */
export function drawMapPaths(
  context: CanvasRenderingContext2D,
  frame: MapFrame,
  runs: readonly RunEntry[],
  step: number,
  trail: number,
): void {
  context.save();
  context.beginPath();
  context.rect(frame.left, frame.top, frame.width, frame.height);
  context.clip();
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const { series } = run;
    if (series.count === 0) continue;
    const last = runStepAt(series, step);
    const first = trail > 0 ? Math.max(0, last - trail) : 0;
    const points = series.points;
    let penX = frame.px(points[2 * first]!);
    let penY = frame.py(points[2 * first + 1]!);
    context.beginPath();
    context.moveTo(penX, penY);
    for (let k = first + 1; k <= last; k++) {
      const x = frame.px(points[2 * k]!);
      const y = frame.py(points[2 * k + 1]!);
      if (k < last && Math.abs(x - penX) + Math.abs(y - penY) < MIN_SEGMENT) continue;
      context.lineTo(x, y);
      penX = x;
      penY = y;
    }
    context.lineJoin = 'round';
    context.lineWidth = 3.5;
    context.strokeStyle = GLYPH_OUTLINE;
    context.stroke();
    context.lineWidth = 1.8;
    context.strokeStyle = run.color;
    context.stroke();

    for (let e = 0; e < run.events.length; e++) {
      const event = run.events[e]!;
      if (!event.point || !eventReached(event, series, last)) continue;
      drawGlyph(context, EVENT_GLYPHS[event.type], frame.px(event.point[0]), frame.py(event.point[1]), 16, run.color);
    }

    context.beginPath();
    context.arc(penX, penY, 5, 0, 2 * Math.PI);
    context.fillStyle = run.color;
    context.fill();
    context.lineWidth = 2;
    context.strokeStyle = GLYPH_OUTLINE;
    context.stroke();
  }
  context.restore();
}

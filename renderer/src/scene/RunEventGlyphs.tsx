import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Sprite, SpriteMaterial } from 'three';
import type { RunEvent } from '../../../shared/events';
import { EVENT_GLYPHS } from '../plot/event-glyphs';
import { currentStep } from '../playback/playback-clock';
import { eventReached, runStepAt } from '../playback/run-step';
import type { RunEntry } from '../store/app-model';
import { useSelectedEvent } from '../store/selected-event';
import { glyphTexture } from './glyph-texture';
import type { SceneFrame } from './scene-frame';
import { useViewClock } from './view-source';

/** Screen-space size: about 20 px on a 600 px tall view, however far the camera is. */
const GLYPH_SCALE = 0.028;
/** The event chosen in the events panel stands out this much larger. */
const SELECTED_GROWTH = 1.8;

/** Where an event stands in problem coordinates, [x, y, value], or null where there is nothing to stand on. */
export type EventPlacement = (event: RunEvent) => [number, number, number] | null;

/**
 * A run's events as glyphs in its colour, standing where `place` puts them (a function's on its
 * surface, a network's at its checkpoint on the path); each appears when the view's clock reaches
 * its step, and the one chosen in the events panel is enlarged. Events without a place are
 * listed in the events panel only.
 */
export function RunEventGlyphs({ run, frame, place }: { run: RunEntry; frame: SceneFrame; place: EventPlacement }) {
  const clock = useViewClock();
  const invalidate = useThree((state) => state.invalidate);
  const glyphs = useMemo(
    () =>
      run.events.flatMap((event, index) => {
        const where = place(event);
        if (!where || !where.every(Number.isFinite)) return [];
        const [x, y, value] = where;
        const sprite = new Sprite(
          new SpriteMaterial({
            map: glyphTexture(EVENT_GLYPHS[event.type]),
            color: run.color,
            sizeAttenuation: false,
            toneMapped: false,
          }),
        );
        sprite.center.set(0.5, 0);
        sprite.scale.setScalar(GLYPH_SCALE);
        sprite.position.set(frame.worldX(x), frame.worldY(value) + 0.05, frame.worldZ(y));
        sprite.renderOrder = 2;
        sprite.name = `event-${event.type}-${event.step}`;
        return [{ sprite, event, index }];
      }),
    [run.events, run.color, frame, place],
  );

  useEffect(() => () => glyphs.forEach(({ sprite }) => sprite.material.dispose()), [glyphs]);
  // Choosing an event at the step already shown moves no clock: redraw for the enlarged glyph.
  useEffect(() => useSelectedEvent.subscribe(() => invalidate()), [invalidate]);

  useFrame(() => {
    const step = runStepAt(run.series, currentStep(clock));
    const { selected } = useSelectedEvent.getState();
    for (let k = 0; k < glyphs.length; k++) {
      const { sprite, event, index } = glyphs[k]!;
      sprite.visible = eventReached(event, run.series, step);
      sprite.scale.setScalar(
        selected?.runId === run.id && selected.index === index ? GLYPH_SCALE * SELECTED_GROWTH : GLYPH_SCALE,
      );
    }
  });

  return (
    <group name={`events-${run.id}`}>
      {glyphs.map(({ sprite }) => (
        <primitive key={sprite.id} object={sprite} />
      ))}
    </group>
  );
}

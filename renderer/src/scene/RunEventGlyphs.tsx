import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Sprite, SpriteMaterial } from 'three';
import { EVENT_GLYPHS } from '../plot/event-glyphs';
import { useObjective } from '../plot/use-plot-data';
import { currentStep } from '../playback/playback-clock';
import { eventReached, runStepAt } from '../playback/run-step';
import { useAppStore, type RunEntry } from '../store/app-store';
import { glyphTexture } from './glyph-texture';
import type { SceneFrame } from './scene-frame';
import { useViewClock } from './view-source';

/** Screen-space size: about 20 px on a 600 px tall view, however far the camera is. */
const GLYPH_SCALE = 0.028;

/**
 * A run's events as glyphs in its colour, standing on the surface where they happened; each
 * appears when the view's clock reaches its step. Events without a point (networks) or outside the
 * bounds are listed in the events panel only.
 */
export function RunEventGlyphs({ run, frame }: { run: RunEntry; frame: SceneFrame }) {
  const objective = useObjective();
  const clock = useViewClock();
  const [[x0, x1], [y0, y1]] = useAppStore((state) => state.bounds);
  const glyphs = useMemo(
    () =>
      run.events.flatMap((event) => {
        // Off the surface (where a diverging path went) there is nothing to stand on.
        if (!event.point || !(event.point[0] >= x0 && event.point[0] <= x1 && event.point[1] >= y0 && event.point[1] <= y1)) return [];
        const [x, y] = event.point;
        const loss = objective.value(x, y);
        if (!Number.isFinite(loss)) return [];
        const sprite = new Sprite(
          new SpriteMaterial({ map: glyphTexture(EVENT_GLYPHS[event.type]), color: run.color, sizeAttenuation: false }),
        );
        sprite.center.set(0.5, 0);
        sprite.scale.setScalar(GLYPH_SCALE);
        sprite.position.set(frame.worldX(x), frame.worldY(loss) + 0.05, frame.worldZ(y));
        sprite.renderOrder = 2;
        return [{ sprite, event }];
      }),
    [run.events, run.color, frame, objective, x0, x1, y0, y1],
  );

  useEffect(() => () => glyphs.forEach(({ sprite }) => sprite.material.dispose()), [glyphs]);

  useFrame(() => {
    const step = runStepAt(run.series, currentStep(clock));
    for (let k = 0; k < glyphs.length; k++) {
      const { sprite, event } = glyphs[k]!;
      sprite.visible = eventReached(event, run.series, step);
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

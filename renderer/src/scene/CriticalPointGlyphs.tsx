import { useEffect, useMemo } from 'react';
import { Sprite, SpriteMaterial } from 'three';
import type { CriticalPoint } from '../../../shared/events';
import { CRITICAL_POINT_COLOR } from '../store/palette';
import { textTexture } from './glyph-texture';
import type { SceneFrame } from './scene-frame';
import { useSceneSurface } from './scene-surface';
import { useSceneFrame } from './use-scene-frame';

/** Screen-space height of a label: about 20 px on a 600 px tall view. */
const LABEL_SCALE = 0.034;

/** More labels than this would hide the surface: the lowest minima, then saddles, then maxima get them. */
const MAX_LABELS = 6;
const LABEL_ORDER: Record<CriticalPoint['type'], number> = { minimum: 0, saddle: 1, maximum: 2, degenerate: 3 };

/** "minimum on this slice" over the first points, where the surface's critical points are only its grid's. */
function noteLabels(points: readonly CriticalPoint[], note: string, frame: SceneFrame): Sprite[] {
  const labelled = [...points]
    .sort((a, b) => LABEL_ORDER[a.type] - LABEL_ORDER[b.type] || a.value - b.value)
    .slice(0, MAX_LABELS);
  return labelled.map((cp) => {
    const { texture, aspect } = textTexture(`${cp.type} ${note}`, CRITICAL_POINT_COLOR);
    const sprite = new Sprite(
      new SpriteMaterial({ map: texture, transparent: true, depthTest: false, sizeAttenuation: false }),
    );
    // Saddles are labelled below their glyph, the rest above, so a saddle next to a minimum keeps both legible.
    sprite.center.set(0.5, cp.type === 'saddle' ? 1.6 : -0.6);
    sprite.scale.set(LABEL_SCALE * aspect, LABEL_SCALE, 1);
    sprite.position.set(frame.worldX(cp.point[0]), frame.worldY(cp.value) + 0.06, frame.worldZ(cp.point[1]));
    sprite.renderOrder = 3;
    return sprite;
  });
}

/** The surface's critical points inside the bounds, a shape per type (legend in the overlay), labelled when they are a slice's. */
export function CriticalPointGlyphs() {
  const surface = useSceneSurface();
  const mapping = useSceneFrame();
  const points = surface?.criticalPoints;
  const note = surface?.criticalPointNote;
  const labels = useMemo(
    () => (points && note && mapping ? noteLabels(points, note, mapping.frame) : []),
    [points, note, mapping],
  );
  useEffect(
    () => () =>
      labels.forEach((sprite) => {
        sprite.material.map?.dispose();
        sprite.material.dispose();
      }),
    [labels],
  );
  if (!points || !mapping) return null;
  const { frame } = mapping;
  return (
    <group name="critical-points">
      {points.map((cp, index) => (
        <mesh
          key={index}
          name={`critical-point-${cp.type}`}
          position={[frame.worldX(cp.point[0]), frame.worldY(cp.value) + 0.06, frame.worldZ(cp.point[1])]}
          rotation={cp.type === 'maximum' ? [Math.PI, 0, 0] : cp.type === 'saddle' ? [Math.PI / 2, 0, 0] : [0, 0, 0]}
        >
          {cp.type === 'saddle' ? (
            <torusGeometry args={[0.12, 0.035, 8, 24]} />
          ) : cp.type === 'degenerate' ? (
            <boxGeometry args={[0.16, 0.16, 0.16]} />
          ) : (
            <coneGeometry args={[0.1, 0.22, 16]} />
          )}
          <meshStandardMaterial color={CRITICAL_POINT_COLOR} emissive={CRITICAL_POINT_COLOR} emissiveIntensity={0.25} />
        </mesh>
      ))}
      {labels.map((sprite) => (
        <primitive key={sprite.id} object={sprite} />
      ))}
    </group>
  );
}

import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { useContourLevels } from '../plot/use-plot-data';
import { SURFACE_HEIGHT } from './scene-frame';
import { useSceneFrame } from './use-scene-frame';

/** Just above the surface; the surface's polygon offset keeps the lines from flickering. */
const LIFT = 0.01;

/** Iso-lines of the loss drawn on the 3D surface, at the same levels as the 2D map. */
export function SurfaceContours() {
  const levels = useContourLevels();
  const mapping = useSceneFrame();
  const geometry = useMemo(() => {
    if (!levels || !mapping) return null;
    const { frame } = mapping;
    const total = levels.reduce((sum, level) => sum + level.segments.length / 2, 0);
    const positions = new Float32Array(total * 3);
    let n = 0;
    for (const { height, segments } of levels) {
      const y = height * SURFACE_HEIGHT + LIFT;
      for (let k = 0; k < segments.length; k += 2) {
        positions[n++] = frame.worldX(segments[k]!);
        positions[n++] = y;
        positions[n++] = frame.worldZ(segments[k + 1]!);
      }
    }
    const result = new BufferGeometry();
    result.setAttribute('position', new BufferAttribute(positions, 3));
    return result;
  }, [levels, mapping]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  if (!geometry) return null;
  return (
    <lineSegments geometry={geometry} name="surface-contours" renderOrder={1}>
      <lineBasicMaterial color="#ffffff" transparent opacity={0.35} depthWrite={false} />
    </lineSegments>
  );
}

import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color, LineBasicMaterial, LineSegments } from 'three';
import { currentStep } from '../playback/playback-clock';
import { gridValueAt } from './grid-value';
import type { SceneFrame } from './scene-frame';
import type { ScenePath } from './scene-path';
import type { SceneSurface } from './scene-surface';
import { useViewClock } from './view-source';

/** A drop line is never fainter than this, so the farthest point still shows where it stands. */
const MIN_OPACITY = 0.15;

/**
 * From each point of a path that lies off the surface's plane, a vertical line down (or up) to
 * the surface under it: the gap is how the loss at the point differs from the slice's there.
 * The line fades as the point's distance from the plane grows (the nearer the plane, the more
 * the slice tells about the point). Drawn as far as the view's clock has reached.
 */
export function DropLines({ path, frame, surface }: { path: ScenePath; frame: SceneFrame; surface: SceneSurface }) {
  const clock = useViewClock();
  const lines = useMemo(() => {
    const { distances, points, values } = path;
    const count = Math.min(path.count(), distances?.length ?? 0);
    if (!distances || count === 0) return null;
    const positions = new Float32Array(count * 6);
    const colors = new Float32Array(count * 8);
    const color = new Color(path.color);
    let largest = 0;
    for (let k = 0; k < count; k++) largest = Math.max(largest, distances[k]!);
    for (let k = 0; k < count; k++) {
      const [x, y] = [points[2 * k]!, points[2 * k + 1]!];
      const under = gridValueAt(surface, x, y);
      const top = frame.worldY(values[k]!);
      const bottom = Number.isFinite(under) ? frame.worldY(under) : top;
      positions.set([frame.worldX(x), top, frame.worldZ(y), frame.worldX(x), bottom, frame.worldZ(y)], 6 * k);
      const opacity = largest > 0 ? 1 - (1 - MIN_OPACITY) * (distances[k]! / largest) : 1;
      colors.set([color.r, color.g, color.b, opacity, color.r, color.g, color.b, opacity * 0.5], 8 * k);
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.setAttribute('color', new BufferAttribute(colors, 4));
    const segments = new LineSegments(
      geometry,
      new LineBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false }),
    );
    segments.name = `drop-lines-${path.id}`;
    segments.frustumCulled = false;
    return segments;
  }, [path, frame, surface]);

  useEffect(
    () => () => {
      lines?.geometry.dispose();
      (lines?.material as LineBasicMaterial | undefined)?.dispose();
    },
    [lines],
  );

  useFrame(() => {
    if (!lines) return;
    const shown = Math.min(path.indexAt(currentStep(clock)) + 1, lines.geometry.getAttribute('position').count / 2);
    lines.geometry.setDrawRange(0, 2 * Math.max(shown, 0));
  });

  return lines ? <primitive object={lines} /> : null;
}

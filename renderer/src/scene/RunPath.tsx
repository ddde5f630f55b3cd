import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Line, LineBasicMaterial, Mesh, MeshStandardMaterial, SphereGeometry } from 'three';
import type { RunEntry } from '../store/app-store';
import type { SceneFrame } from './scene-frame';

/** Lifts the path off the surface so it never hides inside it. */
const LIFT = 0.04;
const markerGeometry = new SphereGeometry(0.09, 20, 14);

/**
 * One run's path, grown in useFrame from the run's series as frames stream in: only the new
 * points are written, the draw range follows, and nothing is allocated per frame.
 */
export function RunPath({ run, frame }: { run: RunEntry; frame: SceneFrame }) {
  const { line, marker } = useMemo(() => {
    const geometry = new BufferGeometry();
    const positions = new BufferAttribute(new Float32Array(run.series.capacity * 3), 3);
    geometry.setAttribute('position', positions);
    geometry.setDrawRange(0, 0);
    const path = new Line(geometry, new LineBasicMaterial({ color: run.color }));
    path.frustumCulled = false;
    const dot = new Mesh(markerGeometry, new MeshStandardMaterial({ color: run.color, emissive: run.color, emissiveIntensity: 0.4 }));
    dot.visible = false;
    return { line: path, marker: dot };
  }, [run.series, run.color]);

  useEffect(
    () => () => {
      line.geometry.dispose();
      (line.material as LineBasicMaterial).dispose();
      (marker.material as MeshStandardMaterial).dispose();
    },
    [line, marker],
  );

  // A new frame mapping (scale or bounds changed) redraws every point.
  const drawn = useMemo(() => ({ count: 0, frame }), [frame, line]);

  useFrame(() => {
    const { series } = run;
    if (series.count === drawn.count) return;
    const attribute = line.geometry.getAttribute('position') as BufferAttribute;
    const array = attribute.array as Float32Array;
    for (let k = drawn.count; k < series.count; k++) {
      array[3 * k] = frame.worldX(series.points[2 * k]!);
      array[3 * k + 1] = frame.worldY(series.loss[k]!) + LIFT;
      array[3 * k + 2] = frame.worldZ(series.points[2 * k + 1]!);
    }
    attribute.clearUpdateRanges();
    attribute.addUpdateRange(3 * drawn.count, 3 * (series.count - drawn.count));
    attribute.needsUpdate = true;
    drawn.count = series.count;
    line.geometry.setDrawRange(0, series.count);
    const last = series.count - 1;
    marker.position.set(array[3 * last]!, array[3 * last + 1]!, array[3 * last + 2]!);
    marker.visible = true;
  });

  return (
    <group name={`path-${run.id}`}>
      <primitive object={line} />
      <primitive object={marker} />
    </group>
  );
}

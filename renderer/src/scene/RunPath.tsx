import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Line, LineBasicMaterial, Mesh, MeshStandardMaterial, Plane, SphereGeometry, Vector3 } from 'three';
import { currentStep } from '../playback/playback-clock';
import { usePlaybackStore } from '../playback/playback-store';
import { runStepAt } from '../playback/run-step';
import type { RunEntry } from '../store/app-store';
import { SURFACE_SIZE, type SceneFrame } from './scene-frame';
import { useViewClock } from './view-source';

/** Lifts the path off the surface so it never hides inside it. */
const PATH_LIFT = 0.04;
/**
 * A diverging path leaves the picture within a few steps; past this many world units it is
 * clamped, so float32 positions stay finite (three.js sorts objects by their bounding spheres).
 */
const FAR = 1e4;
const clampFar = (value: number): number => (value > FAR ? FAR : value < -FAR ? -FAR : value);
/** Paths are cut a little beyond the surface's edges, as the 2D map cuts them at its frame. */
const REACH = SURFACE_SIZE / 2 + 1;
const CLIPPING = [
  new Plane(new Vector3(1, 0, 0), REACH),
  new Plane(new Vector3(-1, 0, 0), REACH),
  new Plane(new Vector3(0, 0, 1), REACH),
  new Plane(new Vector3(0, 0, -1), REACH),
];
const markerGeometry = new SphereGeometry(0.09, 20, 14);

/**
 * One run's path up to the playback step (or its last `trail` steps), with a marker at that
 * step of the view's clock. Points are written to the buffer once, as frames stream in; each frame only moves the
 * draw range and the marker, so nothing is allocated per frame.
 */
export function RunPath({ run, frame }: { run: RunEntry; frame: SceneFrame }) {
  const clock = useViewClock();
  const { line, marker } = useMemo(() => {
    const geometry = new BufferGeometry();
    const positions = new BufferAttribute(new Float32Array(run.series.capacity * 3), 3);
    geometry.setAttribute('position', positions);
    geometry.setDrawRange(0, 0);
    const path = new Line(geometry, new LineBasicMaterial({ color: run.color, clippingPlanes: CLIPPING }));
    path.frustumCulled = false;
    const dot = new Mesh(
      markerGeometry,
      new MeshStandardMaterial({ color: run.color, emissive: run.color, emissiveIntensity: 0.4, clippingPlanes: CLIPPING }),
    );
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

  // A new frame mapping (scale or bounds changed) rewrites every point.
  const written = useMemo(() => ({ count: 0, frame }), [frame, line]);

  useFrame(() => {
    const { series } = run;
    const attribute = line.geometry.getAttribute('position') as BufferAttribute;
    const array = attribute.array as Float32Array;
    if (series.count > written.count) {
      for (let k = written.count; k < series.count; k++) {
        array[3 * k] = clampFar(frame.worldX(series.points[2 * k]!));
        array[3 * k + 1] = frame.worldY(series.loss[k]!) + PATH_LIFT;
        array[3 * k + 2] = clampFar(frame.worldZ(series.points[2 * k + 1]!));
      }
      attribute.clearUpdateRanges();
      attribute.addUpdateRange(3 * written.count, 3 * (series.count - written.count));
      attribute.needsUpdate = true;
      written.count = series.count;
    }
    if (series.count === 0) return;
    const step = runStepAt(series, currentStep(clock));
    const trail = usePlaybackStore.getState().trail;
    const first = trail > 0 ? Math.max(0, step - trail) : 0;
    line.geometry.setDrawRange(first, step - first + 1);
    marker.position.set(array[3 * step]!, array[3 * step + 1]!, array[3 * step + 2]!);
    marker.visible = true;
  });

  return (
    <group name={`path-${run.id}`}>
      <primitive object={line} />
      <primitive object={marker} />
    </group>
  );
}

import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import {
  BufferAttribute,
  BufferGeometry,
  Line,
  LineBasicMaterial,
  Mesh,
  MeshStandardMaterial,
  Plane,
  Points,
  PointsMaterial,
  SphereGeometry,
  Vector3,
} from 'three';
import { currentStep } from '../playback/playback-clock';
import { usePlaybackStore } from '../store/playback-store';
import { SURFACE_SIZE, type SceneFrame } from './scene-frame';
import type { ScenePath } from './scene-path';
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
/** Sparse points (checkpoints) are dots of this many pixels along the line, as on the 2D map. */
const DOT_SIZE = 6;

/**
 * One run's path up to the playback step (or its last `trail` steps), each point at its own
 * value (sparse points, a network's checkpoints, as dots on it), with a marker at that step of
 * the view's clock, in the run's own colour as the legend and charts show it (not tone-mapped).
 * Points are written to the buffer once, as they stream in; each frame only moves the draw range
 * and the marker, so nothing is allocated per frame.
 */
export function RunPath({ path, frame }: { path: ScenePath; frame: SceneFrame }) {
  const clock = useViewClock();
  const { line, marker, dots } = useMemo(() => {
    const geometry = new BufferGeometry();
    const positions = new BufferAttribute(new Float32Array(Math.max(path.capacity, 1) * 3), 3);
    geometry.setAttribute('position', positions);
    geometry.setDrawRange(0, 0);
    const polyline = new Line(
      geometry,
      new LineBasicMaterial({ color: path.color, clippingPlanes: CLIPPING, toneMapped: false }),
    );
    polyline.frustumCulled = false;
    const dot = new Mesh(
      markerGeometry,
      new MeshStandardMaterial({
        color: path.color,
        emissive: path.color,
        emissiveIntensity: 0.4,
        clippingPlanes: CLIPPING,
      }),
    );
    dot.visible = false;
    // The line's own points, sharing its buffer and draw range.
    const dots = path.perStep
      ? null
      : new Points(
          geometry,
          new PointsMaterial({
            color: path.color,
            size: DOT_SIZE,
            sizeAttenuation: false,
            clippingPlanes: CLIPPING,
            toneMapped: false,
          }),
        );
    if (dots) dots.frustumCulled = false;
    return { line: polyline, marker: dot, dots };
  }, [path]);

  useEffect(
    () => () => {
      line.geometry.dispose();
      (line.material as LineBasicMaterial).dispose();
      (marker.material as MeshStandardMaterial).dispose();
      (dots?.material as PointsMaterial | undefined)?.dispose();
    },
    [line, marker, dots],
  );

  // A new frame mapping (scale or bounds changed) rewrites every point.
  const written = useMemo(() => ({ count: 0, frame }), [frame, line, path]);

  useFrame(() => {
    const { points, values } = path;
    const count = Math.min(path.count(), path.capacity);
    const attribute = line.geometry.getAttribute('position') as BufferAttribute;
    const array = attribute.array as Float32Array;
    if (count > written.count) {
      for (let k = written.count; k < count; k++) {
        array[3 * k] = clampFar(frame.worldX(points[2 * k]!));
        array[3 * k + 1] = frame.worldY(values[k]!) + PATH_LIFT;
        array[3 * k + 2] = clampFar(frame.worldZ(points[2 * k + 1]!));
      }
      attribute.clearUpdateRanges();
      attribute.addUpdateRange(3 * written.count, 3 * (count - written.count));
      attribute.needsUpdate = true;
      written.count = count;
    }
    const step = Math.min(path.indexAt(currentStep(clock)), count - 1);
    if (step < 0) {
      line.geometry.setDrawRange(0, 0);
      marker.visible = false;
      return;
    }
    const trail = path.perStep ? usePlaybackStore.getState().trail : 0;
    const first = trail > 0 ? Math.max(0, step - trail) : 0;
    line.geometry.setDrawRange(first, step - first + 1);
    marker.position.set(array[3 * step]!, array[3 * step + 1]!, array[3 * step + 2]!);
    marker.visible = true;
  });

  return (
    <group name={`path-${path.id}`}>
      <primitive object={line} />
      <primitive object={marker} />
      {dots && <primitive object={dots} />}
    </group>
  );
}

import { OrbitControls } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import type { ReactNode } from 'react';
import { SceneAccess } from '../export/SceneAccess';
import { useAppStore } from '../store/app-store';
import { AxisTicks3D } from './AxisTicks3D';
import { CAMERA_TARGET, CameraFit } from './CameraFit';
import { CriticalPointGlyphs } from './CriticalPointGlyphs';
import { GradientArrows3D } from './GradientArrows3D';
import { PlaybackInvalidator } from './PlaybackInvalidator';
import { RunEventGlyphs } from './RunEventGlyphs';
import { RunPath } from './RunPath';
import { StartMarker } from './StartMarker';
import { SurfaceContours } from './SurfaceContours';
import { SurfaceMesh } from './SurfaceMesh';
import { useSceneFrame } from './use-scene-frame';
import { useViewRuns } from './view-source';

function Runs() {
  const runs = useViewRuns();
  const mapping = useSceneFrame();
  if (!mapping) return null;
  return (
    <>
      {runs.map((run) => (
        <group key={run.id}>
          <RunPath run={run} frame={mapping.frame} />
          <RunEventGlyphs run={run} frame={mapping.frame} />
        </group>
      ))}
    </>
  );
}

interface SceneCanvasProps {
  label?: string;
  /** Whether image and video export render this view (one view at a time can be). */
  exportable?: boolean;
  /** More of the scene, e.g. a panel's link to the other panels' cameras. */
  children?: ReactNode;
}

/**
 * The 3D view: surface, contours, descent arrows, critical points, runs' paths, orbit controls.
 * It draws the runs and follows the clock of its view source (scene/view-source.tsx).
 * It renders on demand: when the camera, the scene or the playback moves.
 */
export function SceneCanvas({ label = '3D loss surface', exportable = true, children }: SceneCanvasProps) {
  const contours = useAppStore((state) => state.view.contours);
  const gradientField = useAppStore((state) => state.view.gradientField);
  return (
    <Canvas
      frameloop="demand"
      camera={{ position: [9, 9, 11], fov: 42 }}
      gl={{ preserveDrawingBuffer: true, antialias: true, localClippingEnabled: true }}
      dpr={[1, 2]}
      aria-label={label}
    >
      <color attach="background" args={['#0d1117']} />
      <hemisphereLight args={['#ffffff', '#223', 0.7]} />
      <directionalLight position={[6, 12, 4]} intensity={1.3} />
      <directionalLight position={[-8, 5, -6]} intensity={0.3} />
      <SurfaceMesh />
      {contours && <SurfaceContours />}
      {gradientField && <GradientArrows3D />}
      <AxisTicks3D />
      <CriticalPointGlyphs />
      <StartMarker />
      <Runs />
      <PlaybackInvalidator />
      <OrbitControls makeDefault enableDamping target={CAMERA_TARGET} maxPolarAngle={Math.PI * 0.49} />
      <CameraFit />
      {children}
      {exportable && <SceneAccess />}
    </Canvas>
  );
}

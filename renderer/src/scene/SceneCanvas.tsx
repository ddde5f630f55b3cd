import { OrbitControls } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import { useMemo, type ReactNode } from 'react';
import { SceneAccess } from '../export/SceneAccess';
import { useAppStore } from '../store/app-store';
import type { RunEntry } from '../store/app-model';
import { AxisTicks3D } from './AxisTicks3D';
import { CAMERA_TARGET, CameraFit } from './CameraFit';
import { CriticalPointGlyphs } from './CriticalPointGlyphs';
import { DropLines } from './DropLines';
import { PlaybackInvalidator } from './PlaybackInvalidator';
import { RunEventGlyphs, type EventPlacement } from './RunEventGlyphs';
import { RunPath } from './RunPath';
import type { ScenePath } from './scene-path';
import { useSceneSurface } from './scene-surface';
import { SurfaceContours } from './SurfaceContours';
import { SurfaceMesh } from './SurfaceMesh';
import { useSceneFrame } from './use-scene-frame';

/** A run as the scene draws it: its path over the surface and where its events stand. */
export interface SceneRun {
  run: RunEntry;
  path: ScenePath;
  placeEvent: EventPlacement;
}

function Runs({ runs }: { runs: readonly SceneRun[] }) {
  const mapping = useSceneFrame();
  const surface = useSceneSurface();
  if (!mapping || !surface) return null;
  return (
    <>
      {runs.map(({ run, path, placeEvent }) => (
        <group key={run.id}>
          <RunPath path={path} frame={mapping.frame} />
          {path.distances && <DropLines path={path} frame={mapping.frame} surface={surface} />}
          <RunEventGlyphs run={run} frame={mapping.frame} place={placeEvent} />
        </group>
      ))}
    </>
  );
}

const NO_PATHS: readonly ScenePath[] = [];

function Paths({ paths }: { paths: readonly ScenePath[] }) {
  const mapping = useSceneFrame();
  if (!mapping) return null;
  return (
    <>
      {paths.map((path) => (
        <RunPath key={path.id} path={path} frame={mapping.frame} />
      ))}
    </>
  );
}

interface SceneCanvasProps {
  label: string;
  /** The runs drawn over the surface. */
  runs: readonly SceneRun[];
  /** Paths drawn over the surface that belong to no run, e.g. an opened file's trajectory. */
  paths?: readonly ScenePath[];
  /** Whether image and video export render this view (one view at a time can be). */
  exportable?: boolean;
  /** More of the scene, e.g. a function's descent arrows, a panel's link to the other panels' cameras. */
  children?: ReactNode;
}

/**
 * The 3D view of a surface on a grid (scene-surface.tsx: a function's, a network's slice) with
 * contours, axes, critical points, runs' paths at their own values, and orbit controls. It
 * follows the clock of its view source (scene/view-source.tsx) and renders on demand: when the
 * camera, the scene or the playback moves.
 */
export function SceneCanvas({ label, runs, paths = NO_PATHS, exportable = true, children }: SceneCanvasProps) {
  const contours = useAppStore((state) => state.view.contours);
  const exported = useMemo(() => [...runs, ...paths.map((path) => ({ path }))], [runs, paths]);
  return (
    <Canvas
      frameloop="demand"
      camera={{ position: [9, 9, 11], fov: 42 }}
      gl={{ preserveDrawingBuffer: true, antialias: true, localClippingEnabled: true }}
      dpr={[1, 2]}
      role="img"
      aria-label={label}
    >
      <color attach="background" args={['#0d1117']} />
      <hemisphereLight args={['#ffffff', '#223', 0.7]} />
      <directionalLight position={[6, 12, 4]} intensity={1.3} />
      <directionalLight position={[-8, 5, -6]} intensity={0.3} />
      <SurfaceMesh />
      {contours && <SurfaceContours />}
      <AxisTicks3D />
      <CriticalPointGlyphs />
      <Runs runs={runs} />
      <Paths paths={paths} />
      <PlaybackInvalidator />
      <OrbitControls makeDefault enableDamping target={CAMERA_TARGET} maxPolarAngle={Math.PI * 0.49} />
      <CameraFit />
      {children}
      {exportable && <SceneAccess paths={exported} />}
    </Canvas>
  );
}

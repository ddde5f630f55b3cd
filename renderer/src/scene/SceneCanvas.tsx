import { Html, OrbitControls } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import { useAppStore } from '../store/app-store';
import { CriticalPointGlyphs } from './CriticalPointGlyphs';
import { RunPath } from './RunPath';
import { SURFACE_SIZE } from './scene-frame';
import { StartMarker } from './StartMarker';
import { SurfaceMesh } from './SurfaceMesh';
import { useSceneFrame } from './use-scene-frame';

function Paths() {
  const runs = useAppStore((state) => state.runs);
  const mapping = useSceneFrame();
  if (!mapping) return null;
  return (
    <>
      {runs.map((run) => (
        <RunPath key={run.id} run={run} frame={mapping.frame} />
      ))}
    </>
  );
}

/** x runs along the front edge, y along the right edge (away from the default camera). */
function AxisLabels() {
  const half = SURFACE_SIZE / 2;
  return (
    <>
      <Html position={[0, 0, half + 0.7]} center className="axis-label">x →</Html>
      <Html position={[half + 0.7, 0, 0]} center className="axis-label">y →</Html>
    </>
  );
}

/** The 3D view: surface, critical points, runs' paths, orbit controls. */
export function SceneCanvas() {
  return (
    <Canvas
      camera={{ position: [9, 9, 11], fov: 42 }}
      gl={{ preserveDrawingBuffer: true, antialias: true }}
      dpr={[1, 2]}
      aria-label="3D loss surface"
    >
      <color attach="background" args={['#0d1117']} />
      <hemisphereLight args={['#ffffff', '#223', 0.7]} />
      <directionalLight position={[6, 12, 4]} intensity={1.3} />
      <directionalLight position={[-8, 5, -6]} intensity={0.3} />
      <SurfaceMesh />
      <CriticalPointGlyphs />
      <StartMarker />
      <Paths />
      <AxisLabels />
      <OrbitControls makeDefault enableDamping target={[0, 1, 0]} maxPolarAngle={Math.PI * 0.49} />
    </Canvas>
  );
}

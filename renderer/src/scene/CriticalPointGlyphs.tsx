import { useAppStore } from '../store/app-store';
import { CRITICAL_POINT_COLOR } from '../store/palette';
import { useSceneFrame } from './use-scene-frame';

/** The function's critical points inside the bounds, a shape per type (legend in the overlay). */
export function CriticalPointGlyphs() {
  const points = useAppStore((state) => state.surface?.criticalPoints);
  const mapping = useSceneFrame();
  if (!points || !mapping) return null;
  const { frame } = mapping;
  return (
    <group name="critical-points">
      {points.map((cp, index) => (
        <mesh
          key={index}
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
    </group>
  );
}

import { useObjective } from '../plot/use-plot-data';
import { useAppStore } from '../store/app-store';
import { useSceneFrame } from './use-scene-frame';

/**
 * Where the next run will start: a ring with a cross (as in the 2D map and the legend, and
 * unlike the saddle's torus) lying on the surface at the start's true loss.
 */
export function StartMarker() {
  const start = useAppStore((state) => state.draft.start);
  const objective = useObjective();
  const mapping = useSceneFrame();
  if (!mapping) return null;
  const { frame } = mapping;
  const [x, y] = start;
  const loss = objective.value(x, y);
  if (!Number.isFinite(loss)) return null;
  return (
    <group
      position={[frame.worldX(x), frame.worldY(loss) + 0.08, frame.worldZ(y)]}
      rotation={[-Math.PI / 2, 0, 0]}
      name="start-marker"
    >
      <mesh>
        <ringGeometry args={[0.12, 0.2, 32]} />
        <meshBasicMaterial color="#ffffff" />
      </mesh>
      {[0, Math.PI / 2].map((angle) => (
        <mesh key={angle} rotation={[0, 0, angle]}>
          <planeGeometry args={[0.6, 0.05]} />
          <meshBasicMaterial color="#ffffff" />
        </mesh>
      ))}
    </group>
  );
}

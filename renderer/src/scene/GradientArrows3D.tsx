import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import { useGradientArrows, useObjective } from '../plot/use-plot-data';
import { useSceneFrame } from './use-scene-frame';

const LIFT = 0.06;
/** Arrowhead strokes: a share of the arrow's length, at this angle either side of it. */
const HEAD_SHARE = 0.35;
const HEAD_ANGLE = 0.45;

/** The descent field −∇f as arrows lying on the surface (three segments each: shaft, head). */
export function GradientArrows3D() {
  const arrows = useGradientArrows();
  const objective = useObjective();
  const mapping = useSceneFrame();
  const geometry = useMemo(() => {
    if (!mapping) return null;
    const { frame } = mapping;
    const count = arrows.length / 4;
    const positions = new Float32Array(count * 18);
    const height = (x: number, y: number): number => frame.worldY(objective.value(x, y)) + LIFT;
    const cos = Math.cos(HEAD_ANGLE);
    const sin = Math.sin(HEAD_ANGLE);
    for (let a = 0; a < count; a++) {
      const [x, y, tx, ty] = arrows.subarray(4 * a, 4 * a + 4);
      const base = [frame.worldX(x!), height(x!, y!), frame.worldZ(y!)] as const;
      const tip = [frame.worldX(tx!), height(tx!, ty!), frame.worldZ(ty!)] as const;
      const back = [base[0] - tip[0], base[1] - tip[1], base[2] - tip[2]].map((d) => d * HEAD_SHARE);
      const head = (turn: number): number[] => [
        tip[0] + back[0]! * cos - back[2]! * sin * turn,
        tip[1] + back[1]!,
        tip[2] + back[0]! * sin * turn + back[2]! * cos,
      ];
      positions.set([...base, ...tip, ...tip, ...head(1), ...tip, ...head(-1)], 18 * a);
    }
    const result = new BufferGeometry();
    result.setAttribute('position', new BufferAttribute(positions, 3));
    return result;
  }, [arrows, objective, mapping]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  if (!geometry) return null;
  return (
    <lineSegments geometry={geometry} name="gradient-arrows" renderOrder={1}>
      <lineBasicMaterial color="#ffffff" transparent opacity={0.85} />
    </lineSegments>
  );
}

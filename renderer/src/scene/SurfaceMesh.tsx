import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide } from 'three';
import { sampleColormap } from '../../../shared/colormaps/colormap';
import { useAppStore } from '../store/app-store';
import { setHoverTarget } from '../store/hover-store';
import { useSceneFrame } from './use-scene-frame';

/**
 * The loss surface as a lit, colour-mapped mesh. Hovering reports the point under the pointer;
 * a click (not a drag) sets the next run's start.
 */
export function SurfaceMesh() {
  const surface = useAppStore((state) => state.surface);
  const colormap = useAppStore((state) => state.view.colormap);
  const updateDraft = useAppStore((state) => state.updateDraft);
  const mapping = useSceneFrame();

  const geometry = useMemo(() => {
    if (!surface || !mapping) return null;
    const { frame, scale } = mapping;
    const nx = surface.x.length;
    const ny = surface.y.length;
    const positions = new Float32Array(nx * ny * 3);
    const colors = new Float32Array(nx * ny * 3);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const k = j * nx + i;
        const z = surface.z[k]!;
        positions[3 * k] = frame.worldX(surface.x[i]!);
        positions[3 * k + 1] = Number.isFinite(z) ? frame.worldY(z) : 0;
        positions[3 * k + 2] = frame.worldZ(surface.y[j]!);
        sampleColormap(colormap, scale.toHeight(z), colors, 3 * k, 'linear');
      }
    }
    const indices = new Uint32Array((nx - 1) * (ny - 1) * 6);
    let n = 0;
    for (let j = 0; j < ny - 1; j++) {
      for (let i = 0; i < nx - 1; i++) {
        const a = j * nx + i;
        indices.set([a, a + 1, a + nx, a + 1, a + nx + 1, a + nx], n);
        n += 6;
      }
    }
    const result = new BufferGeometry();
    result.setAttribute('position', new BufferAttribute(positions, 3));
    result.setAttribute('color', new BufferAttribute(colors, 3));
    result.setIndex(new BufferAttribute(indices, 1));
    result.computeVertexNormals();
    return result;
  }, [surface, mapping, colormap]);

  useEffect(() => () => geometry?.dispose(), [geometry]);

  if (!geometry || !mapping) return null;
  const onClick = (event: ThreeEvent<MouseEvent>): void => {
    if (event.delta > 4) return;
    event.stopPropagation();
    const [x, y] = mapping.frame.problemPoint(event.point.x, event.point.z);
    updateDraft({ start: [Number(x.toFixed(3)), Number(y.toFixed(3))] });
  };
  const onPointerMove = (event: ThreeEvent<PointerEvent>): void => {
    event.stopPropagation();
    const { clientX, clientY } = event.nativeEvent;
    setHoverTarget({ point: mapping.frame.problemPoint(event.point.x, event.point.z), clientX, clientY });
  };
  return (
    <mesh geometry={geometry} onClick={onClick} onPointerMove={onPointerMove} onPointerOut={() => setHoverTarget(null)} name="loss-surface">
      {/* Pushed back a little so contour lines drawn just above it never flicker through. */}
      <meshStandardMaterial vertexColors side={DoubleSide} roughness={0.55} metalness={0.05} polygonOffset polygonOffsetFactor={1} polygonOffsetUnits={1} />
    </mesh>
  );
}

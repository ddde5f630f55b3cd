import { useThree, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, DoubleSide } from 'three';
import { sampleColormap } from '../../../shared/colormaps/colormap';
import { useAppStore } from '../store/app-store';
import { setHoverTarget } from '../store/hover-store';
import { useSceneSurface } from './scene-surface';
import { useSceneFrame } from './use-scene-frame';

/** Triangles of an nx × ny grid, two per cell. */
function gridGeometry(nx: number, ny: number): BufferGeometry {
  const indices = new Uint32Array((nx - 1) * (ny - 1) * 6);
  let n = 0;
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = j * nx + i;
      indices.set([a, a + 1, a + nx, a + 1, a + nx + 1, a + nx], n);
      n += 6;
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(nx * ny * 3), 3));
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(nx * ny * 3), 3));
  geometry.setIndex(new BufferAttribute(indices, 1));
  return geometry;
}

/**
 * The loss surface as a lit, colour-mapped mesh. Its geometry lives as long as the grid's size:
 * a grid streaming in coarse to fine rewrites the heights in place. Hovering reports the point
 * under the pointer; a click (not a drag) picks the point, where the surface takes picks.
 */
export function SurfaceMesh() {
  const surface = useSceneSurface();
  const colormap = useAppStore((state) => state.view.colormap);
  const mapping = useSceneFrame();
  const invalidate = useThree((state) => state.invalidate);
  const nx = surface?.x.length ?? 0;
  const ny = surface?.y.length ?? 0;
  const geometry = useMemo(() => (nx > 1 && ny > 1 ? gridGeometry(nx, ny) : null), [nx, ny]);
  useEffect(() => () => geometry?.dispose(), [geometry]);

  useLayoutEffect(() => {
    if (!geometry || !surface || !mapping) return;
    const { frame, scale } = mapping;
    const positionAttribute = geometry.getAttribute('position') as BufferAttribute;
    const colorAttribute = geometry.getAttribute('color') as BufferAttribute;
    const positions = positionAttribute.array as Float32Array;
    const colors = colorAttribute.array as Float32Array;
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const k = j * nx + i;
        const z = surface.z[k]!;
        positions[3 * k] = frame.worldX(surface.x[i]!);
        positions[3 * k + 1] = Number.isFinite(z) ? frame.worldY(z) : 0;
        positions[3 * k + 2] = frame.worldZ(surface.y[j]!);
        sampleColormap(colormap, Number.isFinite(z) ? scale.toHeight(z) : 0, colors, 3 * k, 'linear');
      }
    }
    positionAttribute.needsUpdate = true;
    colorAttribute.needsUpdate = true;
    geometry.computeVertexNormals();
    geometry.computeBoundingSphere();
    invalidate();
  }, [geometry, surface, mapping, colormap, nx, ny, invalidate]);

  const hover = surface?.hover ?? setHoverTarget;
  // The mesh can go (the canvas unmounts, or the surface is asked for again) without a pointer-out:
  // its hover goes with it, or the old read-out would come back with the next surface.
  const shown = geometry !== null && mapping !== null && surface !== null;
  useEffect(() => (shown ? () => hover(null) : undefined), [shown, hover]);

  if (!shown) return null;
  const { pick } = surface;
  const onClick = (event: ThreeEvent<MouseEvent>): void => {
    if (event.delta > 4 || !pick) return;
    event.stopPropagation();
    pick(mapping.frame.problemPoint(event.point.x, event.point.z));
  };
  const onPointerMove = (event: ThreeEvent<PointerEvent>): void => {
    event.stopPropagation();
    const { clientX, clientY } = event.nativeEvent;
    hover({ point: mapping.frame.problemPoint(event.point.x, event.point.z), clientX, clientY });
  };
  return (
    <mesh
      geometry={geometry}
      onClick={onClick}
      onPointerMove={onPointerMove}
      onPointerOut={() => hover(null)}
      name="loss-surface"
    >
      {/* Pushed back a little so contour lines drawn just above it never flicker through. */}
      <meshStandardMaterial
        vertexColors
        side={DoubleSide}
        roughness={0.55}
        metalness={0.05}
        polygonOffset
        polygonOffsetFactor={1}
        polygonOffsetUnits={1}
      />
    </mesh>
  );
}

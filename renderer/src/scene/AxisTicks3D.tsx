import { useEffect, useMemo } from 'react';
import type { Bounds } from '../../../shared/functions/objective';
import { BufferAttribute, BufferGeometry, Sprite, SpriteMaterial } from 'three';
import { formatTick } from '../../../shared/format-number';
import { niceTicks } from '../plot/nice-ticks';
import { SURFACE_SIZE, type SceneFrame } from './scene-frame';
import { textTexture } from './glyph-texture';
import { labelGrowth } from './label-growth';
import { useSceneSurface } from './scene-surface';
import { useSceneFrame } from './use-scene-frame';

const HALF = SURFACE_SIZE / 2;
const TICK = 0.18;
const LABEL_HEIGHT = 0.34;
const AXIS_COLOR = '#9da7b3';

type Vector = [number, number, number];

/**
 * A label `offset` away from `anchor` on the axis, along x or z. Its size is set as each render
 * starts (onBeforeRender), from the height of what is being drawn, so the 3D view, a panel, and
 * a PNG or video frame rendered at their own sizes each get legible labels. A grown label moves
 * out by half its growth and by the growth of the `inside` labels between it and the axis, so
 * the gaps stay as they were.
 */
function label(text: string, anchor: Vector, offset: Vector, height = LABEL_HEIGHT, inside = 0): Sprite {
  const { texture, aspect } = textTexture(text, AXIS_COLOR);
  const sprite = new Sprite(new SpriteMaterial({ map: texture, transparent: true }));
  const distance = Math.hypot(...offset);
  // Beside the right edge (an x offset) the label's width faces the axis, below the front edge its height.
  const extent = offset[0] !== 0 ? height * aspect : height;
  let applied = NaN;
  const place = (growth: number): void => {
    applied = growth;
    sprite.scale.set(height * aspect * growth, height * growth, 1);
    const out = (distance + (growth - 1) * (inside + extent / 2)) / distance;
    sprite.position.set(anchor[0] + offset[0] * out, anchor[1] + offset[1] * out, anchor[2] + offset[2] * out);
  };
  place(1);
  sprite.onBeforeRender = (renderer) => {
    const growth = labelGrowth(renderer.domElement.height, renderer.getPixelRatio());
    if (growth === applied) return;
    place(growth);
    // The renderer took the world matrices before this call; the new scale must reach this draw.
    sprite.updateMatrixWorld();
  };
  return sprite;
}

/**
 * Axes on the floor under the surface: x (or α) along the front edge, y (or β) along the right
 * edge (growing away from the default camera), with round tick values.
 */
function buildAxes(frame: SceneFrame, bounds: Bounds, [xName, yName]: [string, string]) {
  const [[x0, x1], [y0, y1]] = bounds;
  const xTicks = niceTicks(x0, x1, 6);
  const yTicks = niceTicks(y0, y1, 6);
  const lines: number[] = [-HALF, 0, HALF, HALF, 0, HALF, HALF, 0, HALF, HALF, 0, -HALF];
  const sprites: Sprite[] = [];
  for (const x of xTicks) {
    const wx = frame.worldX(x);
    lines.push(wx, 0, HALF, wx, 0, HALF + TICK);
    sprites.push(label(formatTick(x, xTicks[1]! - xTicks[0]!), [wx, 0, HALF], [0, 0, 0.5]));
  }
  let widestY = 0;
  for (const y of yTicks) {
    const wz = frame.worldZ(y);
    // The front corner already carries the last x label.
    if (wz > HALF - 0.5) continue;
    lines.push(HALF, 0, wz, HALF + TICK, 0, wz);
    const tick = label(formatTick(y, yTicks[1]! - yTicks[0]!), [HALF, 0, wz], [0.6, 0, 0]);
    widestY = Math.max(widestY, tick.scale.x);
    sprites.push(tick);
  }
  sprites.push(
    label(xName, [0, 0, HALF], [0, 0, 1.1], 0.45, LABEL_HEIGHT),
    label(yName, [HALF, 0, 0], [1.3, 0, 0], 0.45, widestY),
  );
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(Float32Array.from(lines), 3));
  return { geometry, sprites };
}

export function AxisTicks3D() {
  const mapping = useSceneFrame();
  const surface = useSceneSurface();
  const bounds = surface?.bounds;
  const [xName, yName] = surface?.axisNames ?? ['x', 'y'];
  const axes = useMemo(
    () => (mapping && bounds ? buildAxes(mapping.frame, bounds, [xName, yName]) : null),
    [mapping, bounds, xName, yName],
  );
  useEffect(
    () => () => {
      axes?.geometry.dispose();
      axes?.sprites.forEach((sprite) => {
        sprite.material.map?.dispose();
        sprite.material.dispose();
      });
    },
    [axes],
  );
  if (!axes) return null;
  return (
    <group name="axes">
      <lineSegments geometry={axes.geometry}>
        <lineBasicMaterial color={AXIS_COLOR} />
      </lineSegments>
      {axes.sprites.map((sprite) => (
        <primitive key={sprite.id} object={sprite} />
      ))}
    </group>
  );
}

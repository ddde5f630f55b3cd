import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { renderSceneAt } from '../export/image-export';
import { registerImageView } from '../export/image-views';
import { currentScene } from '../export/scene-access';
import { useAppStore } from '../store/app-store';
import { FunctionScene } from '../function/FunctionScene';
import { computedSlice, settledSlice } from '../network/landscape-image';
import { MainSliceScene } from '../network/MainSliceScene';
import { MAIN_SLICE } from '../store/app-model';

/** Frames to wait for a 3D view mounted off screen to register itself before giving up. */
const MOUNT_FRAMES = 600;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** A 2D copy of a WebGL frame, taken while it is there: the scene's own canvas is put back at once. */
function copyCanvas(source: HTMLCanvasElement): HTMLCanvasElement {
  const copy = document.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  copy.getContext('2d')!.drawImage(source, 0, 0);
  return copy;
}

/**
 * The 3D view the problem draws when it is not on screen: a function's surface, or the main
 * slice of a network's loss landscape once computed (asked for, as its 2D map's image would, if
 * no view has). Throws, saying why, when there is nothing to draw.
 */
async function sceneToDraw(): Promise<ReactElement> {
  if (useAppStore.getState().kind === 'function') {
    if (!useAppStore.getState().surface) throw new Error('the surface is still being computed');
    return <FunctionScene label="3D loss surface, drawn off screen for an image" />;
  }
  computedSlice(await settledSlice(MAIN_SLICE));
  return <MainSliceScene label="Loss landscape in 3D, drawn off screen for an image" />;
}

/**
 * The 3D view rendered again at the size asked for: the one on screen (panel 1 with panels), or,
 * with no 3D view shown, one mounted off screen for the picture and unmounted after, with the
 * camera of a freshly opened view.
 */
async function renderScene(width: number, height: number): Promise<HTMLCanvasElement> {
  if (currentScene()) return renderSceneAt(width, height, copyCanvas);
  const scene = await sceneToDraw();
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: '960px',
    height: `${Math.round((960 * height) / width)}px`,
  });
  document.body.append(host);
  const root = createRoot(host);
  try {
    root.render(scene);
    for (let frame = 0; !currentScene(); frame++) {
      if (frame >= MOUNT_FRAMES) throw new Error('the 3D view could not be drawn off screen');
      await nextFrame();
    }
    // Paths write their points and draw ranges in the scene's frame callbacks: one frame of its own loop first.
    currentScene()!.advance(performance.now(), false);
    return await renderSceneAt(width, height, copyCanvas);
  } finally {
    root.unmount();
    host.remove();
  }
}

registerImageView({
  id: '3d',
  label: '3D view',
  kinds: ['function', 'network'],
  order: 0,
  takesHeight: true,
  render: renderScene,
});

import { currentScene } from './scene-access';

/**
 * Renders the 3D view once at width × height pixels into its own canvas, then puts the renderer
 * and camera back; `draw` reads the frame while it is there (a PNG, a video frame).
 */
export async function renderSceneAt<T>(
  width: number,
  height: number,
  draw: (canvas: HTMLCanvasElement) => Promise<T> | T,
): Promise<T> {
  const state = currentScene();
  if (!state) throw new Error('the 3D view is not shown');
  const { gl, scene, camera, size, viewport } = state;
  const perspective = 'aspect' in camera ? camera : null;
  const aspect = perspective?.aspect;
  gl.setPixelRatio(1);
  gl.setSize(width, height, false);
  if (perspective) {
    perspective.aspect = width / height;
    perspective.updateProjectionMatrix();
  }
  try {
    gl.render(scene, camera);
    return await draw(gl.domElement);
  } finally {
    gl.setPixelRatio(viewport.dpr);
    gl.setSize(size.width, size.height, false);
    if (perspective && aspect !== undefined) {
      perspective.aspect = aspect;
      perspective.updateProjectionMatrix();
    }
    state.invalidate();
  }
}

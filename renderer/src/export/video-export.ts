import { BufferTarget, CanvasSource, Mp4OutputFormat, Output, QUALITY_HIGH, WebMOutputFormat, canEncodeVideo } from 'mediabunny';
import { Vector3 } from 'three';
import { pauseClock } from '../playback/playback-clock';
import { runsOfView } from '../scene/view-source';
import { useAppStore } from '../store/app-store';
import { currentScene, currentSceneSource } from './scene-access';

export interface VideoOptions {
  width: number;
  height: number;
  fps: number;
  seconds: number;
  /** The camera circles the surface once over the video. */
  orbit: boolean;
  /** Burns in the step counter and the runs' names. */
  overlay: boolean;
}

export interface VideoChoice {
  codec: 'avc' | 'vp9' | 'vp8';
  container: 'mp4' | 'webm';
}

/** MP4 (H.264) where the browser encodes it, else WebM with VP9, else WebM with VP8. */
export async function chooseVideoCodec(width: number, height: number): Promise<VideoChoice | null> {
  if (await canEncodeVideo('avc', { width, height })) return { codec: 'avc', container: 'mp4' };
  if (await canEncodeVideo('vp9', { width, height })) return { codec: 'vp9', container: 'webm' };
  if (await canEncodeVideo('vp8', { width, height })) return { codec: 'vp8', container: 'webm' };
  return null;
}

function drawOverlay(context: CanvasRenderingContext2D, step: number, lastStep: number, runId: string | null): void {
  const runs = runsOfView(useAppStore.getState().shownRuns, runId);
  const size = Math.max(12, Math.round(context.canvas.height / 28));
  context.font = `${size}px system-ui, sans-serif`;
  context.textBaseline = 'top';
  context.fillStyle = 'rgba(13, 17, 23, 0.7)';
  context.fillRect(0, 0, context.canvas.width, size * 1.8);
  context.fillStyle = '#e6edf3';
  context.fillText(`step ${step} / ${lastStep}`, size * 0.6, size * 0.4);
  let x = context.canvas.width - size * 0.6;
  context.textAlign = 'right';
  for (let k = runs.length - 1; k >= 0; k--) {
    const run = runs[k]!;
    context.fillStyle = run.color;
    context.fillText(run.name, x, size * 0.4);
    x -= context.measureText(run.name).width + size;
  }
  context.textAlign = 'left';
}

/**
 * Records the 3D view frame by frame: each frame sets the step of the clock that view follows,
 * renders the scene at the video's size and hands it to the encoder, so the video is smooth
 * however slow the machine. The view and its clock are put back as they were afterwards.
 */
export async function recordVideo(options: VideoOptions, choice: VideoChoice, onProgress: (done: number) => void, signal: AbortSignal): Promise<Blob> {
  const state = currentScene();
  if (!state) throw new Error('the 3D view is not shown');
  const { gl, camera, size, viewport, controls } = state;
  const { clock, runId } = currentSceneSource();
  const orbitTarget = (controls as { target?: Vector3 } | null)?.target ?? new Vector3();
  const perspective = 'aspect' in camera ? camera : null;
  const saved = { aspect: perspective?.aspect, position: camera.position.clone(), clock: { ...clock } };
  const frames = Math.max(1, Math.round(options.fps * options.seconds));
  const lastStep = clock.lastStep;

  const composite = document.createElement('canvas');
  composite.width = options.width;
  composite.height = options.height;
  const context = composite.getContext('2d')!;
  const output = new Output({ format: choice.container === 'mp4' ? new Mp4OutputFormat() : new WebMOutputFormat(), target: new BufferTarget() });
  const source = new CanvasSource(composite, { codec: choice.codec, bitrate: QUALITY_HIGH });
  output.addVideoTrack(source, { frameRate: options.fps });

  pauseClock(clock);
  clock.follow = false;
  gl.setPixelRatio(1);
  gl.setSize(options.width, options.height, false);
  if (perspective) {
    perspective.aspect = options.width / options.height;
    perspective.updateProjectionMatrix();
  }
  const offset = saved.position.clone().sub(orbitTarget);
  try {
    await output.start();
    for (let frame = 0; frame < frames; frame++) {
      if (signal.aborted) throw new DOMException('the recording was cancelled', 'AbortError');
      const step = frames === 1 ? lastStep : Math.round((frame / (frames - 1)) * lastStep);
      clock.position = step;
      if (options.orbit) {
        const turned = offset.clone().applyAxisAngle(new Vector3(0, 1, 0), (2 * Math.PI * frame) / frames);
        camera.position.copy(orbitTarget).add(turned);
        camera.lookAt(orbitTarget);
      }
      // Runs every useFrame (paths, markers) at this step, then renders.
      state.advance(performance.now(), true);
      context.drawImage(gl.domElement, 0, 0, options.width, options.height);
      if (options.overlay) drawOverlay(context, step, lastStep, runId);
      await source.add(frame / options.fps, 1 / options.fps);
      onProgress((frame + 1) / frames);
    }
    await output.finalize();
  } catch (error) {
    await output.cancel();
    throw error;
  } finally {
    gl.setPixelRatio(viewport.dpr);
    gl.setSize(size.width, size.height, false);
    if (perspective && saved.aspect !== undefined) {
      perspective.aspect = saved.aspect;
      perspective.updateProjectionMatrix();
    }
    camera.position.copy(saved.position);
    camera.lookAt(orbitTarget);
    Object.assign(clock, saved.clock);
    state.invalidate();
  }
  return new Blob([output.target.buffer!], { type: choice.container === 'mp4' ? 'video/mp4' : 'video/webm' });
}
